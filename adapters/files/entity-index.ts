/**
 * Per-partition reading of an entity history: an index of where each entity's rows lie in an Arrow
 * IPC file (record batches) or a Parquet file (row groups), built in one pass over the entity
 * column alone (one batch in memory at a time), and a reader of rows `[start, end)` that touches
 * only the batches / row groups holding them. The index is only "sorted" when each entity's rows
 * are contiguous and the entities come in the order `entityHistory` sorts them (numbers and
 * bigints by value, strings by UTF-16 code units): only then is a partition of whole entities a
 * row range of the file. Otherwise `sorted` is false with the reason, and the caller reads whole.
 */
import type { RecordBatch, Table } from 'apache-arrow';
import { compareKeys } from '../../src/timeseries/order';
import { readArrowBatches } from './read-arrow';
import { parquetRanges, readParquet, readParquetBatches } from './read-parquet';
import { fileError, reasonOf } from './file-errors';
import { readBatchRows } from './arrow-batch-rows';

/** Where each entity's rows lie in a file. */
export interface EntityIndex {
  readonly path: string;
  readonly format: 'arrow' | 'parquet';
  readonly entity: string;
  readonly rows: number;
  /** True when every entity's rows are one run and the runs ascend by key (see the file's doc). */
  readonly sorted: boolean;
  /** Why `sorted` is false: the first row out of order. */
  readonly reason?: string;
  /** Row where each entity's run starts (file order); `count` runs. Empty when not sorted. */
  readonly starts: Int32Array;
  /** The entity key of each run. */
  readonly keys: readonly unknown[];
  /** Arrow: the first row of each record batch, then `rows` (length batches + 1). Parquet: empty. */
  readonly batchStarts: readonly number[];
}

const KINDS = new Set(['string', 'number', 'bigint', 'boolean']);

/**
 * Reads the entity column of `path` (Arrow IPC or Parquet, by `format`) once and indexes its runs.
 *
 * @example
 * const index = await entityIndex('history.parquet', 'parquet', 'store');
 * if (index.sorted) table = await readRowRange(index, 1200, 2400); // the entities of rows 1200–2399
 */
export async function entityIndex(path: string, format: 'arrow' | 'parquet', entity: string): Promise<EntityIndex> {
  const batches: AsyncIterable<RecordBatch> =
    format === 'parquet' ? readParquetBatches(path, { columns: [entity] }) : readArrowBatches(path);
  const starts: number[] = [];
  const keys: unknown[] = [];
  const batchStarts: number[] = [];
  let rows = 0;
  let reason: string | undefined;
  let prev: unknown;
  for await (const batch of batches) {
    batchStarts.push(rows);
    const column = batch.getChild(entity);
    if (column === null) {
      const fix = 'Pass the entity column with --entity.';
      throw fileError(path, 'index the entities of', `it has no column "${entity}"`, fix);
    }
    for (let i = 0; i < batch.numRows && reason === undefined; i++) {
      const key: unknown = column.get(i);
      if (rows + i > 0 && key === prev) continue;
      const usable = key !== null && KINDS.has(typeof key) && !(typeof key === 'number' && Number.isNaN(key));
      if (!usable) {
        reason = `row ${rows + i} has no usable entity key`;
      } else if (keys.length > 0 && (typeof key !== typeof prev || compareKeys(prev, key) >= 0)) {
        reason = `entity ${String(key)} on row ${rows + i} comes after ${String(prev)}`;
      } else {
        starts.push(rows + i);
        keys.push(key);
        prev = key;
      }
    }
    rows += batch.numRows;
  }
  batchStarts.push(rows);
  const sorted = reason === undefined;
  return {
    path, format, entity, rows, sorted, ...(sorted ? {} : { reason }),
    starts: Int32Array.from(sorted ? starts : []), keys: sorted ? keys : [], batchStarts,
  };
}

const FIX = 'The file changed or was damaged since it was indexed; run again (or write the file again).';

/**
 * Rows `[start, end)` of the indexed file as one table: for Parquet only the row groups holding
 * them are decoded; for an Arrow IPC file only the record batches holding them are read (by the
 * footer's offsets), then cut to the exact rows.
 *
 * @example
 * const part = await readRowRange(index, 0, 5000);
 */
export async function readRowRange(index: EntityIndex, start: number, end: number): Promise<Table> {
  if (index.format === 'parquet') return readParquet(index.path, { offset: start, limit: end - start });
  return readArrowRange(index, start, end);
}

/** Reads row ranges of one indexed file, one after another, keeping what can be kept between reads. */
export interface RowRanges {
  read(start: number, end: number): Promise<Table>;
  close(): Promise<void>;
}

/**
 * `readRowRange` for many ranges of one file: a Parquet file keeps one decoder (its worker and
 * WebAssembly module) for every read instead of starting one per range.
 *
 * @example
 * const ranges = rowRanges(index);
 * try { for (const p of parts) use(await ranges.read(p.start, p.end)); } finally { await ranges.close(); }
 */
export function rowRanges(index: EntityIndex): RowRanges {
  if (index.format !== 'parquet') {
    return { read: (start, end) => readArrowRange(index, start, end), close: async () => {} };
  }
  const ranges = parquetRanges(index.path);
  return { read: (start, end) => ranges.read(start, end - start), close: () => ranges.close() };
}

async function readArrowRange(index: EntityIndex, start: number, end: number): Promise<Table> {
  try {
    return await readBatchRows(index.path, index.batchStarts, 0, start, end);
  } catch (error) {
    throw fileError(index.path, 'read rows of', reasonOf(error), FIX);
  }
}
