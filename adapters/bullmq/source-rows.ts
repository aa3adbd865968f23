/**
 * A worker's read of its partition from the user's inputs file (src/distributed/file-source.ts):
 * for an Arrow IPC file, the record batches the job names, read by seeking through the footer;
 * for Parquet, only the row groups holding the rows (from the file's footer), by one decoder per
 * file kept between jobs (starting one — a thread and its WebAssembly module — cost about half a
 * second and 5 MB of reading per job). Then the exact rows, and the entity keys they hold, found
 * as the coordinator's index found them.
 */
import { DataType, makeData, makeVector, type Table, Utf8, type Vector } from 'apache-arrow';
import type { JobSource } from '../../src/distributed/file-source';
import { parquetRanges, type ParquetRanges } from '../files/read-parquet';
import { fileError, reasonOf } from '../files/file-errors';
import { readBatchRows } from '../files/arrow-batch-rows';

const FIX = 'The file changed since the coordinator indexed it, or it is not the same file on this machine; run again.';

async function arrowRows(source: JobSource, start: number, end: number): Promise<Table> {
  try {
    const { path, batchStarts = [], firstBatch = 0 } = source;
    return await readBatchRows(path, batchStarts, firstBatch, start, end, { footer: true });
  } catch (error) {
    throw fileError(source.path, 'read a partition\'s rows of', reasonOf(error), FIX);
  }
}

/** A Parquet file's decoder kept for the next jobs: its reads one at a time, closed when idle. */
interface KeptDecoder {
  readonly ranges: ParquetRanges;
  queue: Promise<unknown>;
  pending: number;
  timer?: NodeJS.Timeout;
}

/** Milliseconds a decoder no job reads from is kept. */
const IDLE_MS = 10_000;
const decoders = new Map<string, KeptDecoder>();

function drop(id: string, kept: KeptDecoder): Promise<void> {
  clearTimeout(kept.timer);
  if (decoders.get(id) === kept) decoders.delete(id);
  return kept.ranges.close().catch(() => undefined);
}

async function parquetRows(source: JobSource, start: number, end: number): Promise<Table> {
  // one decoder per file version: a file rewritten since is another size or time, another decoder
  const id = JSON.stringify([source.path, source.size, source.mtimeMs]);
  let kept = decoders.get(id);
  if (kept === undefined) {
    kept = { ranges: parquetRanges(source.path), queue: Promise.resolve(), pending: 0 };
    decoders.set(id, kept);
  }
  const k = kept;
  clearTimeout(k.timer);
  k.pending++;
  const read = k.queue.then(() => k.ranges.read(start, end - start)); // one read at a time per decoder
  k.queue = read.catch(() => undefined);
  try {
    return await read;
  } catch (error) {
    await drop(id, k); // a decoder that failed is not trusted with the next read
    throw error;
  } finally {
    k.pending--;
    if (k.pending === 0 && decoders.get(id) === k) {
      k.timer = setTimeout(() => void drop(id, k), IDLE_MS);
    }
  }
}

/**
 * Closes the Parquet decoders kept between jobs (a worker that stops calls it; else each closes
 * itself after 10 s unused).
 *
 * @example
 * await closeSourceReaders();
 */
export async function closeSourceReaders(): Promise<void> {
  await Promise.all([...decoders].map(([id, kept]) => drop(id, kept)));
}

/**
 * Rows `[start, end)` of the job's inputs file, reading only the batches / row groups holding them.
 *
 * @example
 * const table = await sourceRows(job.source, 1200, 2400);
 */
export async function sourceRows(source: JobSource, start: number, end: number): Promise<Table> {
  if (source.format === 'arrow') return arrowRows(source, start, end);
  return parquetRows(source, start, end);
}

/**
 * The entity keys of `table`'s runs of equal `entity` values, in order (each key once per run),
 * as `entityIndex` reads them.
 *
 * @example
 * runKeys(table, 'store'); // ['s001', 's002', …]
 */
export function runKeys(table: Table, entity: string): unknown[] {
  const column = table.getChild(entity);
  if (column === null) return [];
  const keys: unknown[] = [];
  let prev: unknown;
  for (let i = 0; i < table.numRows; i++) {
    const key: unknown = column.get(i);
    if (i > 0 && key === prev) continue;
    keys.push(key);
    prev = key;
  }
  return keys;
}

/**
 * `table`'s `entity` column as one Utf8 vector in one chunk (its bytes copied once), when it is
 * Utf8 without nulls; undefined otherwise. As a lead column it is what `tableFromColumns` makes of
 * the same strings (Utf8, not nullable, one chunk), without encoding every string again.
 *
 * @example
 * const stores = utf8Column(table, 'store'); // Vector<Utf8> | undefined
 */
export function utf8Column(table: Table, entity: string): Vector<Utf8> | undefined {
  const column = table.getChild(entity);
  if (column === null || !DataType.isUtf8(column.type) || column.nullCount > 0) return undefined;
  let bytes = 0;
  // a sliced chunk's offsets start at its first row (Arrow slices them), its bytes do not
  for (const d of column.data) bytes += d.valueOffsets[d.length] - d.valueOffsets[0];
  const offsets = new Int32Array(column.length + 1);
  const values = new Uint8Array(bytes);
  let row = 0;
  let at = 0;
  for (const d of column.data) {
    const o = d.valueOffsets;
    const base = o[0];
    const end = o[d.length];
    values.set(d.values.subarray(base, end), at);
    for (let i = 1; i <= d.length; i++) offsets[row + i] = at + o[i] - base;
    row += d.length;
    at += end - base;
  }
  const length = column.length;
  return makeVector(makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets: offsets, data: values }));
}

/**
 * `runKeys` of a one-chunk Utf8 column (`utf8Column`): runs found by comparing bytes, only each
 * run's first key decoded.
 *
 * @example
 * utf8RunKeys(utf8Column(table, 'store')!); // ['s001', 's002', …]
 */
export function utf8RunKeys(column: Vector<Utf8>): unknown[] {
  const d = column.data[0];
  const o = d.valueOffsets;
  const v = d.values;
  const keys: unknown[] = [];
  let prev = -1;
  for (let i = 0; i < d.length; i++) {
    if (prev >= 0) {
      const len = o[i + 1] - o[i];
      let same = len === o[prev + 1] - o[prev];
      for (let k = 0; same && k < len; k++) same = v[o[i] + k] === v[o[prev] + k];
      if (same) continue;
    }
    keys.push(column.get(i));
    prev = i;
  }
  return keys;
}
