/** Integer columns feeding features declared Float64Array are widened losslessly with a note, from any source. */
import { Int64, Int32, Table, Uint8, makeVector, vectorFromArray } from 'apache-arrow';
import { Builder, dictResult, feature, InputError } from '../../src';

class Rates {
  @feature()
  perDay(visits: Float64Array): Float64Array { return visits.map((v) => v / 7); }

  @feature()
  visitsKind(visits: Float64Array): string { return visits.constructor.name; }

  @feature()
  exactCount(count: BigInt64Array): bigint { return count[0]; }
}

const dr = new Builder().withFeatures(Rates).withResult(dictResult()).build();

describe('integer inputs where Float64Array is declared', () => {
  test.each([
    ['Int8Array', Int8Array.of(-7, 14)],
    ['Int16Array', Int16Array.of(-7, 14)],
    ['Int32Array', Int32Array.of(-7, 14)],
    ['Uint8Array', Uint8Array.of(7, 14)],
    ['Uint16Array', Uint16Array.of(7, 14)],
    ['Uint32Array', Uint32Array.of(7, 4_294_967_295)],
    ['Float32Array', Float32Array.of(0.5, 14)],
    ['BigInt64Array', BigInt64Array.of(-(2n ** 53n), 2n ** 53n)],
    ['BigUint64Array', BigUint64Array.of(7n, 2n ** 53n)],
  ])('a %s from code is widened to Float64Array, values unchanged, with a note', async (kind, visits) => {
    const { result, notes } = await dr.run(['perDay', 'visitsKind'], { inputs: { visits } });
    expect(result.visitsKind).toBe('Float64Array');
    expect(Array.from(result.perDay as Float64Array)).toEqual(Array.from(visits as ArrayLike<number | bigint>, (v) => Number(v) / 7));
    expect(notes).toHaveLength(1);
    expect(notes[0].code).toBe('int-as-float64');
    expect(notes[0].column).toBe('visits');
    expect(notes[0].message).toContain(`is ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}; "perDay", "visitsKind" declares it as Float64Array`);
  });

  test('the note, word for word', async () => {
    const { notes } = await dr.run(['perDay'], { inputs: { visits: Int32Array.of(7) } });
    expect(notes.map((n) => n.message)).toEqual([
      'Input "visits" is an Int32Array; "perDay" declares it as Float64Array, so it is given to them as a Float64Array ' +
        '(float64 holds every such value exactly).',
    ]);
  });

  test('an int64 value beyond ±2^53 is an InputError naming the column, the row and the fix', async () => {
    const visits = BigInt64Array.of(1n, 2n ** 53n + 1n);
    await expect(dr.run(['perDay'], { inputs: { visits } })).rejects.toThrow(new InputError(
      'Input "visits" is a BigInt64Array and "perDay" declares it as Float64Array, but row 1 holds 9007199254740993, ' +
        'beyond ±2^53, which float64 cannot hold exactly. Declare the parameter as BigInt64Array to keep the integers, ' +
        'or convert the column yourself if rounding is acceptable.',
    ));
    await expect(dr.run(['perDay'], { inputs: { visits } })).rejects.toBeInstanceOf(InputError);
  });

  test('Arrow Int32, Uint8 and Int64 columns without nulls are widened too', async () => {
    for (const [type, values] of [[new Int32(), [7, 14]], [new Uint8(), [7, 14]], [new Int64(), [7n, 14n]]] as const) {
      const table = new Table({ visits: makeVector(vectorFromArray(values as never, type as never)) });
      const { result, notes } = await dr.run(['perDay'], { inputs: table });
      expect(Array.from(result.perDay as Float64Array)).toEqual([1, 2]);
      expect(notes.map((n) => n.code)).toEqual(['int-as-float64']);
    }
  });

  test('a feature that declares BigInt64Array still gets the bigints, and no note', async () => {
    const { result, notes } = await dr.run(['exactCount'], { inputs: { count: BigInt64Array.of(2n ** 60n) } });
    expect(result.exactCount).toBe(2n ** 60n);
    expect(notes).toEqual([]);
  });

  test('a Float64Array is given as it is (no copy, no note)', async () => {
    const visits = Float64Array.of(7);
    const { result, notes } = await dr.run(['perDay', 'visits'], { inputs: { visits } });
    expect(result.visits).toBe(visits);
    expect(notes).toEqual([]);
  });

  test('a string column is still refused', async () => {
    await expect(dr.run(['perDay'], { inputs: { visits: ['a'] } })).rejects.toThrow(
      'Input "visits" is an Array of length 1, but "perDay" declares it as Float64Array. Pass a Float64Array.',
    );
  });
});
