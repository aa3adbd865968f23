import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { readParquet, tableFromColumns, writeParquet } from '../../../adapters';
import { InputError } from '../../../src/errors';
import { firstDifference, flattenStrings, rejection, useTempDir, vega } from '../helpers/temp-dir';

const dir = useTempDir();

const typesOf = (t: Table) => t.schema.fields.map((f) => `${f.name}:${f.type}`);

describe('writeParquet', () => {
  it('round-trips all of flights-3m.parquet: same types, same values in every column', async () => {
    const original = await readParquet(vega('flights-3m.parquet'));
    const path = join(dir(), 'flights.parquet');
    await writeParquet(original, path);
    const back = await readParquet(path);
    expect(back.numRows).toBe(3_000_000);
    expect(typesOf(back)).toEqual(typesOf(original));
    for (const name of ['date', 'delay', 'distance']) {
      expect(firstDifference(back.getChild(name)!.toArray(), original.getChild(name)!.toArray())).toBe(-1);
    }
    for (const name of ['origin', 'destination']) {
      const got = flattenStrings(back.getChild(name)! as never);
      const want = flattenStrings(original.getChild(name)! as never);
      expect(firstDifference(got.lengths, want.lengths)).toBe(-1);
      expect(firstDifference(got.bytes, want.bytes)).toBe(-1);
    }
    expect(Array.from(back.getChild('origin')!.slice(0, 3))).toEqual(Array.from(original.getChild('origin')!.slice(0, 3)));
  });

  it('keeps NaN, nulls, strings, booleans, integers and timestamps', async () => {
    const table = tableFromColumns(
      ['f', 'n', 's', 'b', 'i', 't'],
      [
        new Float64Array([1.5, NaN, -0.25]),
        [1.5, null, 3],
        ['a', null, 'c'],
        [true, null, false],
        new Int32Array([-7, 0, 2 ** 31 - 1]),
        [new Date(0), null, new Date(Date.UTC(2012, 0, 1))],
      ],
    );
    const path = join(dir(), 'types.parquet');
    await writeParquet(table, path, { compression: 'zstd' });
    const back = await readParquet(path);
    expect(typesOf(back)).toEqual(['f:Float64', 'n:Float64', 's:Utf8', 'b:Bool', 'i:Int32', 't:Timestamp<MILLISECOND>']);
    expect(Array.from(back.getChild('f')!)).toEqual([1.5, NaN, -0.25]);
    expect(Array.from(back.getChild('n')!)).toEqual([1.5, null, 3]);
    expect(Array.from(back.getChild('s')!)).toEqual(['a', null, 'c']);
    expect(Array.from(back.getChild('b')!)).toEqual([true, null, false]);
    expect(Array.from(back.getChild('i')!)).toEqual([-7, 0, 2 ** 31 - 1]);
    expect(Array.from(back.getChild('t')!)).toEqual([0, null, Date.UTC(2012, 0, 1)]);
  });

  it('writes a multi-batch table as row groups and reads every row back', async () => {
    const x = Float64Array.from({ length: 10_000 }, (_, i) => i / 8);
    const table = tableFromColumns(['x'], [x], { maxChunkBytes: 8 * 3_000 });
    expect(table.batches.length).toBe(4);
    const path = join(dir(), 'batches.parquet');
    await writeParquet(table, path, { rowGroupSize: 2_500 });
    const back = await readParquet(path);
    expect(firstDifference(back.getChild('x')!.toArray(), x)).toBe(-1);
  });

  it('writes an empty table with its schema', async () => {
    const path = join(dir(), 'empty.parquet');
    await writeParquet(tableFromColumns(['a', 'b'], [new Float64Array(0), new Int32Array(0)]), path);
    const back = await readParquet(path);
    expect(back.numRows).toBe(0);
    expect(typesOf(back)).toEqual(['a:Float64', 'b:Int32']);
  });

  it('names the file when it cannot write', async () => {
    const path = join(dir(), 'missing-dir', 'x.parquet');
    const error = await rejection(writeParquet(tableFromColumns(['x'], [new Float64Array(2)]), path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `Cannot write Parquet to "${path}": the folder "${join(dir(), 'missing-dir')}" does not exist. ` +
        'Create it, or write to another path.',
    );
    expect(existsSync(path)).toBe(false);
  });
});
