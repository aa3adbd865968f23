/**
 * Raw data as the time-series helpers accept it: a record of columns, or an Arrow `Table`
 * read through the core's table port (src/ports.ts).
 */
import { ports } from '../ports';
import type { Column } from './rows';
import { isArrowTableShape, type TableShape } from '../util/shapes';

/** A record of columns, or an Arrow `Table` (its columns are read like `execute`'s inputs). */
export type RawData = Readonly<Record<string, Column>> | TableLike;

/** The read surface of an Arrow `Table` that quiver relies on (one definition, in src/arrow.ts). */
export type TableLike = TableShape;

/**
 * True for an Arrow `Table` (anything with a schema, `numRows` and `getChild`).
 *
 * @example
 * isTableLike(await readCsv('weather.csv')); // true
 */
export function isTableLike(data: unknown): data is TableLike {
  return isArrowTableShape(data);
}

/**
 * The columns of raw data as a plain record. A `Table`'s float columns arrive as `Float64Array`
 * (nulls as NaN), other numeric columns as typed arrays, the rest as Arrow vectors.
 *
 * @example
 * recordOf({ x: Float64Array.of(1, 2) }); // the same record
 */
export function recordOf(data: RawData): Record<string, Column> {
  if (isTableLike(data)) return ports().columnsOf(data) as Record<string, Column>;
  return { ...(data as Record<string, Column>) };
}
