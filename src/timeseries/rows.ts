/**
 * Row access over every column shape quiver accepts as input: typed arrays, JS arrays and Arrow
 * vectors (read through their `get`/`length`, so this file needs no Arrow import).
 */
import { InputError } from '../errors';
import { isTypedArray, isVectorLike, type TypedArray, type VectorLike } from '../util/shapes';

export type { VectorLike };

/** A column of raw history: a typed array, a JS array or an Arrow `Vector`. */
export type Column = ArrayLike<unknown> | VectorLike;

export { isTypedArray, isVectorLike };

/**
 * The number of rows of a column; anything that is not a column is an `InputError` naming it.
 *
 * @example
 * columnLength(new Float64Array(3), 'temp'); // 3
 */
export function columnLength(column: unknown, name: string): number {
  if (Array.isArray(column) || isTypedArray(column) || isVectorLike(column)) return column.length;
  throw new InputError(
    `Column "${name}" is ${column === null ? 'null' : typeof column}, not a column. ` +
      'Give a typed array, a JS array or an Arrow Vector with one value per row.',
    [name],
  );
}

/**
 * Row `i` of a column.
 *
 * @example
 * cellAt(['a', 'b'], 1); // 'b'
 */
export function cellAt(column: unknown, i: number): unknown {
  return isVectorLike(column) ? column.get(i) : (column as ArrayLike<unknown>)[i];
}

/**
 * The rows `index` of a column, in that order, as a new column of the same kind: a typed array
 * stays the same typed array; a JS array or an Arrow vector becomes a JS array.
 *
 * @example
 * takeRows(new Float64Array([1, 2, 3]), Int32Array.of(2, 0)); // Float64Array [3, 1]
 */
export function takeRows<C extends Column>(column: C, index: Int32Array): C extends TypedArray ? C : unknown[];
export function takeRows(column: Column, index: Int32Array): Column {
  const n = index.length;
  if (isTypedArray(column)) {
    const out = new (column.constructor as new (n: number) => TypedArray)(n);
    const src = column as unknown as ArrayLike<number>;
    const dst = out as unknown as { [i: number]: number };
    for (let i = 0; i < n; i++) dst[i] = src[index[i]];
    return out;
  }
  const out = new Array<unknown>(n);
  if (isVectorLike(column)) for (let i = 0; i < n; i++) out[i] = column.get(index[i]);
  else for (let i = 0; i < n; i++) out[i] = (column as ArrayLike<unknown>)[index[i]];
  return out;
}

/**
 * A column as feature code reads it: typed arrays and JS arrays as they are, an Arrow vector as a
 * JS array of its values (nulls as `null`).
 *
 * @example
 * plainColumn(table.getChild('weather')); // ['drizzle', 'rain', …]
 */
export function plainColumn(column: Column): ArrayLike<unknown> {
  if (!isVectorLike(column)) return column;
  const out = new Array<unknown>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = column.get(i);
  return out;
}

/**
 * The values of a plain array of numbers, or of an int64 column within ±2^53, as numbers (pandas
 * makes both float64 once a row is added); undefined for anything else (strings, booleans,
 * mixed arrays, a bigint that a float64 would round), which keeps its values and gets null.
 * fillCalendar and asOfJoin use it for the columns they add missing rows to.
 *
 * @example
 * exactNumbers([5, 7]);                  // [5, 7]
 * exactNumbers(BigInt64Array.of(5n));    // Float64Array [5]
 * exactNumbers(['a']);                   // undefined
 */
export function exactNumbers(column: Column): ArrayLike<number> | undefined {
  if (column instanceof BigInt64Array || column instanceof BigUint64Array) {
    const out = new Float64Array(column.length);
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v > SAFE || v < -SAFE) return undefined;
      out[i] = Number(v);
    }
    return out;
  }
  if (!Array.isArray(column) || column.length === 0) return undefined;
  for (let i = 0; i < column.length; i++) if (typeof column[i] !== 'number') return undefined;
  return column as number[];
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
