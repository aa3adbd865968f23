import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Float64, Int32, RecordBatch, Schema, Field, Struct, Table, makeData, tableFromIPC, tableToIPC } from 'apache-arrow';
import { readArrow, readArrowBatches, writeArrow } from '../../../adapters';
import { InputError } from '../../../src/errors';
import { firstDifference, rejection, useTempDir, vega } from '../helpers/temp-dir';

const dir = useTempDir();
const FLIGHTS = vega('flights-200k.arrow');

describe('readArrow on flights-200k.arrow', () => {
  it('reads every row with the file types, equal to decoding the whole buffer at once', async () => {
    const table = await readArrow(FLIGHTS);
    const whole = tableFromIPC(readFileSync(FLIGHTS));
    expect(table.numRows).toBe(200_000);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['delay:Int16', 'distance:Int16', 'time:Float32']);
    for (const name of ['delay', 'distance', 'time']) {
      expect(firstDifference(table.getChild(name)!.toArray(), whole.getChild(name)!.toArray())).toBe(-1);
    }
  });
});

/** n rows: x[i] = i / 4 (exact in float64), k[i] = i % 1000, in batches of `rowsPerBatch`. */
function generated(n: number, rowsPerBatch: number): Table {
  const schema = new Schema([new Field('x', new Float64()), new Field('k', new Int32())]);
  const batches: RecordBatch[] = [];
  for (let start = 0; start < n; start += rowsPerBatch) {
    const len = Math.min(rowsPerBatch, n - start);
    const x = Float64Array.from({ length: len }, (_, i) => (start + i) / 4);
    const k = Int32Array.from({ length: len }, (_, i) => (start + i) % 1000);
    const children = [makeData({ type: new Float64(), data: x }), makeData({ type: new Int32(), data: k })];
    batches.push(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: len, nullCount: 0, children })));
  }
  return new Table(schema, batches);
}

describe('readArrowBatches: batch by batch through a file handle', () => {
  const n = 2_000_000; // 24 MB of data: large enough to see batches stream, small enough for CI
  const rowsPerBatch = 300_000;

  it.each([['file', 'gen.arrow'], ['stream', 'gen.arrows']] as const)(
    'yields each batch of an IPC %s in order, through a file handle (never readFile)',
    async (format, name) => {
      const path = join(dir(), name);
      await writeArrow(generated(n, rowsPerBatch), path, { format });
      const readFile = jest.spyOn(fsp, 'readFile');
      const readFileSync = jest.spyOn(fs, 'readFileSync');
      const sizes: number[] = [];
      let sumX = 0;
      let sumK = 0;
      let row = 0;
      let firstMismatch = -1;
      for await (const batch of readArrowBatches(path)) {
        sizes.push(batch.numRows);
        const x = batch.getChild('x')!.data[0].values as Float64Array;
        const k = batch.getChild('k')!.data[0].values as Int32Array;
        for (let i = 0; i < batch.numRows; i++, row++) {
          sumX += x[i];
          sumK += k[i];
          if (firstMismatch < 0 && (x[i] !== row / 4 || k[i] !== row % 1000)) firstMismatch = row;
        }
      }
      expect(readFile).not.toHaveBeenCalled();
      expect(readFileSync).not.toHaveBeenCalled();
      readFile.mockRestore();
      readFileSync.mockRestore();
      expect(firstMismatch).toBe(-1);
      expect(sizes).toEqual([300_000, 300_000, 300_000, 300_000, 300_000, 300_000, 200_000]);
      expect(sumX).toBe(((n - 1) * n) / 2 / 4); // Σ i/4, exact in float64 at this size
      expect(sumK).toBe((n / 1000) * ((999 * 1000) / 2));
    },
  );

  it('readArrow collects the same batches into one table', async () => {
    const path = join(dir(), 'gen2.arrow');
    await writeArrow(generated(10_000, 3_000), path);
    const table = await readArrow(path);
    expect(table.batches.map((b) => b.numRows)).toEqual([3000, 3000, 3000, 1000]);
    expect(table.getChild('x')!.get(9_999)).toBe(9_999 / 4);
  });
});

describe('readArrow: unreadable files end in an InputError naming the file', () => {
  const fix = 'The file is truncated or is not Arrow IPC (file or stream format); write it again, or check its extension.';

  it('a truncated Arrow file', async () => {
    const path = join(dir(), 'truncated.arrow');
    const bytes = readFileSync(FLIGHTS);
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    const error = await rejection(readArrow(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`^Cannot read Arrow IPC from "${path}": .+\\. ${fix.replace(/[().]/g, '\\$&')}$`));
  });

  it('a truncated Arrow stream (body cut short)', async () => {
    const path = join(dir(), 'truncated.arrows');
    const bytes = tableToIPC(tableFromIPC(readFileSync(FLIGHTS)), 'stream');
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    const error = await rejection(readArrow(path));
    expect(error.message).toContain(`Cannot read Arrow IPC from "${path}": its message body of 1600000 bytes at byte 504 runs past the end of the file (800256 bytes)`);
    expect(error.message).toContain(fix);
  });

  it('a file too short to hold a schema', async () => {
    const path = join(dir(), 'tiny.arrow');
    writeFileSync(path, 'ARRO');
    expect((await rejection(readArrow(path))).message).toBe(`Cannot read Arrow IPC from "${path}": its message header of 1330795073 bytes at byte 4 runs past the end of the file (4 bytes). ${fix}`);
  });

  it('a CSV file given to readArrow', async () => {
    const path = join(dir(), 'not-arrow.arrow');
    writeFileSync(path, 'a,b\n1,2\n');
    const error = await rejection(readArrow(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(`Cannot read Arrow IPC from "${path}"`);
  });

  it('a file that does not exist', async () => {
    const path = join(dir(), 'missing.arrow');
    expect((await rejection(readArrow(path))).message).toBe(
      `Cannot read Arrow IPC from "${path}": no such file (looked in ${path}). Check the path and the working directory.`,
    );
  });

  it('a directory', async () => {
    const path = join(dir(), 'a-directory.arrow');
    mkdirSync(path);
    expect((await rejection(readArrow(path))).message).toBe(
      `Cannot read Arrow IPC from "${path}": it is a directory, not a file. Pass the path of a file.`,
    );
  });
});

describe('readArrow: a column named ""', () => {
  // apache-arrow reads an empty field name back as null (the file's schema) and "null" (each
  // batch's), so quiver's readArrow threw "Table and inner RecordBatch schemas must be equivalent"
  // on a file it had just written.
  const dir = useTempDir();
  it('reads back under its own name', async () => {
    const file = join(dir(), 'empty-name.arrow');
    const columns = { '': makeData({ type: new Float64(), data: Float64Array.of(1, 2) }) };
    const schema = new Schema([new Field('', new Float64(), false), new Field('b', new Int32(), false)]);
    const data = makeData({ type: new Struct(schema.fields), length: 2, nullCount: 0, children: [
      columns[''], makeData({ type: new Int32(), data: Int32Array.of(3, 4) }),
    ] });
    await writeArrow(new Table([new RecordBatch(schema, data)]), file);
    const back = await readArrow(file);
    expect(back.schema.fields.map((f) => f.name)).toEqual(['', 'b']);
    expect(Array.from(back.getChild('')!.toArray() as Float64Array)).toEqual([1, 2]);
  });
});
