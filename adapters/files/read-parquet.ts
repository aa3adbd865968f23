/**
 * Parquet files, read with parquet-wasm through a Blob over the file (`fs.openAsBlob`): parquet-wasm
 * reads only the byte ranges it needs, one row group at a time, and each batch crosses into
 * JavaScript as Arrow IPC decoded by apache-arrow.
 */
import { openAsBlob } from 'node:fs';
import { assertKnownKeys } from '../../src/options/known-keys';
import { InputError } from '../../src/errors';
import { RecordBatch, Table, tableFromIPC } from 'apache-arrow';
import { checkReadable, fileError, reasonOf } from './file-errors';
import { parquetWasm } from './parquet-wasm';
import { checkUniqueColumns } from './unique-columns';
import { selectRows, trimBatches, type RowSelection } from './parquet-rows';

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
  const { ParquetFile } = parquetWasm();
  let stream: ReadableStream<{ intoIPCStream(): Uint8Array }>;
  let selection: RowSelection;
  let names: string[];
  try {
    const file = await ParquetFile.fromFile(await openAsBlob(path));
    names = tableFromIPC(file.schema().intoIPCStream()).schema.fields.map((f) => f.name);
    const rowCounts = file.metadata().rowGroups().map((group) => group.numRows());
    selection = selectRows(rowCounts, options.offset, options.limit);
    stream = await file.stream({
      batchSize: options.batchSize ?? 1 << 20,
      columns: options.columns ? [...options.columns] : undefined,
      rowGroups: selection.rowGroups,
      // parquet-wasm applies limit per row group from its start: skip + take bounds every group
      limit: Number.isFinite(selection.take) ? selection.skip + selection.take : undefined,
    });
  } catch (error) {
    throw fileError(path, 'read Parquet from', reasonOf(error), FIX);
  }
  checkUniqueColumns(path, 'Parquet', names);
  if (selection.rowGroups.length === 0) return;
  yield* trimBatches(decodeBatches(path, stream), selection);
}

/** Each parquet-wasm batch, decoded from IPC by apache-arrow. */
async function* decodeBatches(path: string, stream: ReadableStream<{ intoIPCStream(): Uint8Array }>): AsyncGenerator<RecordBatch> {
  const reader = stream.getReader();
  try {
    for (;;) {
      let batch: Table;
      try {
        const next = await reader.read();
        if (next.done) return;
        batch = tableFromIPC(next.value.intoIPCStream());
      } catch (error) {
        throw fileError(path, 'read Parquet from', reasonOf(error), FIX);
      }
      yield* batch.batches;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
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
  const { ParquetFile } = parquetWasm();
  try {
    const file = await ParquetFile.fromFile(await openAsBlob(path));
    const schema = tableFromIPC(file.schema().intoIPCStream()).schema;
    const fields = options.columns ? schema.fields.filter((f) => options.columns!.includes(f.name)) : schema.fields;
    return new Table(schema.select(fields.map((f) => f.name)));
  } catch (error) {
    throw fileError(path, 'read Parquet from', reasonOf(error), FIX);
  }
}
