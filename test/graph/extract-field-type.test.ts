/** A field of another type than @extractFields declares fails naming the field, both types and the fix. */
import 'reflect-metadata';
import { Builder, extractFields, FeatureExecutionError } from '../../src';

class Summary {
  @extractFields({ lo: Number, hi: Number })
  bounds(x: Float64Array): Record<string, unknown> {
    return { lo: x[0], hi: String(x[1]) };
  }
}

test('the field, its value, the declared type as TypeScript writes it, and the fix', async () => {
  const dr = new Builder().withFeatures(Summary).build();
  const error = await dr.execute(['hi' as never], { inputs: { x: Float64Array.of(1, 2) } }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FeatureExecutionError);
  expect((error as Error).message).toBe(
    'Feature "hi" (Summary.bounds) threw TypeError: field "hi" of Summary.bounds is a string (2), but @extractFields ' +
      'declares it as number. Return a number there, or declare the field\'s type as what it is.',
  );
});
