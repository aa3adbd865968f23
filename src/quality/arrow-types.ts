/**
 * Arrow data types, duck-typed: which ones hold numbers, which have a plain typed-array buffer,
 * and their quiver data-type name (`float64`, `int32`, `utf8`, `timestamp`…). One dispatch table
 * keyed by apache-arrow's `Type` ids, with a fallback that names the unsupported type.
 */
import type { ArrowTypeLike } from './column';

/** apache-arrow's `Type` enum values that the checks recognise. */
export const ArrowTypeId = {
  Dictionary: -1, Null: 1, Int: 2, Float: 3, Utf8: 5, Bool: 6, Decimal: 7, Date: 8, Timestamp: 10,
  LargeUtf8: 20, Utf8View: 24,
} as const;

const FLOAT_NAMES = ['float16', 'float32', 'float64'];

const NAME_BY_TYPE_ID: Readonly<Record<number, (type: ArrowTypeLike) => string>> = {
  [ArrowTypeId.Int]: (t) => `${t.isSigned === false ? 'uint' : 'int'}${t.bitWidth ?? 32}`,
  [ArrowTypeId.Float]: (t) => FLOAT_NAMES[t.precision ?? 2] ?? String(t),
  [ArrowTypeId.Bool]: () => 'bool',
  [ArrowTypeId.Utf8]: () => 'utf8',
  [ArrowTypeId.LargeUtf8]: () => 'utf8',
  [ArrowTypeId.Utf8View]: () => 'utf8',
  [ArrowTypeId.Date]: () => 'timestamp',
  [ArrowTypeId.Timestamp]: () => 'timestamp',
  [ArrowTypeId.Null]: () => 'null',
  [ArrowTypeId.Dictionary]: (t) => (t.dictionary ? arrowTypeName(t.dictionary) : String(t)),
};

/**
 * The quiver data-type name of an Arrow type; a dictionary reads as its value type, a type
 * quiver has no name for reads as Arrow's own (e.g. `Decimal[10e+2]`), which matches no name.
 *
 * @example
 * arrowTypeName(new Int32());                    // 'int32'
 * arrowTypeName(new TimestampMillisecond());     // 'timestamp'
 */
export function arrowTypeName(type: ArrowTypeLike): string {
  const name = NAME_BY_TYPE_ID[type.typeId];
  return name ? name(type) : String(type);
}

/**
 * True when `get(i)` on a vector of this type returns a number or bigint (ints, floats, dates,
 * timestamps, dictionaries of those).
 *
 * @example
 * isNumericArrowType(new Utf8()); // false
 */
export function isNumericArrowType(type: ArrowTypeLike): boolean {
  if (type.typeId === ArrowTypeId.Dictionary) return type.dictionary !== undefined && isNumericArrowType(type.dictionary);
  const id = type.typeId;
  return id === ArrowTypeId.Int || id === ArrowTypeId.Float || id === ArrowTypeId.Date || id === ArrowTypeId.Timestamp;
}

/**
 * True when `toArray()` on a vector of this type is a typed array of the values themselves:
 * ints up to 32 bits, float32 and float64 (not int64's bigints, float16's raw bits or timestamps).
 *
 * @example
 * hasPlainBuffer(new Float64()); // true
 */
export function hasPlainBuffer(type: ArrowTypeLike): boolean {
  return (type.typeId === ArrowTypeId.Int && (type.bitWidth ?? 64) <= 32) ||
    (type.typeId === ArrowTypeId.Float && (type.precision ?? 0) >= 1);
}
