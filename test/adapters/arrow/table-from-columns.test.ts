import {
  Type, Vector, makeVector, tableFromArrays, tableFromIPC, tableToIPC, vectorFromArray, Utf8, TimeUnit, type Timestamp,
} from 'apache-arrow';
import { tableFromColumns } from '../../../adapters';
import { InputError, QuiverError } from '../../../src/errors';

describe('tableFromColumns: typed arrays', () => {
  const cases: Array<[string, () => ArrayBufferView & { length: number }, Type, string]> = [
    ['Float64Array', () => new Float64Array([1.5, -2, NaN]), Type.Float, 'Float64'],
    ['Float32Array', () => new Float32Array([1.5, -2, 3]), Type.Float, 'Float32'],
    ['Int8Array', () => new Int8Array([1, -2, 3]), Type.Int, 'Int8'],
    ['Int16Array', () => new Int16Array([1, -2, 3]), Type.Int, 'Int16'],
    ['Int32Array', () => new Int32Array([1, -2, 3]), Type.Int, 'Int32'],
    ['Uint8Array', () => new Uint8Array([1, 2, 3]), Type.Int, 'Uint8'],
    ['Uint16Array', () => new Uint16Array([1, 2, 3]), Type.Int, 'Uint16'],
    ['Uint32Array', () => new Uint32Array([1, 2, 3]), Type.Int, 'Uint32'],
    ['BigInt64Array', () => new BigInt64Array([1n, -2n, 3n]), Type.Int, 'Int64'],
    ['BigUint64Array', () => new BigUint64Array([1n, 2n, 3n]), Type.Int, 'Uint64'],
  ];
  it.each(cases)('%s becomes %s and shares its buffer', (_label, make, typeId, typeName) => {
    const input = make();
    const table = tableFromColumns(['x'], [input]);
    const column = table.getChild('x')!;
    expect(column.type.typeId).toBe(typeId);
    expect(String(column.type)).toBe(typeName);
    expect(column.data).toHaveLength(1);
    expect(column.data[0].values.buffer).toBe(input.buffer);
    expect(column.data[0].values.byteOffset).toBe(input.byteOffset);
    expect(column.nullCount).toBe(0);
    expect(table.numRows).toBe(3);
  });

  it('keeps a subarray view (non-zero byteOffset) without copying', () => {
    const backing = new Float64Array([0, 1, 2, 3, 4]);
    const view = backing.subarray(2, 5);
    const column = tableFromColumns(['x'], [view]).getChild('x')!;
    expect(column.data[0].values.buffer).toBe(backing.buffer);
    expect([...column]).toEqual([2, 3, 4]);
  });

  it('views a Uint8ClampedArray as Uint8 over the same bytes', () => {
    const input = new Uint8ClampedArray([0, 128, 255]);
    const column = tableFromColumns(['x'], [input]).getChild('x')!;
    expect(String(column.type)).toBe('Uint8');
    expect(column.data[0].values.buffer).toBe(input.buffer);
    expect([...column]).toEqual([0, 128, 255]);
  });

  it('puts columns in the given order, not alphabetical or numeric-key order', () => {
    const table = tableFromColumns(['zeta', '2', 'alpha'], [new Float64Array(2), new Float64Array(2), new Float64Array(2)]);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['zeta', '2', 'alpha']);
  });
});

describe('tableFromColumns: vectors, arrays and scalars', () => {
  it('passes an Arrow Vector through with its chunks', () => {
    const vec = makeVector([new Int32Array([1, 2]), new Int32Array([3])]);
    const table = tableFromColumns(['v', 'w'], [vec, new Float64Array([10, 20, 30])]);
    expect(table.getChild('v')!.type.typeId).toBe(Type.Int);
    expect([...table.getChild('v')!]).toEqual([1, 2, 3]);
    expect([...table.getChild('w')!]).toEqual([10, 20, 30]);
    expect(table.batches).toHaveLength(2); // cut where the vector's chunks are cut
  });

  it('repeats scalars to the table length with the matching type', () => {
    const when = new Date(Date.UTC(2012, 0, 1));
    const table = tableFromColumns(
      ['x', 'n', 'b', 's', 'big', 'd'],
      [new Float64Array([1, 2, 3]), 0.5, true, 'US', 7n, when],
    );
    expect(table.numRows).toBe(3);
    expect(String(table.getChild('n')!.type)).toBe('Float64');
    expect([...table.getChild('n')!]).toEqual([0.5, 0.5, 0.5]);
    expect(String(table.getChild('b')!.type)).toBe('Bool');
    expect([...table.getChild('b')!]).toEqual([true, true, true]);
    expect(String(table.getChild('s')!.type)).toBe('Utf8');
    expect([...table.getChild('s')!]).toEqual(['US', 'US', 'US']);
    expect(String(table.getChild('big')!.type)).toBe('Int64');
    expect([...table.getChild('big')!]).toEqual([7n, 7n, 7n]);
    const d = table.getChild('d')!;
    expect(d.type.typeId).toBe(Type.Timestamp);
    expect((d.type as Timestamp).unit).toBe(TimeUnit.MILLISECOND);
    expect(d.get(2)).toBe(when.getTime());
  });

  it('makes one row when every output is a single value', () => {
    const table = tableFromColumns(['mean', 'ok'], [3.25, false]);
    expect(table.numRows).toBe(1);
    expect(table.getChild('mean')!.get(0)).toBe(3.25);
    expect(table.getChild('ok')!.get(0)).toBe(false);
  });

  it('turns plain arrays into typed columns with nulls for null/undefined', () => {
    const table = tableFromColumns(
      ['num', 'str', 'bool', 'date', 'big'],
      [
        [1.5, null, NaN],
        ['a', undefined, 'c'],
        [true, false, null],
        [new Date(0), null, new Date(86_400_000)],
        [1n, 2n, null],
      ],
    );
    const num = table.getChild('num')!;
    expect(String(num.type)).toBe('Float64');
    expect(num.get(0)).toBe(1.5);
    expect(num.get(1)).toBeNull();
    expect(num.get(2)).toBeNaN(); // NaN is a value, not a null
    expect(num.nullCount).toBe(1);
    expect(String(table.getChild('str')!.type)).toBe('Utf8');
    expect([...table.getChild('str')!]).toEqual(['a', null, 'c']);
    expect([...table.getChild('bool')!]).toEqual([true, false, null]);
    expect(table.getChild('date')!.type.typeId).toBe(Type.Timestamp);
    expect([...table.getChild('date')!]).toEqual([0, null, 86_400_000]);
    expect([...table.getChild('big')!]).toEqual([1n, 2n, null]);
    expect(table.schema.fields.every((f) => f.nullable)).toBe(true);
  });

  it('builds all-Float64Array outputs (its fast path) exactly as the general path builds them', () => {
    const a = new Float64Array([1.5, NaN, -0]);
    const b = new Float64Array(new ArrayBuffer(64), 16, 3).fill(7);
    const fast = tableFromColumns(['a', 'b'], [a, b]);
    const general = tableFromColumns(['a', 'b', 'i'], [a, b, new Int32Array(3)]); // an Int32Array: the general path
    for (const name of ['a', 'b']) {
      const [f, g] = [fast.getChild(name)!, general.getChild(name)!];
      expect(f.type).toBe(g.type); // the one shared Float64 instance
      const [fd, gd] = [f.data[0], g.data[0]];
      const shape = (d: typeof fd) => ({ offset: d.offset, length: d.length, nulls: d.nullCount, stride: d.stride, bitmap: d.nullBitmap?.length });
      expect(shape(fd)).toEqual(shape(gd));
      expect(fd.values).toBe(gd.values);
      const nullable = (t: typeof fast) => t.schema.fields.find((x) => x.name === name)!.nullable;
      expect(nullable(fast)).toBe(nullable(general));
      expect(Object.is([...f][2], name === 'a' ? -0 : 7)).toBe(true);
    }
    expect(tableFromIPC(tableToIPC(fast)).getChild('b')!.toArray()).toEqual(b);
    // Lengths that differ, and Float64Arrays mixed with other values, still reach the general path's checks.
    expect(() => tableFromColumns(['a', 'c'], [a, new Float64Array(2)])).toThrow('"a" (3 rows), "c" (2 rows)');
    expect(tableFromColumns(['a', 'k'], [a, 2]).getChild('k')!.toArray()).toEqual(new Float64Array([2, 2, 2]));
    expect(tableFromColumns(['a', 'b'], [a, b], { maxChunkBytes: 16 }).batches.map((x) => x.numRows)).toEqual([2, 1]);
  });

  it('gives every field empty metadata a write cannot change for its neighbours (it throws, naming the fix)', () => {
    for (const table of [
      tableFromColumns(['a', 'b'], [new Float64Array(2), new Float64Array(2)]), // the Float64 fast path
      tableFromColumns(['a', 'b'], [new Float64Array(2), new Int32Array(2)]), // the general path
    ]) {
      const [a, b] = table.schema.fields;
      expect(a.metadata.size).toBe(0);
      expect(a.metadata).toBeInstanceOf(Map);
      expect(() => a.metadata.set('unit', 'EUR')).toThrow(QuiverError);
      expect(() => a.metadata.set('unit', 'EUR')).toThrow('field.clone({ metadata: new Map(');
      expect(() => a.metadata.delete('unit')).toThrow(QuiverError);
      expect(() => a.metadata.clear()).toThrow(QuiverError);
      expect(b.metadata.size).toBe(0);
      expect(a.metadata.get('unit')).toBeUndefined();
      // The fix the message gives works, and leaves the other fields alone.
      const own = a.clone({ metadata: new Map([...a.metadata, ['unit', 'EUR']]) });
      expect(own.metadata.get('unit')).toBe('EUR');
      expect(b.metadata.size).toBe(0);
      // Metadata survives IPC as ordinary, writable maps.
      const back = tableFromIPC(tableToIPC(table));
      back.schema.fields[0].metadata.set('unit', 'EUR');
      expect(back.schema.fields[1].metadata.size).toBe(0);
    }
  });

  it('makes an empty table from empty columns', () => {
    const table = tableFromColumns(['a', 'b'], [new Float64Array(0), []]);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
    expect(table.getChild('a')!.length).toBe(0);
  });
});

describe('tableFromColumns: errors', () => {
  it('names every column and its length when lengths differ', () => {
    const run = () => tableFromColumns(['a', 'b', 'c', 'k'], [new Float64Array(3), new Float64Array(5), [1, 2, 3], 4]);
    expect(run).toThrow(InputError);
    expect(run).toThrow(
      'All outputs of one table must have one length, but got "a" (3 rows), "b" (5 rows), "c" (3 rows). ' +
        'Make the features return columns of the same length, or use dictResult() to get the values as computed.',
    );
    try {
      run();
    } catch (e) {
      expect((e as InputError).issues[0].nodes).toEqual(['a', 'b', 'c']);
    }
  });

  it.each([
    ['an object', { a: 1 }, 'object (Object)'],
    ['a function', () => 1, 'function'],
    ['a Map', new Map(), 'object (Map)'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
  ])('rejects %s, naming the column, its JS type and dictResult()', (_label, value, jsType) => {
    expect(() => tableFromColumns(['x', 'bad'], [new Float64Array(2), value])).toThrow(
      `Output "bad" is a ${jsType}, which cannot be a table column. Return a typed array, an Arrow Vector, an array, ` +
        'or a single number/boolean/string/bigint/Date; or use dictResult() to get the values as computed.',
    );
  });

  it('rejects a nested table and points at @extractColumns', () => {
    const nested = tableFromArrays({ x: new Float64Array(2) });
    expect(() => tableFromColumns(['t'], [nested])).toThrow(
      /Output "t" is a object \(Table\), which cannot be a table column\..*To split a table into columns, use @extractColumns\./,
    );
  });

  it('rejects a DataView', () => {
    expect(() => tableFromColumns(['v'], [new DataView(new ArrayBuffer(8))])).toThrow(/Output "v" is a object \(DataView\)/);
  });

  it('rejects arrays that mix types or hold objects, naming the row', () => {
    expect(() => tableFromColumns(['m'], [[1, null, 'two']])).toThrow(
      'Output "m" is an array mixing number (row 0) and string (row 2); a table column holds one type. ' +
        'Convert the values to one type, or use dictResult() to get the values as computed.',
    );
    expect(() => tableFromColumns(['o'], [[1, { x: 1 }]])).toThrow(
      /Output "o" is an array holding a object \(Object\) at row 1, which a table column cannot hold\./,
    );
  });

  it('lists every problem at once', () => {
    try {
      tableFromColumns(['f', 'g', 'h', 'i'], [() => 0, new Float64Array(1), new Float64Array(2), [1, 'x']]);
      throw new Error('expected an InputError');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const err = e as InputError;
      expect(err.issues.map((i) => i.code)).toEqual(['not-a-column', 'column-lengths']);
      expect(err.message).toMatch(/^2 problems found/);
    }
  });
});

describe('tableFromColumns: multi-batch when large', () => {
  it('cuts rows so that no column chunk passes maxChunkBytes, all slices of the same buffers', () => {
    const n = 10;
    const a = Float64Array.from({ length: n }, (_, i) => i);
    const b = Int32Array.from({ length: n }, (_, i) => 100 + i);
    // the widest column takes 8 bytes a row; 32 bytes per chunk → 4 rows per batch → 4 + 4 + 2
    const table = tableFromColumns(['a', 'b'], [a, b], { maxChunkBytes: 32 });
    expect(table.batches.map((batch) => batch.numRows)).toEqual([4, 4, 2]);
    const colA = table.getChild('a')!;
    const colB = table.getChild('b')!;
    expect(colA.data).toHaveLength(3);
    for (const chunk of colA.data) expect(chunk.values.buffer).toBe(a.buffer);
    for (const chunk of colB.data) expect(chunk.values.buffer).toBe(b.buffer);
    expect([...colA]).toEqual([...a]);
    expect([...colB]).toEqual([...b]);
    expect(table.numRows).toBe(n);
  });

  it('aligns a chunked vector with cut typed arrays without copying either', () => {
    const vec = makeVector([new Int32Array([10, 20, 30]), new Int32Array([40, 50])]);
    const x = new Float64Array([1, 2, 3, 4, 5]);
    // widest column 8 bytes a row; 16 bytes → 2 rows per batch (cuts at 2, 4); the chunk boundary adds 3
    const table = tableFromColumns(['v', 'x'], [vec, x], { maxChunkBytes: 16 });
    expect(table.batches.map((batch) => batch.numRows)).toEqual([2, 1, 1, 1]);
    expect([...table.getChild('v')!]).toEqual([10, 20, 30, 40, 50]);
    expect([...table.getChild('x')!]).toEqual([1, 2, 3, 4, 5]);
    for (const chunk of table.getChild('x')!.data) expect(chunk.values.buffer).toBe(x.buffer);
    const vBuffers = vec.data.map((d) => d.values.buffer);
    for (const chunk of table.getChild('v')!.data) expect(vBuffers).toContain(chunk.values.buffer);
  });

  it('cuts a typed array where a chunked string vector is cut', () => {
    const vec = vectorFromArray(['a', 'b', 'c', 'd', 'e'], new Utf8());
    const chunked = new Vector([...vec.slice(0, 3).data, ...vec.slice(3).data]);
    const table = tableFromColumns(['s', 'x'], [chunked, new Float64Array([1, 2, 3, 4, 5])]);
    expect(table.batches.map((batch) => batch.numRows)).toEqual([3, 2]);
    expect([...table.getChild('s')!]).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...table.getChild('x')!]).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps one batch for ordinary sizes, however many columns', () => {
    const columns = Array.from({ length: 500 }, () => new Float64Array(10_000));
    const table = tableFromColumns(columns.map((_, i) => `f${i}`), columns, { maxChunkBytes: 80_000 });
    expect(table.batches).toHaveLength(1);
  });
});
