/**
 * One Arrow table per split, made through the result machinery (`arrowTable()`): the entity and
 * time columns first (to identify rows; they are not features), then the features, then the label.
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

/**
 * Every split's table.
 *
 * @example
 * const { train } = splitTables(source, splits.rows);
 * train.numRows; // rows of the train split
 */
export function splitTables(source: FrameSource, rows: SplitRows): Record<SplitName, ArrowTable> {
  const tables = {} as Record<SplitName, ArrowTable>;
  for (const split of SPLIT_NAMES) tables[split] = splitTable(source, rows[split]);
  return tables;
}
