/**
 * writeArrowParts / writeParquetParts / writeResultParts: the parts of one table written as they
 * come — the same bytes (Arrow) and values (Parquet) as the joined table, each part on disk before
 * the next is asked for, and a part that fails or differs leaves no file behind.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Table, tableToIPC } from 'apache-arrow';
import { tableFromColumns } from '../../../adapters/arrow/table-from-columns';
import { joinBatches, nullableSchema, withSchema } from '../../../adapters/arrow/join-batches';
import { readTable, writeResultParts } from '../../../adapters/files/formats';
import { writeArrowParts } from '../../../adapters/files/write-arrow';
import { writeParquetParts } from '../../../adapters/files/write-parquet';
import { InputError, FeatureExecutionError } from '../../../src/errors';
import { useTempDir } from '../helpers/temp-dir';

const root = useTempDir();
/** A folder of its own for each use. */
const dir = () => mkdtempSync(join(root(), 'case-'));

/** Part k: `rows[k]` rows with a NaN, a null string and a running id, so that order shows. */
function parts(rows: readonly number[]): Table[] {
  let id = 0;
  return rows.map((n, k) => {
    const x = Float64Array.from({ length: n }, (_, i) => (i % 7 === 3 ? NaN : k * 1000 + i / 4));
    const s = Array.from({ length: n }, (_, i) => (i % 5 === 1 ? null : `p${k}-${i}`));
    const ids = Int32Array.from({ length: n }, () => id++);
    // an empty part keeps the columns' types (an empty JS array alone would be Float64)
    return n === 0 ? tableFromColumns(['x', 's', 'id'], [Float64Array.of(0), ['-'], Int32Array.of(0)]).slice(0, 0)
      : tableFromColumns(['x', 's', 'id'], [x, s, ids]);
  });
}

async function* lazily(tables: readonly Table[], onAsk?: (k: number) => void): AsyncGenerator<Table> {
  for (let k = 0; k < tables.length; k++) {
    onAsk?.(k);
    yield tables[k];
  }
}

function same(a: Table, b: Table) {
  expect(b.numRows).toBe(a.numRows);
  const types = (t: Table) => t.schema.fields.map((f) => `${f.name}: ${f.type}`);
  expect(types(b)).toEqual(types(a));
  for (const f of a.schema.fields) expect(b.getChild(f.name)!.toArray()).toEqual(a.getChild(f.name)!.toArray());
}

/** Sizes of the files in `folder` (the temporary file the writer fills). */
function bytesIn(folder: string): number {
  return readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
}

describe('writeArrowParts', () => {
  test('the same bytes as the joined table, as file and as stream; 60 parts of 0 to ~900 rows', async () => {
    const sizes = Array.from({ length: 60 }, (_, k) => (k % 13 === 5 ? 0 : 1 + ((k * 7919) % 900)));
    const tables = parts(sizes);
    const joined = joinBatches(tables);
    // the file declares every column nullable (its schema is written before the later parts are seen)
    const schema = nullableSchema(joined.schema);
    const expected = new Table(schema, joined.batches.map((b) => withSchema(b, schema)));
    const file = join(dir(), 'parts.arrow');
    await writeArrowParts(lazily(tables), file);
    expect(Buffer.compare(readFileSync(file), Buffer.from(tableToIPC(expected, 'file')))).toBe(0);
    const stream = join(dir(), 'parts.arrows');
    await writeArrowParts(lazily(tables), stream, { format: 'stream' });
    expect(Buffer.compare(readFileSync(stream), Buffer.from(tableToIPC(expected, 'stream')))).toBe(0);
    const back = await readTable(file);
    expect(back.batches.length).toBe(60);
    same(joined, back);
  });

  test('each part is on disk before the next is asked for', async () => {
    const folder = dir();
    const seen: number[] = [];
    const sizes = [50_000, 50_000, 50_000, 50_000];
    await writeArrowParts(lazily(parts(sizes), () => seen.push(bytesIn(folder))), join(folder, 'lazy.arrow'));
    // a part of 50,000 rows holds 400 kB of floats alone (large buffers go to the file as they are)
    expect(seen[0]).toBe(0);
    for (let k = 1; k < seen.length; k++) expect(seen[k] - seen[k - 1]).toBeGreaterThan(400_000);
  });

  test('a part with other columns is an InputError naming it; no file, no temporary file', async () => {
    const folder = dir();
    writeFileSync(join(folder, 'keep.arrow'), 'old');
    const odd = tableFromColumns(['x', 's', 'id'], [Int32Array.of(1), ['a'], Int32Array.of(0)]);
    const error = await writeArrowParts(lazily([...parts([3, 4]), odd]), join(folder, 'keep.arrow')).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      'Partition 3 has columns x: Int32, s: Utf8, id: Int32, but partition 1 has x: Float64, s: Utf8, id: Int32; every',
    );
    expect(readdirSync(folder)).toEqual(['keep.arrow']);
    expect(readFileSync(join(folder, 'keep.arrow'), 'utf8')).toBe('old');
  });
});

describe('writeParquetParts', () => {
  test('the same values as the joined table; row groups cut across parts; empty parts skipped', async () => {
    const tables = parts([0, 17, 1, 0, 250, 33]);
    const path = join(dir(), 'parts.parquet');
    await writeParquetParts(lazily(tables), path, { rowGroupSize: 100 });
    same(joinBatches(tables), await readTable(path));
  });

  test('only empty parts: an empty file with the columns', async () => {
    const path = join(dir(), 'empty.parquet');
    await writeParquetParts(lazily(parts([0, 0])), path);
    const back = await readTable(path);
    expect(back.numRows).toBe(0);
    expect(back.schema.fields.map((f) => f.name)).toEqual(['x', 's', 'id']);
  });
});

describe('writeResultParts', () => {
  test.each(['out.parquet', 'out.arrow', 'out.csv'])('a failing part is the error; no %s written', async (name) => {
    const folder = dir();
    const message = 'Feature "ma7" failed — in partition 3 of 4';
    const failure = new FeatureExecutionError('ma7', 'partition', new Error('boom'), message);
    async function* failing(): AsyncGenerator<Table> {
      yield* parts([40, 40]);
      throw failure;
    }
    await expect(writeResultParts(failing(), join(folder, name))).rejects.toBe(failure);
    expect(readdirSync(folder)).toEqual([]);
  });

  test('a plain Error from a part passes through as it is, not as a write error', async () => {
    const folder = dir();
    const bug = new TypeError('x is not a function');
    async function* failing(): AsyncGenerator<Table> {
      yield* parts([10]);
      throw bug;
    }
    await expect(writeResultParts(failing(), join(folder, 'bug.arrow'))).rejects.toBe(bug);
    await expect(writeResultParts(failing(), join(folder, 'bug.parquet'))).rejects.toBe(bug);
    expect(readdirSync(folder)).toEqual([]);
  });

  test('parts whose columns differ only in holding nulls join into one nullable column', async () => {
    const a = tableFromColumns(['s'], [['x', 'y']]);
    const b = tableFromColumns(['s'], [[null, 'z']]);
    expect([a.schema.fields[0].nullable, b.schema.fields[0].nullable]).toEqual([false, true]);
    for (const name of ['n.arrow', 'n.parquet']) {
      const path = join(dir(), name);
      await writeResultParts(lazily([a, b]), path);
      const back = await readTable(path);
      expect(back.getChild('s')!.toArray()).toEqual(['x', 'y', null, 'z']);
    }
    const joined = joinBatches([a, b]);
    expect(joined.schema.fields[0].nullable).toBe(true);
    expect(joined.getChild('s')!.toArray()).toEqual(['x', 'y', null, 'z']);
  });

  test('a column all null in the first parts takes the type it has where it holds values', async () => {
    const none = (n: number) =>
      tableFromColumns(['s', 'x'], [new Array(n).fill(null), Float64Array.from({ length: n })]);
    const some = tableFromColumns(['s', 'x'], [['a', null], Float64Array.of(1, 2)]);
    expect(String(none(2).schema.fields[0].type)).toBe('Float64');
    const path = join(dir(), 'settled.arrow');
    await writeResultParts(lazily([none(2), none(1), some, none(3)]), path);
    const back = await readTable(path);
    expect(String(back.schema.fields[0].type)).toBe('Utf8');
    expect(back.getChild('s')!.toArray()).toEqual([null, null, null, 'a', null, null, null, null]);
    // all null in every part: the type the parts inferred, as the unpartitioned table infers it
    const nulls = join(dir(), 'nulls.arrow');
    await writeResultParts(lazily([none(2), none(1)]), nulls);
    expect(String((await readTable(nulls)).schema.fields[0].type)).toBe('Float64');
  });

  test('CSV, which is not written part by part, gets the joined parts', async () => {
    const tables = parts([3, 0, 2]);
    const path = join(dir(), 'joined.csv');
    await writeResultParts(lazily(tables), path);
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean).length).toBe(1 + 5);
  });
});
