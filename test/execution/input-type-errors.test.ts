/** An input of the wrong type: who declares what, said word for word and grammatically. */
import 'reflect-metadata';
import { Builder, feature, InputError } from '../../src';

class Readers {
  @feature()
  mean(x: Float64Array): number { return x[0]; }

  @feature()
  last(x: Float64Array): number { return x[x.length - 1]; }

  @feature()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  size(x: any): number { return x.length; }

  @feature()
  scaled(x: Float64Array, k: number): number { return x[0] * k; }
}

const dr = new Builder().withFeatures(Readers).build();
const validate = (outputs: string[], inputs: Record<string, unknown>, overrides?: Record<string, unknown>) =>
  dr.validateExecution(outputs as never, { inputs, overrides });
function refusal(outputs: string[], inputs: Record<string, unknown>, overrides?: Record<string, unknown>): string {
  try {
    validate(outputs, inputs, overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('no InputError');
}

describe('an input of the wrong type names each reader with its own declared type', () => {
  test('one reader declares it', () => {
    expect(refusal(['mean'], { x: 'ten' }))
      .toBe('Input "x" is a string (ten), but "mean" declares it as Float64Array. Pass a Float64Array.');
  });

  test('two readers declare it: "declare", joined with "and"', () => {
    expect(refusal(['mean', 'last'], { x: 'ten' }))
      .toBe('Input "x" is a string (ten), but "mean" and "last" declare it as Float64Array. Pass a Float64Array.');
  });

  test('a reader of unknown type is said to be so, not listed as declaring Float64Array', () => {
    expect(refusal(['mean', 'last', 'size'], { x: 'ten' })).toBe(
      'Input "x" is a string (ten), but "mean" and "last" declare it as Float64Array ' +
        '("size" declares no type for it: unknown, any value passes there). Pass a Float64Array.',
    );
  });

  test('only the readers that run count: a feature of unknown type alone takes anything', () => {
    expect(() => validate(['size'], { x: 'ten' })).not.toThrow();
  });

  test('a primitive type is named as TypeScript writes it', () => {
    expect(refusal(['scaled'], { x: Float64Array.of(1), k: '2' }))
      .toBe('Input "k" is a string (2), but "scaled" declares it as number. Pass a number.');
  });

  test('an override names the node it replaces and its declared return type', () => {
    expect(refusal(['mean'], {}, { mean: 'ten' }))
      .toBe('Override "mean" is a string (ten), but Readers.mean is declared to return number. Pass a number.');
  });
});
