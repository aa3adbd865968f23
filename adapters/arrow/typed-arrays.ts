/**
 * The one table that pairs JavaScript typed arrays with Arrow's fixed-width numeric types, used in
 * both directions: a feature's typed array becomes an Arrow column, an Arrow column a typed array.
 */
import { DataType, Float32, Float64, Int16, Int32, Int64, Int8, Uint16, Uint32, Uint64, Uint8 } from 'apache-arrow';

/** Every typed array a column may be made of (DataView is not one). */
export type NumericArray =
  | Float64Array | Float32Array
  | Int8Array | Int16Array | Int32Array | BigInt64Array
  | Uint8Array | Uint8ClampedArray | Uint16Array | Uint32Array | BigUint64Array;

type ArrayCtor = { new (length: number): NumericArray; readonly name: string };

interface Pairing {
  readonly ctor: ArrayCtor;
  readonly arrowType: () => DataType;
}

/** Checked in order; Uint8ClampedArray shares Uint8's Arrow type (its bytes are viewed, not copied). */
const PAIRINGS: readonly Pairing[] = [
  { ctor: Float64Array, arrowType: () => new Float64() },
  { ctor: Float32Array, arrowType: () => new Float32() },
  { ctor: Int32Array, arrowType: () => new Int32() },
  { ctor: Int8Array, arrowType: () => new Int8() },
  { ctor: Int16Array, arrowType: () => new Int16() },
  { ctor: BigInt64Array, arrowType: () => new Int64() },
  { ctor: Uint8Array, arrowType: () => new Uint8() },
  { ctor: Uint8ClampedArray, arrowType: () => new Uint8() },
  { ctor: Uint16Array, arrowType: () => new Uint16() },
  { ctor: Uint32Array, arrowType: () => new Uint32() },
  { ctor: BigUint64Array, arrowType: () => new Uint64() },
];

/**
 * True for every typed array quiver can turn into an Arrow column (not DataView, not Float16Array).
 *
 * @example
 * isNumericArray(new Int32Array(2)); // true
 * isNumericArray(new DataView(new ArrayBuffer(8))); // false
 */
export function isNumericArray(x: unknown): x is NumericArray {
  return ArrayBuffer.isView(x) && !(x instanceof DataView) && arrowTypeOfArray(x as NumericArray) !== undefined;
}

/**
 * The Arrow type matching a typed array, or undefined for a view Arrow has no type for.
 *
 * @example
 * String(arrowTypeOfArray(new BigInt64Array(1))); // 'Int64'
 */
export function arrowTypeOfArray(array: NumericArray): DataType | undefined {
  for (const p of PAIRINGS) {
    if (!(array instanceof p.ctor)) continue;
    // Arrow types are immutable descriptions: one instance per type serves every column.
    let type = SHARED_TYPES.get(p);
    if (!type) SHARED_TYPES.set(p, (type = p.arrowType()));
    return type;
  }
  return undefined;
}

const SHARED_TYPES = new Map<Pairing, DataType>();
