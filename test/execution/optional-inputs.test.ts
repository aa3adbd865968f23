import 'reflect-metadata';
import { Builder, dictResult, feature, InputError } from '../../src';

class Optional {
  @feature()
  A(required: number, opt = 0): number {
    return required + opt;
  }
  @feature()
  D(opt: number): number {
    return opt * 2;
  }
}

describe('optional inputs are decided per planned consumer', () => {
  const dr = new Builder().withFeatures(Optional).withResult(dictResult()).build();

  test('what a node that is not run needs does not matter: execute(["A"]) runs with the default', async () => {
    expect(await dr.execute(['A'], { inputs: { required: 1 } })).toEqual({ A: 1 });
  });

  test('a given optional value is used', async () => {
    expect(await dr.execute(['A'], { inputs: { required: 1, opt: 5 } })).toEqual({ A: 6 });
  });

  test('a planned consumer without a default still needs it, and only it is named', async () => {
    const error = await dr.execute(['A', 'D'], { inputs: { required: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('Missing input "opt", needed by "D". Pass it in inputs: { opt: … }.');
  });

  test('an input requested as an output must be given', () => {
    expect(() => dr.untyped.validateExecution(['opt'], { inputs: { required: 1 } })).toThrow(
      'Missing input "opt" (requested as an output). Pass it in inputs: { opt: … }.',
    );
  });
});
