/**
 * Checks through the Builder: warn records and goes on, fail stops the run with a
 * DataValidationError; several @checkOutput on one method; custom validators; checks on
 * parameterized and extracted nodes; the report of a whole run.
 */
import 'reflect-metadata';
import { tableFromArrays } from 'apache-arrow';
import {
  Builder, checkOutput, checkOutputCustom, DataValidationError, dictResult, extractColumns, feature,
  FeatureDefinitionError, formatQuality, parameterize, source, value, type QualityResult, type Validator,
} from '../../src';

const spend = Float64Array.of(1, 2, NaN, 40);
const inputs = { inputs: { spend } };
const build = (...features: unknown[]) => new Builder().withFeatures(...features).withResult(dictResult()).build();
const brief = (q: readonly QualityResult[]) => q.map((r) => `${r.node}.${r.check} ${r.importance} ${r.passes ? 'pass' : 'FAIL'}`);

let downstreamRuns = 0;

class Spend {
  // spend * 2 = [2, 4, NaN, 80]: one value outside [0, 10], one missing
  @checkOutput({ range: [0, 10] })
  @checkOutput({ allowNaNs: false, dataType: 'float64' })
  doubled(spend: Float64Array): Float64Array {
    return spend.map((v) => v * 2);
  }

  @checkOutput({ range: [0, 10], allowNaNs: false, minRows: 1, importance: 'fail' })
  @checkOutput({ unique: true })
  strict(spend: Float64Array): Float64Array {
    return spend.map((v) => v * 2);
  }

  @feature()
  afterStrict(strict: Float64Array): Float64Array {
    downstreamRuns++;
    return strict;
  }

  @checkOutput({ range: [0, 5], importance: 'fail' })
  spendMean(spend: Float64Array): number {
    let sum = 0;
    let n = 0;
    for (const v of spend) if (v === v) { sum += v; n++; }
    return sum / n; // (1 + 2 + 40) / 3
  }
}

describe("importance 'warn'", () => {
  it('records failures in run().quality and still computes the result', async () => {
    const run = await build(Spend).run(['doubled'], inputs);
    expect(Array.from(run.result.doubled as Float64Array)).toEqual([2, 4, NaN, 80]);
    expect(brief(run.quality).sort()).toEqual(['doubled.allowNaNs warn FAIL', 'doubled.dataType warn pass', 'doubled.range warn FAIL']);
    const byCheck = Object.fromEntries(run.quality.map((r) => [r.check, r]));
    expect(byCheck.range.message).toBe('1 of 4 values (25%) outside [0, 10]; at row 3; observed min 2, max 80');
    expect(byCheck.allowNaNs.message).toBe('1 of 4 values (25%) are missing (NaN, null or undefined); at row 2');
    expect(byCheck.range.diagnostics).toMatchObject({ count: 1, total: 4, firstRows: [3], min: 2, max: 80 });
  });

  it('several @checkOutput on one method all apply', async () => {
    const run = await build(Spend).run(['doubled'], inputs);
    expect(run.quality.map((r) => r.check).sort()).toEqual(['allowNaNs', 'dataType', 'range']);
  });

  it('checks a scalar feature', async () => {
    class Scalar {
      @checkOutput({ range: [0, 5] })
      meanSpend(spend: Float64Array): number { return 43 / 3; }
    }
    const run = await build(Scalar).run(['meanSpend'], inputs);
    expect(run.quality).toEqual([{
      node: 'meanSpend', check: 'range', importance: 'warn', passes: false,
      message: 'value 14.3333 is outside [0, 5]', diagnostics: { value: 43 / 3, lo: 0, hi: 5 },
    }]);
  });
});

describe("importance 'fail'", () => {
  it('rejects with a DataValidationError listing every failed fail check of the node, and nothing downstream runs', async () => {
    downstreamRuns = 0;
    const error = await build(Spend).execute(['afterStrict'], inputs).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    const dve = error as DataValidationError;
    expect(dve.node).toBe('strict');
    expect(dve.results.map((r) => r.check).sort()).toEqual(['allowNaNs', 'range']);
    expect(dve.results.every((r) => r.importance === 'fail' && !r.passes && r.node === 'strict')).toBe(true);
    expect(dve.message).toContain('Data quality checks failed on "strict" (importance \'fail\'):');
    expect(dve.message).toContain('  - range: 1 of 4 values (25%) outside [0, 10]; at row 3; observed min 2, max 80');
    expect(dve.message).toContain('  - allowNaNs: 1 of 4 values (25%) are missing (NaN, null or undefined); at row 2');
    expect(downstreamRuns).toBe(0);
  });

  it('lets a node through when its fail checks pass (a warn failure alone does not stop it)', async () => {
    class Clean {
      @checkOutput({ range: [0, 100], importance: 'fail' })
      @checkOutput({ range: [0, 1] })
      ok(spend: Float64Array): Float64Array { return spend.map((v) => (v === v ? v : 0)); }
    }
    const run = await build(Clean).run(['ok'], inputs);
    expect(brief(run.quality).sort()).toEqual(['ok.range warn FAIL', 'ok.range#2 fail pass']);
  });

  it('stops on a scalar feature too', async () => {
    await expect(build(Spend).execute(['spendMean'], inputs)).rejects.toThrow(
      'Data quality check failed on "spendMean" (importance \'fail\'):\n  - range: value 14.3333 is outside [0, 5]\n' +
      "Fix the data or the feature, or lower the check's importance to 'warn'.",
    );
  });
});

describe('@checkOutputCustom', () => {
  const positive: Validator = {
    name: 'positive',
    description: 'every value > 0',
    importance: 'fail',
    validate: (x) => {
      const bad = Array.from(x as Float64Array).filter((v) => v <= 0).length;
      return { passes: bad === 0, message: `${bad} values are not positive`, diagnostics: { bad } };
    },
  };
  const broken: Validator = { name: 'broken', description: 'throws', validate: () => { throw new RangeError('boom'); } };

  it("runs user validators beside @checkOutput; one that throws is a failing result, not a crash", async () => {
    class Custom {
      @checkOutputCustom(positive, broken)
      @checkOutput({ allowNaNs: true })
      shifted(spend: Float64Array): Float64Array { return spend.map((v) => v - 1); }
    }
    const error = await build(Custom).run(['shifted'], inputs).then(() => null, (e: unknown) => e) as DataValidationError;
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error.results).toEqual([{
      node: 'shifted', check: 'positive', importance: 'fail', passes: false, message: '1 values are not positive', diagnostics: { bad: 1 },
    }]);
  });

  it("reports a throwing 'warn' validator and goes on", async () => {
    class Custom {
      @checkOutputCustom(broken)
      same(spend: Float64Array): Float64Array { return spend; }
    }
    const run = await build(Custom).run(['same'], inputs);
    expect(run.quality[0]).toMatchObject({
      node: 'same', check: 'broken', importance: 'warn', passes: false,
      message: 'the validator "broken" itself threw RangeError: boom; fix the validator',
    });
  });
});

describe('checks on generated nodes', () => {
  it('a check on a parameterized method applies to every node it makes, each reported under its own name', async () => {
    class Scaled {
      @parameterize({ small: { x: source('spend'), k: value(1) }, large: { x: source('spend'), k: value(100) } })
      @checkOutput({ range: [0, 50] })
      scale(x: Float64Array, k: number): Float64Array { return x.map((v) => v * k); }
    }
    const run = await build(Scaled).run(['small', 'large'], inputs);
    const byNode = Object.fromEntries(run.quality.map((r) => [r.node, r]));
    expect(Object.keys(byNode).sort()).toEqual(['large', 'small']);
    expect(byNode.small.passes).toBe(true);
    expect(byNode.large.message).toBe('3 of 4 values (75%) outside [0, 50]; at rows 0, 1, 3; observed min 100, max 4,000');
  });

  it('on @extractColumns, a check without target applies to the table, with target to the named columns', async () => {
    class Split {
      @extractColumns('pos', 'neg')
      @checkOutput({ schema: { columns: { pos: 'float64', neg: 'float64' } }, minRows: 2 })
      @checkOutput({ range: [0, Infinity], target: 'pos' })
      @checkOutput({ range: [0, Infinity], target: ['neg'], importance: 'warn' })
      parts(spend: Float64Array) {
        return tableFromArrays({ pos: Float64Array.from(spend), neg: spend.map((v) => -v) });
      }
    }
    const run = await build(Split).run(['pos', 'neg', 'parts'], inputs);
    expect(brief(run.quality).sort()).toEqual([
      'neg.range warn FAIL', 'parts.minRows warn pass', 'parts.schema warn pass', 'pos.range warn pass',
    ]);
    const neg = run.quality.find((r) => r.node === 'neg')!;
    expect(neg.message).toBe('3 of 4 values (75%) outside [0, Infinity]; at rows 0, 1, 3; observed min -40, max -1');
  });
});

describe('the report of a run', () => {
  it('formatQuality prints failures first, then the passed count', async () => {
    const run = await build(Spend).run(['doubled'], inputs);
    expect(formatQuality(run.quality)).toBe([
      'WARN  doubled  allowNaNs  1 of 4 values (25%) are missing (NaN, null or undefined); at row 2',
      'WARN  doubled  range      1 of 4 values (25%) outside [0, 10]; at row 3; observed min 2, max 80',
      '1 check passed',
    ].join('\n'));
  });

  it('a bad @checkOutput fails when the class is defined, naming the method', () => {
    expect(() => {
      class Bad {
        @checkOutput({ rnage: [0, 1] } as never)
        x(spend: Float64Array) { return spend; }
      }
      return Bad;
    }).toThrow(new FeatureDefinitionError(
      '@checkOutput on Bad.x: unknown option "rnage" (did you mean "range"?). Valid options: dataType, schema, minRows, allowNaNs, maxFractionNaNs, range, valuesIn, unique, meanInRange, maxStandardDev, importance, target.',
    ));
  });
});
