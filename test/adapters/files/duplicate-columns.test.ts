/** Arrow IPC and Parquet inputs naming one column twice are refused, as CSV headers are. */
import { join } from 'node:path';
import { Field, Float64, RecordBatch, Schema, Struct, Table, makeData } from 'apache-arrow';
import { readArrow, readParquet, readTable, writeArrow, writeParquet } from '../../../adapters';
import { InputError } from '../../../src/errors';
import { rejection, useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();

/** Columns a, x, x: the second x holds other values (the one that used to win silently). */
function twiceX(): Table {
  const fields = [new Field('a', new Float64()), new Field('x', new Float64()), new Field('x', new Float64())];
  const schema = new Schema(fields);
  const children = [[1, 2], [10, 20], [30, 40]].map((v) => makeData({ type: new Float64(), data: new Float64Array(v) }));
  return new Table(schema, [new RecordBatch(schema, makeData({ type: new Struct(fields), length: 2, nullCount: 0, children }))]);
}

describe('a column named twice in the file', () => {
  it.each([
    ['twice.arrow', 'Arrow IPC', (p: string) => writeArrow(twiceX(), p), readArrow],
    ['twice.arrows', 'Arrow IPC', (p: string) => writeArrow(twiceX(), p, { format: 'stream' }), readArrow],
    ['twice.parquet', 'Parquet', (p: string) => writeParquet(twiceX(), p), readParquet],
  ])('%s: an InputError naming the column and the file', async (name, format, write, read) => {
    const path = join(dir(), name);
    await write(path);
    const expected = `Cannot read ${format} from "${path}": the schema names column "x" twice (fields 2 and 3). Rename one of them.`;
    for (const error of [await rejection(read(path)), await rejection(readTable(path))]) {
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(expected);
    }
  });
});
