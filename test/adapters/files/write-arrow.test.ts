import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Float64, Vector, makeData, tableFromIPC } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { readArrow, tableFromColumns, writeArrow } from '../../../adapters';
import { boundedBatches } from '../../../adapters/files/write-arrow';
import { InputError } from '../../../src/errors';
import { firstDifference, rejection, useTempDir, vega } from '../helpers/temp-dir';

const dir = useTempDir();

describe('writeArrow', () => {
  it('round-trips flights-200k.arrow: same types, same values', async () => {
    const original = await readArrow(vega('flights-200k.arrow'));
    const path = join(dir(), 'flights.arrow');
    await writeArrow(original, path);
    const back = await readArrow(path);
    expect(back.schema.fields.map((f) => String(f.type))).toEqual(['Int16', 'Int16', 'Float32']);
    for (const name of ['delay', 'distance', 'time']) {
      expect(firstDifference(back.getChild(name)!.toArray(), original.getChild(name)!.toArray())).toBe(-1);
    }
    // apache-arrow's own whole-buffer reader agrees
    expect(tableFromIPC(readFileSync(path)).numRows).toBe(200_000);
  });

  it('keeps every batch under maxBatchBytes by slicing, and reads back all of them', async () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => i * 1.5);
    const table = tableFromColumns(['x'], [x]);
    expect(table.batches).toHaveLength(1);
    const sliced = boundedBatches(table, 2000); // 8000 bytes → 4 batches of 250 rows
    expect(sliced.map((b) => b.numRows)).toEqual([250, 250, 250, 250]);
    for (const batch of sliced) expect(batch.getChild('x')!.data[0].values.buffer).toBe(x.buffer);
    const path = join(dir(), 'sliced.arrow');
    await writeArrow(table, path, { maxBatchBytes: 2000 });
    const back = await readArrow(path);
    expect(back.batches.map((b) => b.numRows)).toEqual([250, 250, 250, 250]);
    expect(Array.from(back.getChild('x')!)).toEqual(Array.from(x));
  });

  it('writes every chunk of a multi-chunk column, not only the first', async () => {
    const chunked = new Vector([
      makeData({ type: new Float64(), data: new Float64Array([1, 2]) }),
      makeData({ type: new Float64(), data: new Float64Array([3, 4, 5]) }),
    ]);
    const path = join(dir(), 'chunked.arrow');
    await writeArrow(tableFromColumns(['v'], [chunked]), path);
    expect(Array.from((await readArrow(path)).getChild('v')!)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps nulls, strings, booleans, bigints and timestamps', async () => {
    const table = tableFromColumns(
      ['f', 's', 'b', 'i', 't'],
      [[1.5, null, NaN], ['a', null, 'c'], [true, null, false], [1n, null, 3n], [new Date(0), null, new Date(1000)]],
    );
    const path = join(dir(), 'types.arrow');
    await writeArrow(table, path);
    const back = await readArrow(path);
    expect(back.schema.fields.map((f) => String(f.type))).toEqual(['Float64', 'Utf8', 'Bool', 'Int64', 'Timestamp<MILLISECOND>']);
    expect(back.getChild('f')!.get(1)).toBeNull();
    expect(back.getChild('f')!.get(2)).toBeNaN();
    expect(Array.from(back.getChild('s')!)).toEqual(['a', null, 'c']);
    expect(Array.from(back.getChild('b')!)).toEqual([true, null, false]);
    expect(Array.from(back.getChild('i')!)).toEqual([1n, null, 3n]);
    expect(Array.from(back.getChild('t')!)).toEqual([0, null, 1000]);
  });

  it('names the file when it cannot write, and leaves no partial file behind', async () => {
    const path = join(dir(), 'no-such-dir', 'out.arrow');
    const error = await rejection(writeArrow(tableFromColumns(['x'], [new Float64Array(3)]), path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `Cannot write Arrow IPC to "${path}": the folder "${join(dir(), 'no-such-dir')}" does not exist. ` +
        'Create it, or write to another path.',
    );
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir()).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
