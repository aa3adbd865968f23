/**
 * Writes a table as an Arrow IPC file (or stream) with every record batch under `maxBatchBytes`
 * (1 GiB by default), so readers that take one batch at a time — and Node's 2 GiB read limit —
 * never meet a batch too large. Batches are cut by slicing, not copying.
 */
import { RecordBatch, RecordBatchFileWriter, RecordBatchStreamWriter, Table } from 'apache-arrow';
import { batchBytes, DEFAULT_MAX_BATCH_BYTES } from '../arrow/byte-size';
import { InputError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import { atomicWrite } from './atomic-write';
import { BufferedWriter } from './buffered-writer';

export interface WriteArrowOptions {
  /** `'file'` (default; random access, `.arrow`/`.feather`) or `'stream'` (`.arrows`). */
  readonly format?: 'file' | 'stream';
  /** Upper bound for one record batch in bytes; larger batches are sliced (default 1 GiB). */
  readonly maxBatchBytes?: number;
}

/**
 * The table's batches, each cut into zero-copy slices of at most about `maxBatchBytes`.
 *
 * @example
 * boundedBatches(table, 2 ** 30).length; // table.batches.length unless a batch passes 1 GiB
 */
export function boundedBatches(table: Table, maxBatchBytes: number): RecordBatch[] {
  const out: RecordBatch[] = [];
  for (const batch of table.batches) {
    const bytes = batchBytes(batch);
    if (bytes <= maxBatchBytes || batch.numRows <= 1) {
      out.push(batch);
      continue;
    }
    const rows = Math.max(1, Math.floor(batch.numRows / Math.ceil(bytes / maxBatchBytes)));
    for (let start = 0; start < batch.numRows; start += rows) out.push(batch.slice(start, Math.min(start + rows, batch.numRows)));
  }
  return out;
}

/**
 * Writes `table` to `path` as Arrow IPC. The file appears only once complete.
 *
 * @example
 * await writeArrow(await dr.execute(outputs, { inputs }), 'features.arrow');
 */
export async function writeArrow(table: Table, path: string, options: WriteArrowOptions = {}): Promise<void> {
  assertKnownKeys(options, ['format', 'maxBatchBytes'], 'writeArrow', InputError);
  const batches = boundedBatches(table, options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES);
  const Writer = options.format === 'stream' ? RecordBatchStreamWriter : RecordBatchFileWriter;
  await atomicWrite(path, 'Arrow IPC', async (file) => {
    const writer = Writer.writeAll(new Table(table.schema, batches));
    const out = new BufferedWriter(file);
    for await (const chunk of writer) await out.write(chunk);
    await out.flush();
  });
}
