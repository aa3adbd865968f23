import {
  Builder, DataValidationError, dictResult, entityHistory, feature, FeatureExecutionError, InputError,
} from '../../src';
import { SpendFeatures, SPEND, SIGNUPS } from '../fixtures/spend';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the promise did not reject');
}

describe('execute refuses bad requests before any feature runs', () => {
  const ran: string[] = [];
  const dr = new Builder()
    .withFeatures(SpendFeatures)
    .withAdapters({ beforeNode: ({ name }) => void ran.push(name) })
    .build();
  beforeEach(() => (ran.length = 0));

  test('an unknown output, with a suggestion', async () => {
    const error = await rejection(dr.untyped.execute(['spendMaen'], { inputs: { spend: SPEND } }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('Unknown output "spendMaen": no feature, input or config has that name. Did you mean "spendMean"?');
    expect(ran).toEqual([]);
  });

  test('a missing input names the nodes that need it', async () => {
    const error = await rejection(dr.execute(['avg3wkSpend', 'spendPerSignup'], { inputs: { spend: SPEND } }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('Missing input "signups", needed by "spendPerSignup". Pass it in inputs: { signups: … }.');
    expect(ran).toEqual([]);
  });

  test('groups declared as a typed array: the fix is the declaration, since quiver supplies Groups', async () => {
    class Lags {
      @feature()
      lag1(sales: Float64Array, groups: Int32Array): Float64Array {
        return groups.length > 0 ? sales : sales;
      }
    }
    const data = { store: ['a', 'b'], date: [1, 1], sales: Float64Array.of(1, 2) };
    const history = entityHistory(data, { entity: 'store', time: 'date' });
    const lags = new Builder().withFeatures(Lags).build();
    const error = await rejection(lags.execute(['lag1'], { inputs: history.inputs }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'Input "groups" is quiver\'s Groups (each entity\'s rows), but "lag1" declares it as Int32Array. ' +
        "Declare the parameter as groups: Groups (import { type Groups } from 'quiver').",
    );
  });

  test('an input whose runtime type contradicts the declared type', async () => {
    const error = await rejection(dr.execute(['avg3wkSpend'], { inputs: { spend: 'ten, twenty' } }));
    expect(error.message).toBe('Input "spend" is a string (ten, twenty), but "avg3wkSpend" declares it as Float64Array. Pass a Float64Array.');
  });

  test('config and inputs sharing a key', async () => {
    const withConfig = new Builder().withFeatures(SpendFeatures).withConfig({ signups: SIGNUPS }).build();
    const error = await rejection(withConfig.execute(['avg3wkSpend'], { inputs: { spend: SPEND, signups: SIGNUPS } }));
    expect(error.message).toBe('"signups" is both a config key and an input. Config and inputs must not share a key: rename one, or drop it from one of them.');
  });

  test('input columns of different lengths', async () => {
    const error = await rejection(dr.execute(['spendPerSignup'], { inputs: { spend: SPEND, signups: SIGNUPS.subarray(1) } }));
    expect(error.message).toBe(
      'Input columns have different lengths: spend (6), signups (5). Columns of one execution must have one length; pass a list that is not a column (a calendar, say) as a plain array or in config.',
    );
  });

  test('an input that names a feature points to overrides', async () => {
    const error = await rejection(dr.execute(['spendZeroMean'], { inputs: { spend: SPEND, spendMean: 3 } }));
    expect(error.message).toBe('Input "spendMean" names the feature "spendMean" (SpendFeatures.spendMean); an input cannot replace a feature. To use your value instead of computing it, pass it in overrides: { spendMean: … }.');
  });

  test('every problem at once', async () => {
    const error = (await rejection(dr.untyped.execute(['nope', 'spendPerSignup'], { inputs: { spend: SPEND } }))) as InputError;
    expect(error.issues.map((i) => i.code)).toEqual(['unknown-output', 'missing-input']);
    expect(error.message).toMatch(/^2 problems found in the inputs of this execution:\n {2}1\. Unknown output "nope"/);
  });

  test('never throws synchronously', () => {
    expect(() => dr.execute(null as never).catch(() => undefined)).not.toThrow();
  });

  test('validateExecution throws the same, synchronously, and computes nothing', () => {
    expect(() => dr.validateExecution(['spendPerSignup'], { inputs: { spend: SPEND } })).toThrow('Missing input "signups"');
    expect(() => dr.validateExecution(['spendPerSignup'], { inputs: { spend: SPEND, signups: SIGNUPS } })).not.toThrow();
    expect(ran).toEqual([]);
  });
});

describe('failures while running', () => {
  test('a feature that throws becomes FeatureExecutionError with the node and the cause', async () => {
    class Fragile {
      @feature()
      ratio(a: Float64Array): Float64Array {
        throw new RangeError(`bad length ${a.length}`);
      }
    }
    const error = (await rejection(new Builder().withFeatures(Fragile).build().execute(['ratio'], { inputs: { a: SPEND } }))) as FeatureExecutionError;
    expect(error).toBeInstanceOf(FeatureExecutionError);
    expect(error.node).toBe('ratio');
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(error.message).toBe('Feature "ratio" (Fragile.ratio) threw RangeError: bad length 6');
  });

  test("a failed 'fail' check stops the run before anything downstream", async () => {
    const ran: string[] = [];
    class Downstream {
      @feature()
      doubled(spendZeroMeanUnitVariance: Float64Array): Float64Array {
        return spendZeroMeanUnitVariance.map((v) => 2 * v);
      }
    }
    const dr = new Builder().withFeatures(SpendFeatures, Downstream).withAdapters({ afterNode: ({ name }) => void ran.push(name) }).build();
    const error = (await rejection(dr.execute(['doubled'], { inputs: { spend: SPEND }, overrides: { spendStdDev: 1 } }))) as DataValidationError;
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error.node).toBe('spendZeroMeanUnitVariance');
    expect(error.results.map((r) => r.check)).toEqual(['range']);
    expect(error.message).toContain('Data quality check failed on "spendZeroMeanUnitVariance"');
    expect(ran).not.toContain('doubled');
  });

  test('a result whose columns have different lengths names them', async () => {
    class Uneven {
      @feature() short(): Float64Array { return new Float64Array(2); }
      @feature() long(): Float64Array { return new Float64Array(3); }
    }
    const error = await rejection(new Builder().withFeatures(Uneven).build().execute(['short', 'long']));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('short');
    expect(error.message).toContain('long');
    const dict = await new Builder().withFeatures(Uneven).withResult(dictResult()).build().execute(['short', 'long']);
    expect((dict.long as Float64Array).length).toBe(3);
  });
});

describe("failed 'warn' checks in execute()", () => {
  test('are printed, at most ten, with a count of the rest', async () => {
    const { checkOutput, parameterize, value } = await import('../../src');
    class Negative {
      @parameterize(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`n${i}`, { k: value(i) }])))
      @checkOutput({ range: [0, 1], importance: 'warn' })
      below(k: number): Float64Array { return Float64Array.of(-1 - k); }
    }
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const names = Array.from({ length: 12 }, (_, i) => `n${i}`);
    await new Builder().withFeatures(Negative).build().execute(names);
    expect(warn).toHaveBeenCalledTimes(1);
    const text = warn.mock.calls[0][0] as string;
    expect(text).toContain('n0');
    expect(text).not.toContain('n11');
    expect(text).toContain('… and 2 more failed checks; dr.run() returns them all in .quality.');
    warn.mockRestore();
  });
});
