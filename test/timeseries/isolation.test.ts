import 'reflect-metadata';
import { Builder, expandingMean, feature, rollingMean, shift, tag, type Groups } from '../../src';
import { buildTrainingFrame } from '../../src/timeseries/training-frame';
import { checkEntityIsolation } from '../../src/timeseries/isolation';
import { EntityIsolationError } from '../../src/timeseries/isolation-error';
import { entityHistory } from '../../src/timeseries/history';

// city "a": Jan 1–8, city "b": Jan 1–6, given b first so the input rows differ from the sorted ones.
const a = [5, 7, 6, 9, 8, 12, 10, 11];
const b = [20, 18, 21, 19, 23, 22];
const day = (d: number) => `2020-01-0${d}`;
const data = {
  city: [...b.map(() => 'b'), ...a.map(() => 'a')],
  date: [...b.map((_, k) => day(k + 1)), ...a.map((_, k) => day(k + 1))],
  temp: Float64Array.from([...b, ...a]),
};
const base = { data, entity: 'city', time: 'date', target: 'temp' } as const;

class Grouped {
  @feature()
  ma3(temp: Float64Array, groups: Groups): Float64Array {
    return rollingMean(temp, 3, { groups });
  }
}
class Leaky extends Grouped {
  @feature()
  ma3Leaky(temp: Float64Array): Float64Array {
    return rollingMean(temp, 3); // forgot { groups }
  }
}

describe('the entity-isolation check', () => {
  it('rejects a rolling mean that forgets { groups }, naming the feature, the entities, the row and the fix', async () => {
    const error = await buildTrainingFrame({ ...base, features: [Leaky] }).catch((e) => e);
    expect(error).toBeInstanceOf(EntityIsolationError);
    // b's first day, computed after a: (10 + 11 + 20) / 3; b is input row 0
    expect(error.message).toBe(
      'Entity isolation: 1 feature reads across entities; computed on two neighbouring entities (city) together, it differs from each entity alone:\n' +
        '  - Feature "ma3Leaky" on city "b" at 2020-01-01 (input row 0) is 13.6667 computed after city "a"\'s rows and NaN on "b" alone (2 of 6 rows differ).\n' +
        "A per-entity feature may only read its own entity's rows: pass { groups } to shift/rolling/expanding/ewm/diff/fill/cumsum/zscore " +
        '(a feature method receives it as a parameter named groups). If a feature is cross-entity on purpose (a global mean), ' +
        "mark it global: @tag({ entityScope: 'global' }) or isolationCheck: { ignore: ['ma3Leaky'] }.",
    );
    expect(error.features).toEqual(['ma3Leaky']);
    expect(error.results[0]).toMatchObject({ node: 'ma3Leaky', check: 'entityIsolation', passes: false, importance: 'fail' });
  });

  it('passes per-entity features and reports what it compared', async () => {
    const frame = await buildTrainingFrame({ ...base, features: [Grouped] });
    expect(frame.quality.find((q) => q.check === 'entityIsolation')?.message).toBe(
      '1 feature computed on city "a" and city "b" together equal the same on each alone (14 rows at their boundary)',
    );
  });

  it('finds a forward read at the end of the first entity and a global mean', async () => {
    class Ahead {
      @feature()
      nextTemp(temp: Float64Array): Float64Array {
        return shift(temp, -2);
      }
      @feature()
      soFar(temp: Float64Array): Float64Array {
        return expandingMean(temp); // over every city
      }
    }
    const history = entityHistory(data, { entity: 'city', time: 'date' });
    const dr = new Builder().withFeatures(Ahead).build();
    const error = await checkEntityIsolation(dr, ['nextTemp', 'soFar'], history).catch((e) => e);
    expect(error).toBeInstanceOf(EntityIsolationError);
    expect(error.differences.map((d: { feature: string; entity: string; side: string; together: number; alone: number }) =>
      [d.feature, d.entity, d.side, d.together, d.alone])).toEqual([
      ['nextTemp', 'a', 'before', 20, NaN], // a's Jan 7 reads b's Jan 1
      ['soFar', 'b', 'after', (68 + 20) / 9, 20], // b's Jan 1 averages a's 8 days too
    ]);
  });

  it('leaves out features marked global, by option or tag, and still checks what is built on them', async () => {
    class Global {
      @tag({ entityScope: 'global' })
      everyone(temp: Float64Array): Float64Array {
        return expandingMean(temp);
      }
      @feature()
      aboveAll(temp: Float64Array, everyone: Float64Array): Float64Array {
        return temp.map((t, i) => t - everyone[i]);
      }
      @feature()
      sharedLeak(everyone: Float64Array): Float64Array {
        return shift(everyone, 1); // forgot { groups } on top of a global feature
      }
      @feature()
      allMean(temp: Float64Array): Float64Array {
        return expandingMean(temp);
      }
    }
    const frame = await buildTrainingFrame({
      ...base, features: [Global], outputs: ['everyone', 'aboveAll', 'allMean'], isolationCheck: { ignore: ['allMean'] },
    });
    expect(frame.quality.find((q) => q.check === 'entityIsolation')?.message).toMatch(/left out as cross-entity on purpose: allMean, everyone$/);
    await expect(buildTrainingFrame({ ...base, features: [Global], outputs: ['sharedLeak'], isolationCheck: { ignore: ['allMean'] } }))
      .rejects.toThrow('Feature "sharedLeak" on city "b" at 2020-01-01 (input row 0)');
    await expect(buildTrainingFrame({ ...base, features: [Leaky], isolationCheck: false })).resolves.toBeDefined();
  });

  it('refuses an ignore list naming no feature, with a suggestion', async () => {
    await expect(buildTrainingFrame({ ...base, features: [Leaky], isolationCheck: { ignore: ['ma3Leeky'] } })).rejects.toThrow(
      'isolationCheck.ignore names "ma3Leeky", which is no feature of these classes (did you mean "ma3Leaky"?).',
    );
  });
});
