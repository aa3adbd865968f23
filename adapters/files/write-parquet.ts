/**
 * Writes a table as Parquet with parquet-wasm, streaming: each Arrow record batch crosses into
 * WebAssembly on its own (as IPC) and parquet-wasm writes row groups as they fill, so WebAssembly
 * memory holds about one batch, not the table.
 */
import { type RecordBatch, type Schema, Table, Type, tableToIPC } from 'apache-arrow';
import { checkSameSchema, nullableSchema, withSchema } from '../arrow/join-batches';
import { ownTable } from '../arrow/own-table';
import { InputError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import { atomicWrite } from './atomic-write';
import { boundedBatches } from './write-arrow';
import { BufferedWriter } from './buffered-writer';
import { parquetWasm } from './parquet-wasm';

export interface WriteParquetOptions {
  /** Compression codec (default `'snappy'`). */
  readonly compression?: 'uncompressed' | 'snappy' | 'gzip' | 'brotli' | 'zstd' | 'lz4_raw';
  /** Rows per row group (parquet-wasm's default is 1,048,576). */
  readonly rowGroupSize?: number;
  /**
   * Dictionary-encode float columns too (default false: slower to write, and larger for
   * continuous values; smaller when a float column repeats few distinct values).
   */
  readonly floatDictionary?: boolean;
}

const WASM_BATCH_BYTES = 64 * 2 ** 20;

const CODECS = { uncompressed: 0, snappy: 1, gzip: 2, brotli: 3, zstd: 5, lz4_raw: 6 } as const;

/**
 * Writes `table` to `path` as Parquet (snappy, column-chunk statistics, dictionary encoding except
 * for float columns). The file appears only once complete.
 *
 * @example
 * await writeParquet(features, 'features.parquet', { compression: 'zstd' });
 */
export function writeParquet(table: Table, path: string, options: WriteParquetOptions = {}): Promise<void> {
  return writeParquetOf([table], path, options, (schema) => schema);
}

function propertiesFor(schema: Schema, options: WriteParquetOptions) {
  const pw = parquetWasm();
  let builder = new pw.WriterPropertiesBuilder()
    .setCompression(CODECS[options.compression ?? 'snappy'])
    .setStatisticsEnabled(pw.EnabledStatistics.Chunk);
  // Dictionary encoding made writing 53 float columns × 100k rows 3× slower here (1.7 s vs 0.5 s)
  // and, for continuous values, the file larger (51 vs 41 MB); it stays on for other types.
  if (!options.floatDictionary) {
    for (const field of schema.fields) {
      if (field.type.typeId === Type.Float) builder = builder.setColumnDictionaryEnabled(field.name, false);
    }
  }
  if (options.rowGroupSize) builder = builder.setMaxRowGroupSize(options.rowGroupSize);
  return builder.build();
}

/**
 * Writes `tables` (the parts of one result, one schema) to `path` as one Parquet file, asking for
 * the next part only when parquet-wasm wants more rows: one part is held at a time, and row groups
 * are cut at `rowGroupSize` across the parts exactly as `writeParquet` cuts the joined table.
 * Every column is declared nullable (optional), as later parts may hold nulls, unless
 * `keepSchema`: the parts' schema is the whole result's already and is written as it is. A part
 * whose columns differ from the first's is an `InputError` naming it, and no file appears.
 *
 * @example
 * await writeParquetParts(partitionTables(), 'frame.parquet');
 */
export function writeParquetParts(
  tables: AsyncIterable<Table> | Iterable<Table>, path: string, options: WriteParquetOptions = {},
  onWritten?: (table: Table) => void, keepSchema = false,
): Promise<void> {
  return writeParquetOf(tables, path, options, keepSchema ? (s) => s : nullableSchema, onWritten);
}

/** Parts into one Parquet file; `schemaOf` gives the file's schema from the first part's. */
async function writeParquetOf(
  tables: AsyncIterable<Table> | Iterable<Table>, path: string, options: WriteParquetOptions,
  schemaOf: (s: Schema) => Schema, onWritten?: (table: Table) => void,
): Promise<void> {
  assertKnownKeys(options, ['compression', 'rowGroupSize', 'floatDictionary'], 'writeParquet', InputError);
  const pw = parquetWasm();
  const parts = (Symbol.asyncIterator in tables ? tables[Symbol.asyncIterator]() : tables[Symbol.iterator]()) as
    AsyncIterator<Table> | Iterator<Table>;
  // parts before the first row (empty ones) are read here: an empty result is written whole
  // the first part's schema, not the part: a part is let go once it crossed into WebAssembly
  let first: Schema | undefined;
  let index = 0;
  let pending: RecordBatch[] = [];
  // the part whose batches are crossing into WebAssembly (as IPC copies): done with once they all have
  let current: Table | undefined;
  const nextBatches = async (): Promise<boolean> => {
    if (current !== undefined) onWritten?.(current);
    current = undefined;
    const next = await parts.next();
    if (next.done) return false;
    current = next.value;
    // a table of another apache-arrow copy (an ES-module import) would reach parquet-wasm as broken IPC
    const own = ownTable(next.value);
    if (first === undefined) first = own.schema;
    else checkSameSchema(first, own.schema, index);
    index++;
    // ~64 MiB at a time crosses into WebAssembly (as IPC, a copy)
    pending = boundedBatches(own, WASM_BATCH_BYTES).filter((b) => b.numRows > 0);
    return true;
  };
  while (pending.length === 0 && (await nextBatches()));
  const schema = schemaOf(first ?? new Table().schema);
  const properties = propertiesFor(schema, options);
  if (pending.length === 0) {
    const bytes = pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(new Table(schema), 'stream')), properties);
    return atomicWrite(path, 'Parquet', (file) => file.writeFile(bytes));
  }
  let failure: unknown;
  const source = new ReadableStream({
    async pull(controller) {
      try {
        while (pending.length === 0) {
          if (!(await nextBatches())) return controller.close();
        }
        const batch = withSchema(pending.shift() as RecordBatch, schema);
        const wasmTable = pw.Table.fromIPCStream(tableToIPC(new Table(schema, batch), 'stream'));
        for (const batch of wasmTable.recordBatches()) controller.enqueue(batch);
        wasmTable.free();
      } catch (error) {
        failure = error;
        controller.error(error);
      }
    },
  });
  try {
    await atomicWrite(path, 'Parquet', async (file) => {
      const bytes = await pw.transformParquetStream(source, properties);
      const out = new BufferedWriter(file);
      for await (const chunk of bytes as unknown as AsyncIterable<Uint8Array>) await out.write(chunk);
      // parquet-wasm ends the file as if the rows had ended when the source fails: no file then
      if (failure !== undefined) throw failure;
      await out.flush();
    });
  } catch (error) {
    // a part that failed to come (a feature that threw) is the error, not the write it ended
    throw failure ?? error;
  }
}
