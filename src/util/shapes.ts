/**
 * The one place quiver decides what shape a value has, duck-typed so the core needs no import of the
 * Arrow package (an Arrow object from a second copy of that package also passes).
 *
 * The decision on plain arrays: **a JS array is a column** (`isColumn`). The time-series helpers
 * and the checks read it row by row like any other column. Only the execution request's row-count
 * comparison leaves plain arrays out, because a feature may take a list as one value; it says so
 * where it does (src/execution/request.ts).
 */

/** The Arrow-table shape test lives with the rest of the core's Arrow reading (src/arrow.ts). */
export { isArrowTableShape, type TableShape } from '../arrow';

/** Every typed array except DataView. */
export type TypedArray =
  | Float64Array | Float32Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint8ClampedArray
  | Uint16Array | Uint32Array | BigInt64Array | BigUint64Array;

/** Anything with Arrow `Vector`'s read surface: `length` and `get(i)`. */
export interface VectorLike {
  readonly length: number;
  get(index: number): unknown;
}

/**
 * True for typed arrays (not DataView).
 *
 * @example
 * isTypedArray(new Float64Array(2)); // true
 * isTypedArray(new DataView(new ArrayBuffer(8))); // false
 */
export function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/**
 * True for an Arrow-like vector: has `get(i)` and a numeric `length`, and is no JS or typed array.
 *
 * @example
 * isVectorLike(table.getChild('location')); // true
 * isVectorLike([1, 2]);                     // false
 */
export function isVectorLike(value: unknown): value is VectorLike {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !isTypedArray(value) &&
    typeof (value as VectorLike).get === 'function' && typeof (value as VectorLike).length === 'number'
  );
}

/**
 * True for a column: a typed array, a JS array or an Arrow-like vector.
 *
 * @example
 * isColumn([1, 2, 3]); // true
 * isColumn(3);         // false
 */
export function isColumn(value: unknown): value is ArrayLike<unknown> | VectorLike {
  return Array.isArray(value) || isTypedArray(value) || isVectorLike(value);
}

/**
 * True for the `Groups` shape quiver hands to features (`starts` as an Int32Array and a `count`).
 *
 * @example
 * isGroupsShape(groupsOf(['a', 'a', 'b'])); // true
 * isGroupsShape(Int32Array.of(0, 2));       // false
 */
export function isGroupsShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { starts?: unknown; count?: unknown };
  return v.starts instanceof Int32Array && typeof v.count === 'number';
}
