/**
 * The Arrow type a feature's value becomes in the result table, at the type level: what makes
 * `(await dr.execute(['avg3wkSpend'])).getChild('avg3wkSpend')` a `Vector<Float64>`.
 * It follows the result builder (typed-arrays.ts, scalar-to-data.ts, array-to-data.ts).
 */
import type {
  Bool, DataType, Float32, Float64, Int16, Int32, Int64, Int8, Table,
  TimestampMillisecond, Uint16, Uint32, Uint64, Uint8, Utf8,
} from 'apache-arrow';

/** Typed array → Arrow type, by the array's `Symbol.toStringTag` (structurally they look alike). */
interface ByTag {
  Float64Array: Float64;
  Float32Array: Float32;
  Int32Array: Int32;
  Int16Array: Int16;
  Int8Array: Int8;
  BigInt64Array: Int64;
  Uint8Array: Uint8;
  Uint8ClampedArray: Uint8;
  Uint16Array: Uint16;
  Uint32Array: Uint32;
  BigUint64Array: Uint64;
}

type Scalar<V> = [V] extends [number] ? Float64
  : [V] extends [boolean] ? Bool
    : [V] extends [string] ? Utf8
      : [V] extends [Date] ? TimestampMillisecond
        : DataType;

/**
 * The Arrow type of one column made from a value of type `V`; `DataType` when it cannot be told.
 * @example
 * type T = ArrowTypeOf<Float64Array>; // Float64
 */
export type ArrowTypeOf<V> = 0 extends 1 & V
  ? DataType
  : V extends { readonly [Symbol.toStringTag]: infer K extends keyof ByTag }
    ? ByTag[K]
    : V extends readonly (infer E)[]
      ? Scalar<NonNullable<E>>
      : Scalar<V>;

/**
 * An Arrow `Table` whose columns are typed by a name → value-type map.
 * @example
 * const t: TypedTable<{ a: Float64Array }> = await dr.execute(['a'], { inputs });
 */
export type TypedTable<V> = Table<{ [K in keyof V & string]: ArrowTypeOf<V[K]> }>;
