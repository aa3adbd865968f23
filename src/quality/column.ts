/**
 * What kind of value a check was given: a column (typed array, Arrow Vector, JS array), a table
 * (Arrow Table or a record of columns) or a single value. Arrow objects are read by shape in
 * src/arrow.ts; the names are re-exported here for the checks.
 */
import { formatCount, formatValue, plural } from './text';
import { isTypedArray, type TypedArray } from '../util/shapes';
import {
  isArrowTableShape, isArrowVector, type ArrowTableLike, type ArrowTypeLike, type ArrowVectorLike,
} from '../arrow';

export { isArrowVector, type ArrowTableLike, type ArrowTypeLike, type ArrowVectorLike };

export type { TypedArray };

/** A column as checks accept it. */
export type Column = TypedArray | ArrowVectorLike | readonly unknown[];

export { isTypedArray };

/**
 * True for an Arrow `Table` (duck-typed: `numRows`, `schema.fields`, `getChild`).
 *
 * @example
 * isArrowTable(tableFromArrays({ x: new Float64Array(2) })); // true
 */
export function isArrowTable(v: unknown): v is ArrowTableLike {
  return isArrowTableShape(v);
}

/**
 * True for a column: a typed array, an Arrow Vector or a JS array.
 *
 * @example
 * isColumn([1, 2, 3]); // true
 * isColumn(3);         // false
 */
export function isColumn(v: unknown): v is Column {
  return isTypedArray(v) || Array.isArray(v) || isArrowVector(v); // an Arrow vector: one with a type to check
}

/**
 * True for a record of columns: a plain object whose values are all columns.
 *
 * @example
 * isColumnRecord({ a: new Float64Array(2), b: ['x', 'y'] }); // true
 */
export function isColumnRecord(v: unknown): v is Readonly<Record<string, Column>> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(v).every(isColumn);
}

/**
 * True for a table: an Arrow Table or a record of columns.
 *
 * @example
 * isTable({ a: [1, 2] }); // true
 */
export function isTable(v: unknown): v is ArrowTableLike | Readonly<Record<string, Column>> {
  return isArrowTable(v) || isColumnRecord(v);
}

/**
 * A table's row count: `numRows`, or the longest column of a record (0 when it has none).
 *
 * @example
 * tableRows({ a: [1, 2, 3] }); // 3
 */
export function tableRows(t: ArrowTableLike | Readonly<Record<string, Column>>): number {
  if (isArrowTable(t)) return t.numRows;
  let rows = 0;
  for (const c of Object.values(t)) rows = Math.max(rows, c.length);
  return rows;
}

/**
 * A short description of any value for messages: "Float64Array of 1,000 values",
 * "Arrow Table with 3 columns and 10 rows", "the string "abc"".
 *
 * @example
 * describeValue(new Int32Array(3)); // 'Int32Array of 3 values'
 */
export function describeValue(v: unknown): string {
  if (isTypedArray(v)) return `${v.constructor.name} of ${formatCount(v.length)} values`;
  if (Array.isArray(v)) return `JS array of ${formatCount(v.length)} values`;
  if (isArrowVector(v)) return `Arrow Vector<${String(v.type)}> of ${formatCount(v.length)} values`;
  if (isArrowTable(v)) return `Arrow Table with ${plural(v.schema.fields.length, 'column')} and ${plural(v.numRows, 'row')}`;
  if (isColumnRecord(v)) return `record of ${plural(Object.keys(v).length, 'column')}`;
  if (v === null || v === undefined) return String(v);
  if (v instanceof Date) return `the Date ${formatValue(v)}`;
  if (typeof v === 'object') {
    const shown = formatValue(v);
    return shown.startsWith('a ') ? shown : `the object ${shown}`;
  }
  if (typeof v === 'function') return 'a function';
  return `the ${typeof v} ${formatValue(v)}`;
}

/**
 * True when a value counts as missing: NaN, null or undefined.
 *
 * @example
 * isMissing(NaN); // true
 * isMissing(0);   // false
 */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && v !== v);
}
