/**
 * Rows `[start, end)` of an Arrow IPC file or stream, read from only the record batches that hold
 * them: a file's batches by seeking through its footer, a stream's in turn (one held at a time).
 * The batches' row starts are known beforehand (an entity index, or the part of it a job carries);
 * a batch of another length means the file is not the one indexed.
 */
import { open } from 'node:fs/promises';
import { type RecordBatch, RecordBatchReader, Table } from 'apache-arrow';

/**
 * `batchStarts[k]` is the first row of batch `firstBatch + k` (and the last entry the row after
 * the last batch). Throws a plain `Error` with the reason (the caller names the file and the fix);
 * `footer`: refuse a stream, which could only be read up to the rows from its start.
 *
 * @example
 * await readBatchRows('history.arrow', [0, 1000, 2000], 0, 500, 1500); // rows 500–1499, two batches
 */
export async function readBatchRows(
  path: string, batchStarts: readonly number[], firstBatch: number, start: number, end: number,
  options: { readonly footer?: boolean } = {},
): Promise<Table> {
  const file = await open(path, 'r');
  try {
    const reader = await RecordBatchReader.from(file);
    await reader.open();
    const seek = reader.isFile();
    if (!seek && (options.footer === true || firstBatch !== 0)) {
      throw new Error('it is an Arrow stream, not a file with a footer to seek by');
    }
    const picked: RecordBatch[] = [];
    const b = batchStarts;
    for (let k = 0; k + 1 < b.length && b[k] < end; k++) {
      if (b[k + 1] <= start) {
        if (!seek) await reader.next();
        continue;
      }
      const batch = seek ? await reader.readRecordBatch(firstBatch + k) : (await reader.next()).value;
      if (!batch || batch.numRows !== b[k + 1] - b[k]) {
        throw new Error(`its record batch ${firstBatch + k} is not the one indexed`);
      }
      const from = Math.max(start - b[k], 0);
      const to = Math.min(end, b[k + 1]) - b[k];
      picked.push(from === 0 && to === batch.numRows ? batch : batch.slice(from, to));
    }
    return new Table(reader.schema, picked);
  } finally {
    await file.close();
  }
}
