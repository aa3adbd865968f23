/**
 * The store of a distributed run, as Arrow IPC files: the sorted history written once with each
 * partition in its own record batches (a worker reads only its batches, by random access through
 * the file's footer), and each partition's result as its own file.
 */
import { open } from 'node:fs/promises';
import { type RecordBatch, RecordBatchFileWriter, RecordBatchReader, Table } from 'apache-arrow';
import { DEFAULT_MAX_BATCH_BYTES } from '../arrow/byte-size';
import { atomicWrite } from './atomic-write';
import { BufferedWriter } from './buffered-writer';
import { boundedBatches } from './write-arrow';
import { fileError, reasonOf } from './file-errors';

/**
 * Writes `table` to `path` (Arrow IPC file) with rows `[start, end)` of each range in record
 * batches of their own; returns, per range, its first batch and how many batches it has.
 *
 * @example
 * const batches = await writePartitioned(history, 'store/inputs.arrow', [[0, 500], [500, 1200]]);
 * batches; // [[0, 1], [1, 1]]
 */
export async function writePartitioned(
  table: Table, path: string, ranges: readonly (readonly [number, number])[],
): Promise<[number, number][]> {
  const batches: RecordBatch[] = [];
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const first = batches.length;
    batches.push(...boundedBatches(table.slice(start, end), DEFAULT_MAX_BATCH_BYTES));
    out.push([first, batches.length - first]);
  }
  await atomicWrite(path, 'Arrow IPC', async (file) => {
    const writer = RecordBatchFileWriter.writeAll(new Table(table.schema, batches));
    const buffered = new BufferedWriter(file);
    for await (const chunk of writer) await buffered.write(chunk);
    await buffered.flush();
  });
  return out;
}

/**
 * Batches `first … first + count - 1` (default: all) of an Arrow IPC file as one table, read by
 * seeking to them (the rest of the file is not read).
 *
 * @example
 * const mine = await readBatches('store/inputs.arrow', 3, 1);
 */
export async function readBatches(path: string, first = 0, count?: number): Promise<Table> {
  const file = await open(path, 'r');
  try {
    const reader = await RecordBatchReader.from(file);
    await reader.open();
    if (!reader.isFile()) throw new Error('it is an Arrow stream, not a file with a footer');
    const batches: RecordBatch[] = [];
    const end = first + (count ?? reader.numRecordBatches - first);
    for (let i = first; i < end; i++) {
      const batch = await reader.readRecordBatch(i);
      if (!batch) throw new Error(`it has no record batch ${i}`);
      batches.push(batch);
    }
    return new Table(reader.schema, batches);
  } catch (error) {
    const fix = 'The store is incomplete or was changed; run the coordinator again.';
    throw fileError(path, 'read partition batches from', reasonOf(error), fix);
  } finally {
    await file.close();
  }
}
