import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Table } from 'apache-arrow';
import { arrowIpcBytes } from '../../../adapters/cache-store/arrow-codec';
import { ownTable } from '../../../adapters/arrow/own-table';
import { readArrow } from '../../../adapters/files/read-arrow';
import { writeArrow } from '../../../adapters/files/write-arrow';
import { readParquet } from '../../../adapters/files/read-parquet';
import { writeParquet } from '../../../adapters/files/write-parquet';
import { inputsFromTable } from '../../../adapters/arrow/table-to-inputs';

// An ES-module project's `import 'apache-arrow'` loads the package's .mjs build while quiver
// requires its CommonJS build: two sets of classes in one process (a project on another Arrow
// version gets the same). apache-arrow's `instanceof` says yes across copies, but its writer does
// not take the other copy's types: writeArrow wrote a file with a schema and no rows, reporting
// success, and writeParquet failed inside parquet-wasm ("Buffer count mismatched", or a wasm
// `unreachable`). A fresh module registry gives the second copy here.
let other: typeof import('apache-arrow');
jest.isolateModules(() => {
  other = require('apache-arrow');
});

function foreignTable() {
  const A = other;
  return new A.Table({
    x: A.vectorFromArray([1.5, null, 3], new A.Float64()),
    n: A.vectorFromArray([1n, 2n, null], new A.Int64()),
    s: A.vectorFromArray(['a', 'b', null], new A.Utf8()),
    d: A.vectorFromArray(['NY', 'SEA', 'NY'], new A.Dictionary(new A.Utf8(), new A.Int32())),
    b: A.vectorFromArray([true, null, false], new A.Bool()),
    t: A.vectorFromArray([new Date(0), new Date(86_400_000), null], new A.TimestampMillisecond('UTC')),
    l: A.vectorFromArray([[1], [2, 3], []], new A.List(new A.Field('item', new A.Int32(), true))),
    st: A.vectorFromArray([{ a: 1 }, { a: 2 }, null], new A.Struct([new A.Field('a', new A.Int32(), true)])),
    dec: A.makeVector(A.makeData({ type: new A.Decimal(2, 10, 128), length: 3, data: new Uint32Array(12) })),
    ts: A.vectorFromArray([new Date(0), null, new Date(5)], new A.TimestampMicrosecond('Europe/Paris')),
  });
}

const json = (_key: string, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v);
const rows = (t: Table) => t.toArray().map((r) => JSON.stringify(r.toJSON(), json));

describe('a table made by another copy of apache-arrow', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-arrow-copy-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is a second copy (the premise)', () => {
    expect(other.Table).not.toBe(Table);
    expect(Function.prototype[Symbol.hasInstance].call(Table, foreignTable())).toBe(false);
  });

  it('ownTable rebuilds it on our copy with the same rows and types, sharing buffers', () => {
    const t = foreignTable();
    const own = ownTable(t as unknown as Table);
    expect(Function.prototype[Symbol.hasInstance].call(Table, own)).toBe(true);
    expect(own.schema.fields.map(String)).toEqual(t.schema.fields.map(String));
    expect(rows(own)).toEqual(rows(t as unknown as Table));
    expect(own.getChild('x')!.data[0].values.buffer).toBe(t.getChild('x')!.data[0].values.buffer);
    expect(ownTable(own)).toBe(own);
  });

  it('writeArrow writes its rows (it wrote a schema without record batches)', async () => {
    const file = path.join(dir, 'f.arrow');
    await writeArrow(foreignTable() as unknown as Table, file);
    expect(rows(await readArrow(file))).toEqual(rows(foreignTable() as unknown as Table));
  });

  it('writeParquet writes it (parquet-wasm failed on the bytes)', async () => {
    const file = path.join(dir, 'f.parquet');
    const t = foreignTable();
    await writeParquet(t as unknown as Table, file);
    const back = await readParquet(file);
    const values = (name: string) => Array.from({ length: back.numRows }, (_, i) => back.getChild(name)!.get(i));
    expect(values('x')).toEqual([1.5, null, 3]);
    expect(values('s')).toEqual(['a', 'b', null]);
    expect(values('n')).toEqual([1n, 2n, null]);
    expect(back.numRows).toBe(3);
  });

  it('as inputs, its vectors are ours', () => {
    const inputs = inputsFromTable(foreignTable() as unknown as Table);
    expect(Function.prototype[Symbol.hasInstance].call(other.Vector, inputs.s)).toBe(false);
  });

  it("a cache fingerprint's bytes hold its rows: two tables of one schema differ", () => {
    const a = foreignTable();
    const b = new other.Table({ s: a.getChild('s')!, x: other.vectorFromArray([9, 9, 9], new other.Float64()) });
    const c = new other.Table({ s: a.getChild('s')!, x: a.getChild('x')! });
    expect(Buffer.from(arrowIpcBytes(c)!).equals(Buffer.from(arrowIpcBytes(b)!))).toBe(false);
  });
});

describe('the cache codec, given a table or vector of another apache-arrow copy', () => {
  it('reads back the same rows', () => {
    const { encodeArrow, decodeArrow } = require('../../../adapters/cache-store/arrow-codec');
    const t = new other.Table({ s: other.vectorFromArray(['a', null, 'c'], new other.Utf8()) });
    const table = encodeArrow(t)!;
    expect(rows(decodeArrow(table.bytes, table.kind))).toEqual(rows(t as unknown as Table));
    const vector = encodeArrow(t.getChild('s'))!;
    expect(Array.from(decodeArrow(vector.bytes, vector.kind) as Iterable<unknown>)).toEqual(['a', null, 'c']);
  });
});

describe('a vector of another apache-arrow copy as an input and result column', () => {
  it('reaches the result table (it was "Table and inner RecordBatch schemas must be equivalent")', () => {
    const { tableFromColumns } = require('../../../adapters/arrow/table-from-columns');
    const s = other.vectorFromArray(['a', null, 'c'], new other.Utf8());
    const table: Table = tableFromColumns(['s'], [s]);
    expect(Array.from({ length: 3 }, (_, i) => table.getChild('s')!.get(i))).toEqual(['a', null, 'c']);
  });
});
