/**
 * Parquet files, read with parquet-wasm in a worker thread (see parquet-worker.ts: a corrupt file
 * can make parquet-wasm panic beyond any catch, and there it ends only the worker). parquet-wasm
 * reads only the byte ranges it needs, one row group at a time, and each batch crosses into
 * JavaScript as Arrow IPC decoded by apache-arrow.
 */
import { assertKnownKeys } from '../../src/options/known-keys';
import { InputError } from '../../src/errors';
import { RecordBatch, Table, tableFromIPC } from 'apache-arrow';
import { checkReadable, fileError, reasonOf } from './file-errors';
import { parquetWorker, type WorkerMessage } from './parquet-worker';
import { checkUniqueColumns } from './unique-columns';
import { selectRows, trimBatches } from './parquet-rows';

export interface ReadParquetOptions {
  /** Only these columns, in the file's order. */
  readonly columns?: readonly string[];
  /** At most this many rows. */
  readonly limit?: number;
  /** Skip this many rows first. */
  readonly offset?: number;
  /** Rows per record batch (default 1,048,576). */
  readonly batchSize?: number;
}

const FIX = 'The file is truncated or is not Parquet; write it again, or check its extension.';

/**
 * The record batches of a Parquet file, one at a time.
 *
 * @example
 * for await (const batch of readParquetBatches('flights-3m.parquet', { columns: ['delay'] })) n += batch.numRows;
 */
export async function* readParquetBatches(path: string, options: ReadParquetOptions = {}): AsyncGenerator<RecordBatch> {
  assertKnownKeys(options, ['columns', 'limit', 'offset', 'batchSize'], 'readParquet', InputError);
  await checkReadable(path, 'Parquet');
  const worker = parquetWorker(path);
  const fail = (error: unknown) => fileError(path, 'read Parquet from', reasonOf(error), FIX);
  try {
    let meta: WorkerMessage;
    try {
      meta = await worker.next();
    } catch (error) {
      throw fail(error);
    }
    if (meta.kind !== 'meta') throw fail('the reader answered out of order');
    checkUniqueColumns(path, 'Parquet', tableFromIPC(meta.schema).schema.fields.map((f) => f.name));
    const selection = selectRows(meta.rowCounts, options.offset, options.limit);
    if (selection.rowGroups.length === 0) return worker.choose(null);
    worker.choose({
      batchSize: options.batchSize ?? 1 << 20,
      columns: options.columns ? [...options.columns] : undefined,
      rowGroups: selection.rowGroups,
      // parquet-wasm applies limit per row group from its start: skip + take bounds every group
      limit: Number.isFinite(selection.take) ? selection.skip + selection.take : undefined,
    });
    yield* trimBatches(decodeBatches(worker, fail), selection);
  } finally {
    await worker.close();
  }
}

/** Each batch the worker sends, decoded from IPC by apache-arrow. */
async function* decodeBatches(worker: ReturnType<typeof parquetWorker>, fail: (e: unknown) => Error): AsyncGenerator<RecordBatch> {
  for (;;) {
    let batch: Table;
    try {
      const next = await worker.next();
      if (next.kind === 'done') return;
      if (next.kind !== 'batch') throw new Error('the reader answered out of order');
      batch = tableFromIPC(next.bytes);
    } catch (error) {
      throw fail(error);
    }
    yield* batch.batches;
  }
}

/**
 * Reads a Parquet file into one `Table`. Types are Parquet's Arrow types (flights-3m.parquet has
 * Timestamp<MICROSECOND>, Int64 and LargeUtf8 columns).
 *
 * @example
 * const flights = await readParquet('node_modules/vega-datasets/data/flights-3m.parquet');
 */
export async function readParquet(path: string, options: ReadParquetOptions = {}): Promise<Table> {
  const batches: RecordBatch[] = [];
  for await (const batch of readParquetBatches(path, options)) batches.push(batch);
  if (batches.length > 0) return new Table(batches);
  return emptyTable(path, options);
}

/** A file (or a selection) without rows still has a schema: read it from the footer. */
async function emptyTable(path: string, options: ReadParquetOptions): Promise<Table> {
  const worker = parquetWorker(path);
  try {
    const meta = await worker.next();
    worker.choose(null);
    if (meta.kind !== 'meta') throw new Error('the reader answered out of order');
    const schema = tableFromIPC(meta.schema).schema;
    const fields = options.columns ? schema.fields.filter((f) => options.columns!.includes(f.name)) : schema.fields;
    return new Table(schema.select(fields.map((f) => f.name)));
  } catch (error) {
    throw fileError(path, 'read Parquet from', reasonOf(error), FIX);
  } finally {
    await worker.close();
  }
}

/** Rows read by `parquetRanges`. */
export interface ParquetRanges {
  /** Rows `[offset, offset + limit)` as one table; only the row groups holding them are decoded. */
  read(offset: number, limit: number): Promise<Table>;
  /** Ends the reader (its worker). */
  close(): Promise<void>;
}

/**
 * A reader of row ranges of one Parquet file that keeps its worker (and its WebAssembly module)
 * between reads: reading P partitions starts one decoder, not P.
 *
 * @example
 * const ranges = parquetRanges('history.parquet');
 * try { part = await ranges.read(1200, 1200); } finally { await ranges.close(); }
 */
export function parquetRanges(path: string): ParquetRanges {
  const fail = (error: unknown) => fileError(path, 'read Parquet from', reasonOf(error), FIX);
  // started by the first read, so that a reader never read from leaves no worker behind
  type Opened = { worker: ReturnType<typeof parquetWorker>; rowCounts: number[]; schema: Uint8Array };
  let opened: Promise<Opened> | undefined;
  let worker: ReturnType<typeof parquetWorker> | undefined;
  const open = () =>
    (opened ??= (async () => {
      await checkReadable(path, 'Parquet');
      worker = parquetWorker(path);
      const first = await worker.next().catch((error: unknown) => Promise.reject(fail(error)));
      if (first.kind !== 'meta') throw fail('the reader answered out of order');
      return { worker, rowCounts: first.rowCounts, schema: first.schema };
    })());
  return {
    async read(offset, limit) {
      const { worker: w, rowCounts, schema } = await open();
      const selection = selectRows(rowCounts, offset, limit);
      if (selection.rowGroups.length === 0) return new Table(tableFromIPC(schema).schema);
      w.choose({ batchSize: 1 << 20, rowGroups: selection.rowGroups, limit: selection.skip + selection.take });
      const decoded: RecordBatch[] = [];
      for await (const batch of decodeBatches(w, fail)) decoded.push(batch); // to 'done': the worker is free again
      const all = (async function* () {
        yield* decoded;
      })();
      const batches: RecordBatch[] = [];
      for await (const batch of trimBatches(all, selection)) batches.push(batch);
      return batches.length > 0 ? new Table(batches) : new Table(tableFromIPC(schema).schema);
    },
    async close() {
      await worker?.close();
    },
  };
}
