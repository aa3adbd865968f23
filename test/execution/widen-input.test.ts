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
    expect(notes[0].message).toContain(`is ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}; "perDay" and "visitsKind" declare it as Float64Array, so it is converted`);
  });

  test('the note, word for word', async () => {
    const { notes } = await dr.run(['perDay'], { inputs: { visits: Int32Array.of(7) } });
    expect(notes.map((n) => n.message)).toEqual([
      'Input "visits" is an Int32Array; "perDay" declares it as Float64Array, so it is converted to a Float64Array ' +
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

});

const holey = new Array<number>(3).fill(1, 0, 1).fill(3, 2); // [1, <empty>, 3]

describe('plain arrays where Float64Array is declared: one rule, exact or refused', () => {
  test('a number[] (NaN, ±Infinity too) becomes a Float64Array, values unchanged, no note', async () => {
    const visits = [7, NaN, 14, Infinity, -Infinity, -0, 0.1];
    const { result, notes } = await dr.run(['perDay', 'visitsKind'], { inputs: { visits } });
    expect(result.visitsKind).toBe('Float64Array');
    expect(Array.from(result.perDay as Float64Array)).toEqual(visits.map((v) => v / 7));
    expect(notes).toEqual([]);
  });

  test('an empty array is an empty Float64Array', async () => {
    const { result } = await dr.run(['visitsKind'], { inputs: { visits: [] } });
    expect(result.visitsKind).toBe('Float64Array');
  });

  test('a bigint[] within ±2^53 is converted with a note; one beyond is refused naming the row', async () => {
    const { result, notes } = await dr.run(['perDay'], { inputs: { visits: [7n, -(2n ** 53n)] } });
    expect(Array.from(result.perDay as Float64Array)).toEqual([1, -(2 ** 53) / 7]);
    expect(notes.map((n) => n.message)).toEqual([
      'Input "visits" is an Array of bigints; "perDay" declares it as Float64Array, so it is converted to a ' +
        'Float64Array (every value is within ±2^53, so no value changes).',
    ]);
    await expect(dr.run(['perDay'], { inputs: { visits: [1n, 2n ** 53n + 1n] } })).rejects.toThrow(new InputError(
      'Input "visits" is an Array of bigints and "perDay" declares it as Float64Array, but row 1 holds ' +
        '9007199254740993, beyond ±2^53, which float64 cannot hold exactly. Declare the parameter as BigInt64Array ' +
        'to keep the integers, or convert the column yourself if rounding is acceptable.',
    ));
  });

  test('strings are refused, naming the input, the row, the declared and the actual type', async () => {
    const error = await dr.run(['perDay'], { inputs: { visits: ['a'] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => i.code)).toEqual(['input-type']);
    expect((error as Error).message).toBe(
      'Input "visits" is an Array of length 1, but row 0 holds "a" (a string), and "perDay" declares it as ' +
        'Float64Array: only an array of numbers (or of bigints within ±2^53) converts to float64 exactly. ' +
        'Parse the strings yourself and pass a Float64Array (row 0 holds "a", which is no number).',
    );
  });

  test('numbers read as text: the message names the first string that is no number, too', async () => {
    const error = await dr.run(['perDay'], { inputs: { visits: ['3.5', '2', ' ', 'n/a?'] } }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('row 0 holds "3.5" (a string)');
    expect((error as Error).message).toContain('pass a Float64Array (row 2 holds " ", which is no number).');
  });

  test.each([
    ['numeric strings', [1, '2'], 'row 1 holds "2" (a string) where row 0 holds a number', 'Parse the strings'],
    ['null for missing', [1, null, 3], 'row 1 holds null where row 0 holds a number', 'Use NaN for a missing value'],
    ['a hole', holey, 'row 1 holds undefined where row 0 holds a number', 'Use NaN for a missing value'],
    ['booleans', [true, false], 'row 0 holds true (a boolean)', 'Pass a Float64Array, or an array of numbers only.'],
    ['numbers then bigints', [1, 2n], 'row 1 holds 2 (a bigint) where row 0 holds a number', 'of numbers only'],
    ['bigints then numbers', [1n, 2], 'row 1 holds 2 (a number) where row 0 holds a bigint', 'of bigints only'],
    ['Dates', [new Date(0)], 'row 0 holds a Date', 'Pass a Float64Array'],
  ])('mixed or non-numeric: %s is an InputError, never a guess', async (_, visits, holds, fix) => {
    const error = await dr.run(['perDay'], { inputs: { visits } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(`Input "visits" is an Array of length ${visits.length}, but ${holds}`);
    expect((error as Error).message).toContain('"perDay" declares it as Float64Array');
    expect((error as Error).message).toContain(fix);
  });

  test('an override follows the same rule: number[] converted, strings refused naming the override', async () => {
    const inputs = { visits: Float64Array.of(7, 14) };
    const { result } = await dr.run(['perDay', 'visitsKind'], { inputs, overrides: { perDay: [1, 2] } });
    expect(result.perDay).toBeInstanceOf(Float64Array);
    expect(Array.from(result.perDay as Float64Array)).toEqual([1, 2]);
    const error = await dr.run(['perDay'], { overrides: { perDay: [1, 'x'] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => i.code)).toEqual(['override-type']);
    expect((error as Error).message).toContain('Override "perDay" is an Array of length 2, but row 1 holds "x"');
    expect((error as Error).message).toContain('and Rates.perDay is declared to return Float64Array: only an array');
  });

  test('a converted number[] is a column: its length is checked against the other columns', async () => {
    class Two {
      @feature()
      ratio(a: Float64Array, b: Float64Array): Float64Array { return a.map((v, i) => v / b[i]); }
    }
    const two = new Builder().withFeatures(Two).withResult(dictResult()).build();
    await expect(two.execute(['ratio'], { inputs: { a: [1, 2, 3], b: Float64Array.of(1, 2) } })).rejects.toThrow(
      'Input columns have different lengths: a (3), b (2).',
    );
  });
});
