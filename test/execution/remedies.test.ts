/** An InputError's fix is worded for its caller: code gets `inputs`/`overrides`, the command line its flags. */
import { Builder, feature, InputError } from '../../src';
import { restate } from '../../src/execution/remedies';

class Spend {
  @feature()
  doubled(spend: Float64Array): Float64Array { return spend.map((v) => v * 2); }

  @feature()
  total(doubled: Float64Array): number { return doubled.reduce((a, b) => a + b, 0); }
}

const dr = new Builder().withFeatures(Spend).build();
const failure = (inputs: Record<string, unknown>): Promise<InputError> =>
  dr.run(['total'], { inputs }).then(
    () => { throw new Error('expected an InputError'); },
    (e: unknown) => e as InputError,
  );

describe('remedies', () => {
  test('from code: the fixes name inputs and overrides', async () => {
    const error = await failure({ doubled: Float64Array.of(1), other: 1 });
    expect(error.message).toBe(
      '2 problems found in the inputs of this execution:\n' +
        '  1. Input "doubled" names the feature "doubled" (Spend.doubled); an input cannot replace a feature. ' +
        'To use your value instead of computing it, pass it in overrides: { doubled: … }.\n' +
        '  2. Missing input "spend", needed by "doubled". Pass it in inputs: { spend: … }.',
    );
    expect(error.issues.map((i) => i.remedy)).toEqual([
      { kind: 'input-instead-of-feature', name: 'doubled' },
      { kind: 'missing-input', name: 'spend' },
    ]);
  });

  test("restated for the command line: the same problems, each fix in the command line's terms", async () => {
    const error = await failure({ doubled: Float64Array.of(1) });
    const cli = restate(error, 'cli') as InputError;
    expect(cli).toBeInstanceOf(InputError);
    expect(cli.issues.map((i) => i.code)).toEqual(['input-names-feature', 'missing-input']);
    expect(cli.issues.map((i) => i.message)).toEqual([
      'Input "doubled" names the feature "doubled" (Spend.doubled); an input cannot replace a feature. The command ' +
        'line has no overrides: to compute "doubled", rename or drop the column "doubled" in the --inputs file; ' +
        'to use the column instead, leave the class that defines "doubled" out with --class <the other classes>.',
      'Missing input "spend", needed by "doubled". Add a column "spend" to the --inputs file, or give it with ' +
        '--config spend=….',
    ]);
    expect(cli.message).not.toMatch(/overrides: \{|inputs: \{/);
    expect(restate(error, 'api')).toEqual(error);
  });

  test('anything without a remedy is returned as it is', async () => {
    const wrongType = await failure({ spend: 'x' });
    expect(restate(wrongType, 'cli')).toBe(wrongType);
    const other = new Error('boom');
    expect(restate(other, 'cli')).toBe(other);
  });
});
