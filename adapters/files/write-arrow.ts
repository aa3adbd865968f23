/**
 * Writes a table as an Arrow IPC file (or stream) with every record batch under `maxBatchBytes`
 * (1 GiB by default), so readers that take one batch at a time — and Node's 2 GiB read limit —
 * never meet a batch too large. Batches are cut by slicing, not copying.
 */
import {
  AsyncByteQueue, type RecordBatch, RecordBatchFileWriter, RecordBatchStreamWriter, type Schema, Table,
} from 'apache-arrow';
import { checkSameSchema, nullableSchema, withSchema } from '../arrow/join-batches';
import { ownTable } from '../arrow/own-table';
import { batchBytes, DEFAULT_MAX_BATCH_BYTES } from '../arrow/byte-size';
import { InputError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import type { FileHandle } from 'node:fs/promises';
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
 * The writer's byte sink: takes each piece of IPC the writer emits, synchronously, so that the
 * pieces of one record batch can be written to the file before the next batch is made.
 */
class PieceSink extends AsyncByteQueue {
  readonly pieces: Uint8Array[] = [];
  override write(value: ArrayBufferView): void {
    if (value.byteLength > 0) this.pieces.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  }
  /** Writes and forgets every piece so far: no piece still refers to a batch's buffers after this. */
  async drainTo(out: BufferedWriter): Promise<void> {
    for (let k = 0; k < this.pieces.length; k++) await out.write(this.pieces[k]);
    this.pieces.length = 0;
  }
}

/**
 * Writes `tables` (the parts of one result, one schema) to `path` as one Arrow IPC file or stream,
 * each table's record batches written as soon as that table arrives: only one part is held at a
 * time (its batches are on disk before the next part is asked for). Every column is declared
 * nullable (the schema is written before later parts, which may hold nulls, are seen), unless
 * `keepSchema`: the parts' schema is the whole result's already (a distributed run's, settled on
 * the parts' footers) and is written as it is. A part whose columns differ from the first's is an
 * `InputError` naming it, and no file appears. The file appears only once complete.
 *
 * @example
 * await writeArrowParts(partitionTables(), 'frame.arrow');
 */
export function writeArrowParts(
  tables: AsyncIterable<Table> | Iterable<Table>, path: string, options: WriteArrowOptions = {},
  onWritten?: (table: Table) => void, keepSchema = false,
): Promise<void> {
  return writeIpc(tables, path, options, keepSchema ? (s) => s : nullableSchema, onWritten);
}

/** Parts through one IPC writer; `schemaOf` gives the file's schema from the first part's. */
async function writeIpc(
  tables: AsyncIterable<Table> | Iterable<Table>, path: string, options: WriteArrowOptions,
  schemaOf: (s: Schema) => Schema, onWritten?: (table: Table) => void,
): Promise<void> {
  assertKnownKeys(options, ['format', 'maxBatchBytes'], 'writeArrow', InputError);
  const max = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const Writer = options.format === 'stream' ? RecordBatchStreamWriter : RecordBatchFileWriter;
  let failure: unknown;
  async function* parts() {
    try {
      yield* tables;
    } catch (error) {
      failure = error;
      throw error;
    }
  }
  try {
    await atomicWrite(path, 'Arrow IPC', (file) => writeParts(parts(), file, Writer, max, schemaOf, onWritten));
  } catch (error) {
    // a part that failed to come (a feature that threw) is the error, not the write it ended
    throw failure ?? error;
  }
}

type IpcWriter = typeof RecordBatchFileWriter | typeof RecordBatchStreamWriter;

/** The parts' batches through one IPC writer into `file`, each batch on disk before the next. */
async function writeParts(
  tables: AsyncIterable<Table>, file: FileHandle, Writer: IpcWriter, max: number, schemaOf: (s: Schema) => Schema,
  onWritten?: (table: Table) => void,
): Promise<void> {
  const out = new BufferedWriter(file);
  const sink = new PieceSink();
  const writer = new Writer();
  // the first part's schema, not the part: a part is let go once its batches are written
  let first: Schema | undefined;
  let schema = new Table().schema;
  let index = 0;
  const it = tables[Symbol.asyncIterator]();
  for (;;) {
    // no reference kept to a part while the next is asked for (see src/util/pass-on.ts)
    let step: IteratorResult<Table> | undefined = await it.next();
    if (step.done) break;
    // a table of another apache-arrow copy (an ES-module import) would be written without its batches
    let part: Table | undefined = ownTable(step.value);
    let batches: RecordBatch[] | undefined = boundedBatches(part, max);
    if (first === undefined) {
      first = part.schema;
      schema = schemaOf(first);
      writer.reset(sink, schema);
    } else checkSameSchema(first, part.schema, index);
    index++;
    for (let k = 0; k < batches.length; k++) {
      writer.write(withSchema(batches[k], schema));
      await sink.drainTo(out);
    }
    // every byte of the part is in the file or copied into the write buffer: its memory may be reused
    onWritten?.(step.value);
    step = undefined;
    part = undefined;
    batches = undefined;
  }
  if (first === undefined) writer.reset(sink, schema);
  writer.close();
  await sink.drainTo(out);
  await out.flush();
}

/**
 * Writes `table` to `path` as Arrow IPC. The file appears only once complete.
 *
 * @example
 * await writeArrow(await dr.execute(outputs, { inputs }), 'features.arrow');
 */
export function writeArrow(table: Table, path: string, options: WriteArrowOptions = {}): Promise<void> {
  return writeIpc([table], path, options, (schema) => schema);
}
