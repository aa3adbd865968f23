import {
  Field, Float16, Float32, Float64, Int32, Int64, RecordBatch, Schema, Struct, Table, Utf8, Bool, TimestampMillisecond, Type, Vector,
  makeData, makeVector, tableFromArrays, vectorFromArray,
} from 'apache-arrow';
import { inputsFromTable, isArrowTable, type AdapterNote } from '../../../adapters';

/** A one-column table whose column is made of the given chunks (one record batch per chunk). */
function chunkedTable(name: string, chunks: ReturnType<typeof makeData>[]): Table {
  const schema = new Schema([new Field(name, chunks[0].type, true)]);
  const type = new Struct(schema.fields);
  return new Table(schema, chunks.map((c) => new RecordBatch(schema, makeData({ type, length: c.length, nullCount: 0, children: [c] }))));
}

/** A validity bitmap from a list of booleans (true = value present). */
function bitmap(valid: boolean[]): Uint8Array {
  const out = new Uint8Array(Math.ceil(valid.length / 8));
  valid.forEach((v, i) => { if (v) out[i >> 3] |= 1 << (i & 7); });
  return out;
}

describe('inputsFromTable', () => {
  it('hands a one-chunk Float64 column without nulls over zero-copy', () => {
    const x = new Float64Array([1, 2, 3]);
    const inputs = inputsFromTable(tableFromArrays({ x }));
    expect(inputs.x).toBeInstanceOf(Float64Array);
    expect((inputs.x as Float64Array).buffer).toBe(x.buffer);
    expect([...(inputs.x as Float64Array)]).toEqual([1, 2, 3]);
  });

  it('turns nulls in a float column into NaN without touching the table', () => {
    const values = new Float64Array([1, 99, 3, 99]);
    const data = makeData({ type: new Float64(), length: 4, data: values, nullBitmap: bitmap([true, false, true, false]) });
    const x = inputsFromTable(chunkedTable('x', [data])).x as Float64Array;
    expect(x).toBeInstanceOf(Float64Array);
    expect([...x]).toEqual([1, NaN, 3, NaN]);
    expect(x.buffer).not.toBe(values.buffer);
    expect([...values]).toEqual([1, 99, 3, 99]);
  });

  it('concatenates a multi-chunk float column once, never only the first chunk', () => {
    const table = chunkedTable('x', [
      makeData({ type: new Float64(), data: new Float64Array([1, 2]) }),
      makeData({ type: new Float64(), data: new Float64Array([3, 4, 5]) }),
    ]);
    const x = inputsFromTable(table).x as Float64Array;
    expect([...x]).toEqual([1, 2, 3, 4, 5]);
  });

  it('widens Float32 and Float16 columns to Float64Array', () => {
    const f32 = inputsFromTable(tableFromArrays({ f: new Float32Array([0.5, -1.25]) })).f as Float64Array;
    expect(f32).toBeInstanceOf(Float64Array);
    expect([...f32]).toEqual([0.5, -1.25]);
    // half-precision bits: 0x3c00 = 1, 0xc000 = -2, 0x3555 ≈ 0.333251953125, 0x7c00 = +Inf, 0x0001 = 2^-24
    const half = makeData({ type: new Float16(), length: 5, data: new Uint16Array([0x3c00, 0xc000, 0x3555, 0x7c00, 0x0001]) });
    const h = inputsFromTable(chunkedTable('h', [half])).h as Float64Array;
    expect([...h]).toEqual([1, -2, 0.333251953125, Infinity, 2 ** -24]);
  });

  it('respects a sliced chunk: its offset applies to values and nulls', () => {
    const full = makeData({
      type: new Float64(), length: 6, data: new Float64Array([0, 1, 2, 3, 4, 5]),
      nullBitmap: bitmap([true, true, true, false, true, true]),
    });
    const x = inputsFromTable(chunkedTable('x', [full.slice(2, 3)])).x as Float64Array;
    expect([...x]).toEqual([2, NaN, 4]);
  });

  it('hands integer columns without nulls over as their own typed array', () => {
    const i32 = new Int32Array([7, 8, 9]);
    const inputs = inputsFromTable(tableFromArrays({ i32, i64: new BigInt64Array([1n, 2n, 3n]) }));
    expect(inputs.i32).toBeInstanceOf(Int32Array);
    expect((inputs.i32 as Int32Array).buffer).toBe(i32.buffer);
    expect(inputs.i64).toBeInstanceOf(BigInt64Array);
    expect([...(inputs.i64 as BigInt64Array)]).toEqual([1n, 2n, 3n]);
    const multi = inputsFromTable(chunkedTable('m', [
      makeData({ type: new Int32(), data: new Int32Array([1, 2]) }),
      makeData({ type: new Int32(), data: new Int32Array([3]) }),
    ])).m as Int32Array;
    expect(multi).toBeInstanceOf(Int32Array);
    expect([...multi]).toEqual([1, 2, 3]);
  });

  it('turns an integer column with nulls into Float64 with NaN and says so in a note', () => {
    const data = makeData({ type: new Int64(), length: 3, data: new BigInt64Array([5n, 0n, 7n]), nullBitmap: bitmap([true, false, true]) });
    const notes: AdapterNote[] = [];
    const inputs = inputsFromTable(chunkedTable('count', [data]), { onNote: (n) => notes.push(n) });
    expect([...(inputs.count as Float64Array)]).toEqual([5, NaN, 7]);
    expect(notes).toEqual([{
      code: 'int-nulls-as-float64',
      column: 'count',
      message: 'Column "count" is Int64 with 1 null(s); it is given to features as float64 with NaN for the nulls (values beyond ±2^53 lose precision).',
    }]);
  });

  it('hands strings, booleans and timestamps over as Arrow vectors', () => {
    const s = vectorFromArray(['a', 'b'], new Utf8());
    const b = vectorFromArray([true, false], new Bool());
    const t = vectorFromArray([new Date(0), new Date(86_400_000)], new TimestampMillisecond());
    const inputs = inputsFromTable(new Table({ s, b, t }));
    expect(inputs.s).toBeInstanceOf(Vector);
    expect(String((inputs.s as Vector).type)).toBe('Utf8');
    expect([...(inputs.s as Vector)]).toEqual(['a', 'b']);
    expect([...(inputs.b as Vector)]).toEqual([true, false]);
    expect((inputs.t as Vector).type.typeId).toBe(Type.Timestamp);
    expect([...(inputs.t as Vector)]).toEqual([0, 86_400_000]);
  });

  it('keeps a zero-length float column as an empty Float64Array', () => {
    const inputs = inputsFromTable(tableFromArrays({ x: new Float64Array(0) }));
    expect(inputs.x).toEqual(new Float64Array(0));
  });

  it('makes one input per column, by name', () => {
    const inputs = inputsFromTable(tableFromArrays({ a: new Float64Array(1), b: new Float32Array(1) }));
    expect(Object.keys(inputs)).toEqual(['a', 'b']);
    expect(makeVector(new Int32Array(1)).length).toBe(1);
  });
});

describe('isArrowTable', () => {
  it('recognizes tables and rejects other values', () => {
    expect(isArrowTable(tableFromArrays({ x: new Float64Array(1) }))).toBe(true);
    expect(isArrowTable({ x: new Float64Array(1) })).toBe(false);
    expect(isArrowTable(null)).toBe(false);
    expect(isArrowTable(new Float64Array(1))).toBe(false);
  });

  it('recognizes a table from another copy of apache-arrow by its shape', () => {
    const foreign = { schema: { fields: [] }, batches: [], getChild: () => null, numRows: 0 };
    expect(isArrowTable(foreign)).toBe(true);
  });
});
