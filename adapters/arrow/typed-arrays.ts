/**
 * The one table that pairs JavaScript typed arrays with Arrow's fixed-width numeric types, used in
 * both directions: a feature's typed array becomes an Arrow column, an Arrow column a typed array.
 */
import { DataType, Float32, Float64, Int16, Int32, Int64, Int8, Uint16, Uint32, Uint64, Uint8 } from 'apache-arrow';
import { TYPED_ARRAY_DTYPES, type NumericDtype } from '../../src/util/dtypes';

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

const ARROW_TYPE: Readonly<Record<NumericDtype, () => DataType>> = {
  float64: () => new Float64(), float32: () => new Float32(),
  int8: () => new Int8(), int16: () => new Int16(), int32: () => new Int32(), int64: () => new Int64(),
  uint8: () => new Uint8(), uint16: () => new Uint16(), uint32: () => new Uint32(), uint64: () => new Uint64(),
};

/** Checked in order (src/util/dtypes.ts); Uint8ClampedArray shares Uint8's Arrow type (its bytes are viewed). */
const PAIRINGS: readonly Pairing[] = TYPED_ARRAY_DTYPES.map((e) => ({
  ctor: e.ctor as ArrayCtor,
  arrowType: ARROW_TYPE[e.dtype],
}));

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
