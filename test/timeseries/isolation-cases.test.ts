/**
 * The entity-isolation check on every kind of cross-entity read it must catch, and on per-entity
 * features it must pass — through the driver's walk over the layouts and through a caller's
 * function (one run per layout), which must agree.
 */
import 'reflect-metadata';
import {
  Builder, checkOutput, cumsum, diff, ewmMean, expandingMean, feature, groupMax, groupMean, rollingMean, shift, zscore,
  type Groups,
} from '../../src';
import { checkEntityIsolation, type IsolationRun } from '../../src/timeseries/isolation';
import { EntityIsolationError } from '../../src/timeseries/isolation-error';
import { entityHistory } from '../../src/timeseries/history';
import { FeatureExecutionError, InputError } from '../../src/errors';

// city "a": Jan 1–8, city "b": Jan 1–6; sorted, a's 8 rows come first, then b's 6
// (b is given first: its input rows are 0–5).
const a = [5, 7, 6, 9, 8, 12, 10, 11];
const b = [20, 18, 21, 19, 23, 22];
const day = (d: number) => `2020-01-0${d}`;
const data = {
  city: [...b.map(() => 'b'), ...a.map(() => 'a')],
  date: [...b.map((_, k) => day(k + 1)), ...a.map((_, k) => day(k + 1))],
  temp: Float64Array.from([...b, ...a]),
};
const history = entityHistory(data, { entity: 'city', time: 'date' });

class CrossEntity {
  /** Divides by the previous row of the whole column; +Infinity where there is none. */
  @feature()
  ratioToPrevious(temp: Float64Array): Float64Array {
    return temp.map((t, i) => (i === 0 ? Infinity : t / temp[i - 1]));
  }
  /** A column only when the whole input is long enough: the shape reads the other entity's row count. */
  @feature()
  longEnough(temp: Float64Array, groups: Groups): Float64Array | number {
    return temp.length >= 10 ? rollingMean(temp, 2, { groups }) : NaN;
  }
  @feature()
  rowNumber(temp: Float64Array): Float64Array {
    return Float64Array.from(temp, (_, i) => i);
  }
  @feature()
  runningTotal(temp: Float64Array): Float64Array {
    return cumsum(temp); // forgot { groups }
  }
  @feature()
  overallMean(temp: Float64Array): Float64Array {
    return groupMean(temp, undefined); // one group: every city
  }
  @feature()
  shareOfMax(temp: Float64Array): Float64Array {
    return temp.map((t, _, all) => t / Math.max(...all)); // the max of every city: b holds it, so only a differs
  }
  @feature()
  standardized(temp: Float64Array): Float64Array {
    return zscore(temp); // forgot { groups }
  }
  @feature()
  async laterLag(temp: Float64Array): Promise<Float64Array> {
    await Promise.resolve();
    return shift(temp, 1); // async, forgot { groups }
  }
}

class PerEntity {
  // fails on b's rows: data-quality checks do not run on the sample
  @checkOutput({ range: [0, 15], importance: 'fail' })
  @feature()
  ma3(temp: Float64Array, groups: Groups): Float64Array {
    return rollingMean(temp, 3, { groups });
  }
  @feature()
  cityMean(temp: Float64Array, groups: Groups): Float64Array {
    return groupMean(temp, groups); // over the whole city: each side alone sees the same city rows
  }
  @feature()
  cityMax(temp: Float64Array, groups: Groups): Float64Array {
    return groupMax(temp, groups);
  }
  @feature()
  soFar(temp: Float64Array, groups: Groups): Float64Array {
    return expandingMean(temp, { groups });
  }
  @feature()
  smooth(temp: Float64Array, groups: Groups): Float64Array {
    return ewmMean(temp, { span: 3, groups });
  }
  @feature()
  total(temp: Float64Array, groups: Groups): Float64Array {
    return cumsum(temp, { groups });
  }
  @feature()
  change(temp: Float64Array, groups: Groups): Float64Array {
    return diff(temp, 1, { groups });
  }
  @feature()
  above(temp: Float64Array, cityMean: Float64Array): Float64Array {
    return temp.map((t, i) => t - cityMean[i]);
  }
  @feature()
  scaled(temp: Float64Array, factor: number): Float64Array {
    return temp.map((t) => t * factor);
  }
}

const crossNames = [
  'ratioToPrevious', 'longEnough', 'rowNumber', 'runningTotal', 'overallMean', 'shareOfMax', 'standardized', 'laterLag',
];
const perEntityNames = ['ma3', 'cityMean', 'cityMax', 'soFar', 'smooth', 'total', 'change', 'above', 'scaled'];

/** The same graph run once per layout by a caller's function. */
const perLayout = (dr: { run(o: readonly string[], x: object): Promise<{ result: unknown }> }): IsolationRun =>
  async (outputs, inputs, overrides) =>
    (await dr.run(outputs, { inputs, overrides })).result as Record<string, unknown>;

type Found = { feature: string; entity: unknown; side: string; together: unknown; alone: unknown; differing: number };
const summary = (error: EntityIsolationError) =>
  error.differences.map((d: Found) => [d.feature, d.entity, d.side, d.together, d.alone, d.differing]);

describe('the entity-isolation check: what it must catch', () => {
  const dr = new Builder().withFeatures(CrossEntity).build();
  const expected = [
    ['ratioToPrevious', 'b', 'after', 20 / 11, Infinity, 1], // an infinity equals only itself
    ['longEnough', 'b', 'after', NaN, NaN, 6], // a column together, a number alone: b's first row, every row differs
    ['rowNumber', 'b', 'after', 8, 0, 6],
    ['runningTotal', 'b', 'after', 68 + 20, 20, 6],
    ['overallMean', 'b', 'after', (68 + 123) / 14, 123 / 6, 6],
    ['shareOfMax', 'a', 'before', 5 / 23, 5 / 12, 8],
    ['standardized', 'b', 'after', expect.any(Number), expect.any(Number), 6],
    ['laterLag', 'b', 'after', 11, NaN, 1],
  ];

  // through the driver's Arrow result a number becomes a column of NaN: b's first row is NaN
  // both ways, the 5 rows after it differ
  const viaTable = expected.map((row) => (row[0] === 'longEnough' ? ['longEnough', 'b', 'after', 19, NaN, 5] : row));
  it.each([
    ['the driver', () => dr, expected],
    ['a function run once per layout', () => perLayout(dr), viaTable],
  ])('names every feature that reads across entities, with its first differing row (%s)', async (_, run, want) => {
    const error = await checkEntityIsolation(run() as never, crossNames, history).catch((e) => e);
    expect(error).toBeInstanceOf(EntityIsolationError);
    expect(error.features).toEqual(crossNames);
    expect(summary(error)).toEqual(want);
    expect(error.message).toContain(
      'Feature "ratioToPrevious" on city "b" at 2020-01-01 (input row 0) is 1.81818 computed after city "a"\'s rows ' +
        'and Infinity on "b" alone (1 of 6 rows differ).',
    );

  });

  it('names a feature whose value is a column together and a number alone', async () => {
    const error = await checkEntityIsolation(dr, ['longEnough'], history).catch((e) => e);
    expect(error.message).toContain(
      'Feature "longEnough" on city "b" at 2020-01-01 (input row 0) is NaN computed after city "a"\'s rows ' +
        'and NaN on "b" alone (6 of 6 rows differ).',
    );
  });

  it('names a feature that fails on the sample, with the error as the cause', async () => {
    class Fragile {
      @feature()
      needsTen(temp: Float64Array): Float64Array {
        if (temp.length < 10) throw new RangeError(`needs 10 rows, got ${temp.length}`);
        return temp.slice();
      }
    }
    const fragile = new Builder().withFeatures(Fragile).build();
    const error = await checkEntityIsolation(fragile, ['needsTen'], history).catch((e) => e);
    expect(error).toBeInstanceOf(EntityIsolationError);
    expect(error.cause).toBeInstanceOf(FeatureExecutionError);
    expect(error.message).toMatch(
      /^Entity isolation: the check computes the features on the rows where city "a" and city "b" meet, and that/,
    );
    expect(error.message).toMatch(/needsTen.*needs 10 rows, got 8/);
  });
});

describe('the entity-isolation check: what it must pass', () => {
  const dr = new Builder().withFeatures(PerEntity).withConfig({ factor: 2 }).build();

  it('passes per-entity features: windows, aggregates over the whole entity, config, built on each other', async () => {
    const report = await checkEntityIsolation(dr, perEntityNames, history);
    expect(report).toEqual({ entities: ['a', 'b'], rows: 14, checked: perEntityNames, ignored: [] });
    // a caller's function runs the driver's checks too: ma3's 'fail' range check would stop it on b's rows
    const unchecked = perEntityNames.filter((n) => n !== 'ma3');
    const viaFunction = await checkEntityIsolation(perLayout(dr), unchecked, history);
    expect(viaFunction.checked).toEqual(unchecked);
  });

  it('refuses a run function that does not resolve to the requested outputs (nothing compared)', async () => {
    const partial = async () => ({ cityMean: new Float64Array(14) });
    const error = await checkEntityIsolation(partial, ['cityMean', 'soFar', 'smooth'], history).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'checkEntityIsolation: the run function resolved to a record without "soFar", "smooth". ' +
        'It must resolve to the requested outputs by name, e.g. async (outputs, inputs, overrides) => ' +
        '(await dr.run(outputs, { inputs, overrides })).result, or an Arrow table with those columns.',
    );
  });

  it('compares inputs and config requested as outputs as they are', async () => {
    const report = await checkEntityIsolation(dr, ['temp', 'factor', 'ma3'], history);
    expect(report.checked).toEqual(['temp', 'factor', 'ma3']);
    // every output reaches the comparison: a function that gives temp in another order is caught on it
    const shuffled: IsolationRun = async (outputs, inputs) => {
      const temp = inputs.temp as Float64Array;
      return { temp: temp.length === 14 ? temp.slice().reverse() : temp };
    };
    const error = await checkEntityIsolation(shuffled, ['temp'], history).catch((e) => e);
    expect(error.features).toEqual(['temp']);
  });

  it('refuses a history without an input a feature needs; one with a default may be left out', async () => {
    class Needs {
      @feature()
      ratio(temp: Float64Array, rain: Float64Array): Float64Array {
        return temp.map((t, i) => t / rain[i]);
      }
      @feature()
      scaledBy(temp: Float64Array, scale = 3): Float64Array {
        return temp.map((t) => t * scale);
      }
    }
    const needs = new Builder().withFeatures(Needs).build();
    await expect(checkEntityIsolation(needs, ['ratio'], history)).rejects.toThrow(
      'Missing input "rain", needed by "ratio". Pass it in inputs: { rain: … }.',
    );
    const report = await checkEntityIsolation(needs, ['scaledBy'], history);
    expect(report.checked).toEqual(['scaledBy']);
  });

  it('refuses an output that is no feature, input or config with execute\'s error', async () => {
    await expect(checkEntityIsolation(dr, ['ma4'], history)).rejects.toThrow(
      'Unknown output "ma4": no feature, input or config has that name. Did you mean "ma3"?',
    );
  });
});
