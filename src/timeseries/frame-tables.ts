/**
 * The frame's Arrow table, made through the result machinery (`arrowTable()`): the entity and time
 * columns first (to identify rows; they are not features), then the features, then the label; one
 * table of every split's rows, each split a slice of it.
 */
import type { Table } from '../arrow';
import { ports } from '../ports';
import { takeRows, type Column } from './rows';
import { SPLIT_NAMES, type SplitName, type SplitRows } from './split';

/** An Arrow `Table`, as the result port makes it. */
export type ArrowTable = Table;

/** The columns every split table is cut from. */
export interface FrameSource {
  readonly entity: { readonly name: string; readonly column: Column };
  /** Epoch ms; the tables hold it as an Arrow Timestamp (ms). */
  readonly time: { readonly name: string; readonly column: Float64Array };
  readonly features: Readonly<Record<string, unknown>>;
  readonly label: { readonly name: string; readonly column: Float64Array };
}

function timesAsDates(time: Float64Array, rows: Int32Array): Date[] {
  const out = new Array<Date>(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = new Date(time[rows[r]]);
  return out;
}

/**
 * The table of one split: the given rows of every column, in frame column order.
 *
 * @example
 * splitTable(source, Int32Array.of(0, 1)).numRows; // 2
 */
export function splitTable(source: FrameSource, rows: Int32Array): ArrowTable {
  // An empty split keeps the types of the others: the column types are read off the history's
  // first row (an empty list of strings or Dates alone would become a Float64 column).
  if (rows.length === 0 && source.time.column.length > 0) return splitTable(source, Int32Array.of(0)).slice(0, 0);
  const names = [source.entity.name, source.time.name, ...Object.keys(source.features), source.label.name];
  const values: unknown[] = [takeRows(source.entity.column, rows), timesAsDates(source.time.column, rows)];
  for (const column of Object.values(source.features)) values.push(takeRows(column as Column, rows));
  values.push(takeRows(source.label.column, rows));
  return ports().resultTable().build(names, values);
}

/** The frame table and each split's slice of it. */
export type FrameTables = { readonly table: ArrowTable } & Record<SplitName, ArrowTable>;

/** How many rows each split has: the lengths of its index range in the frame table. */
export type SplitCounts = Readonly<Record<SplitName, number>>;

/**
 * The frame's rows in one table — train, then validation, then test — so the three splits share
 * one set of column types, and each split is an index range of it (a slice, no copy). The cache
 * stores that one table (frame-cache.ts).
 *
 * @example
 * const { table, train } = frameTables(source, splits.rows);
 * table.numRows === train.numRows + validation.numRows + test.numRows; // true
 */
export function frameTables(source: FrameSource, rows: SplitRows): FrameTables {
  const { train, validation, test } = rows;
  const all = new Int32Array(train.length + validation.length + test.length);
  all.set(train);
  all.set(validation, train.length);
  all.set(test, train.length + validation.length);
  const table = splitTable(source, all);
  return { table, ...sliceSplits(table, { train: train.length, validation: validation.length, test: test.length }) };
}

/**
 * The splits of a frame table: the first `counts.train` rows, the next `counts.validation`, the
 * next `counts.test`.
 *
 * @example
 * sliceSplits(table, { train: 8, validation: 2, test: 2 }).validation.numRows; // 2
 */
export function sliceSplits(table: ArrowTable, counts: SplitCounts): Record<SplitName, ArrowTable> {
  const split = {} as Record<SplitName, ArrowTable>;
  let from = 0;
  for (const name of SPLIT_NAMES) {
    split[name] = table.slice(from, from + counts[name]);
    from += counts[name];
  }
  return split;
}
