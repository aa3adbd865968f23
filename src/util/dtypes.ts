/**
 * The one table pairing JavaScript typed arrays with element-type names (`float64`, `int32`, …):
 * the `dataType` check reads it, the lineage schema facet reads it, and the Arrow adapter derives
 * its typed-array ↔ Arrow-type pairing from it. Uint8ClampedArray is `uint8` (same bytes).
 */

/** The element-type name of a typed array. */
export type NumericDtype =
  | 'float64' | 'float32' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

/** A typed-array constructor with its element-type name. */
export interface TypedArrayDtype {
  readonly ctor: { new (length: number): ArrayBufferView & ArrayLike<number | bigint>; readonly name: string };
  readonly dtype: NumericDtype;
}

/** Most common first: lookups walk it in order. */
export const TYPED_ARRAY_DTYPES: readonly TypedArrayDtype[] = Object.freeze([
  { ctor: Float64Array, dtype: 'float64' },
  { ctor: Float32Array, dtype: 'float32' },
  { ctor: Int32Array, dtype: 'int32' },
  { ctor: Int8Array, dtype: 'int8' },
  { ctor: Int16Array, dtype: 'int16' },
  { ctor: BigInt64Array, dtype: 'int64' },
  { ctor: Uint8Array, dtype: 'uint8' },
  { ctor: Uint8ClampedArray, dtype: 'uint8' },
  { ctor: Uint16Array, dtype: 'uint16' },
  { ctor: Uint32Array, dtype: 'uint32' },
  { ctor: BigUint64Array, dtype: 'uint64' },
] as const);

const BY_NAME: ReadonlyMap<string, NumericDtype> = new Map(TYPED_ARRAY_DTYPES.map((e) => [e.ctor.name, e.dtype]));

/**
 * The element-type name of a typed-array constructor (or its name), or undefined for one quiver
 * has no name for (Float16Array, DataView, anything else).
 *
 * @example
 * dtypeOfConstructor(Int16Array);       // 'int16'
 * dtypeOfConstructor('BigUint64Array'); // 'uint64'
 */
export function dtypeOfConstructor(ctor: Function | string): NumericDtype | undefined {
  return BY_NAME.get(typeof ctor === 'string' ? ctor : ctor.name);
}
