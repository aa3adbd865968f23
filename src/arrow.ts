/**
 * The one core file where Arrow enters src/. Two things live here and nowhere else in src/:
 *
 * - the Arrow types the public API names (`Table`, `TypedTable`): type-only imports of apache-arrow,
 *   erased at compile time, so loading the core never loads the package;
 * - the duck-typed reading of Arrow objects the core does itself (tables, vectors, data types and
 *   the Int32/Int64 chunks of Date/Timestamp vectors). It reads shapes, never `instanceof`, so an
 *   object made by a second copy of apache-arrow passes too.
 *
 * Everything that builds or decodes Arrow (results, files, the cache's IPC codec) is in adapters/
 * and reaches the core only through src/ports.ts, connected by the package entry (src/io.ts).
 */
import { InputError } from './errors';
import { int64Millis, MILLISECOND, DAY } from './util/epoch';
import { isVectorLike } from './util/shapes';

export type { Table } from 'apache-arrow';
export type { ArrowTypeOf, TypedTable } from '../adapters/arrow/typed-table';

/** apache-arrow's `Type` enum values that the core recognises. */
export const ArrowTypeId = {
  Dictionary: -1, Null: 1, Int: 2, Float: 3, Utf8: 5, Bool: 6, Decimal: 7, Date: 8, Timestamp: 10,
  LargeUtf8: 20, Utf8View: 24,
} as const;

/** The part of an Arrow `DataType` the core reads. */
export interface ArrowTypeLike {
  readonly typeId: number;
  readonly bitWidth?: number;
  readonly isSigned?: boolean;
  readonly precision?: number;
  readonly dictionary?: ArrowTypeLike;
  toString(): string;
}

/** The part of an Arrow `Vector` the checks read. */
export interface ArrowVectorLike {
  readonly length: number;
  readonly nullCount: number;
  readonly type: ArrowTypeLike;
  get(i: number): unknown;
  isValid(i: number): boolean;
  toArray(): ArrayLike<unknown>;
}

/** The read surface of an Arrow `Table` that quiver relies on. */
export interface TableShape {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  getChild(name: string): unknown;
}

/** The part of an Arrow `Table` the checks read. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: ArrowTypeLike }[] };
  getChild(name: string): ArrowVectorLike | null;
}

/**
 * True for an Arrow `Table` by shape: numeric `numRows`, a `getChild` method and `schema.fields`.
 *
 * @example
 * isArrowTableShape(tableFromArrays({ x: new Float64Array(2) })); // true
 * isArrowTableShape({ x: new Float64Array(2) });                  // false
 */
export function isArrowTableShape(value: unknown): value is TableShape {
  if (value === null || typeof value !== 'object') return false;
  const t = value as Partial<TableShape>;
  return typeof t.numRows === 'number' && typeof t.getChild === 'function' && Array.isArray(t.schema?.fields);
}

/**
 * True for an Arrow `Vector` (duck-typed: `length`, `get`, `toArray`, `type.typeId`).
 *
 * @example
 * isArrowVector(vectorFromArray([1, 2])); // true
 */
export function isArrowVector(v: unknown): v is ArrowVectorLike {
  if (!isVectorLike(v)) return false;
  const o = v as Partial<ArrowVectorLike>;
  return typeof o.toArray === 'function' &&
    typeof o.type === 'object' && o.type !== null && typeof o.type.typeId === 'number';
}

// ---------------------------------------------------------------------------------------------
// Data types: which hold numbers, which have a plain typed-array buffer, and their quiver name.

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
  if (type.typeId === ArrowTypeId.Dictionary) {
    return type.dictionary !== undefined && isNumericArrowType(type.dictionary);
  }
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

// ---------------------------------------------------------------------------------------------
// Date/Timestamp vectors as epoch milliseconds. apache-arrow 21 stores DateDay as Int32 days,
// DateMillisecond and Timestamp as Int64 in their unit, and `toArray()` would hand back raw units
// (nulls as 0n) for timestamps, so the chunks are read here directly. Int64 values are read as two
// Int32 halves and floor-divided exactly.

/** The slice of an Arrow `Data` chunk the time reader reads. */
export interface ArrowChunk {
  readonly length: number;
  readonly offset: number;
  readonly nullCount: number;
  readonly values: unknown;
  readonly nullBitmap?: Uint8Array | null;
}

/** An Arrow `Date` or `Timestamp` vector, as far as quiver reads it. */
export interface TimeVector {
  readonly length: number;
  readonly type: { readonly typeId: number; readonly unit?: number };
  readonly data: readonly ArrowChunk[];
}

/**
 * True for anything with an Arrow vector's `type` object and `data` chunks (its type not yet checked).
 *
 * @example
 * isArrowTimeVector(table.getChild('date')); // true
 * isArrowTimeVector(Float64Array.of(0));     // false
 */
export function isArrowTimeVector(t: unknown): t is TimeVector {
  const v = t as Partial<TimeVector> | null;
  return v !== null && typeof v === 'object' && typeof v.type === 'object' && v.type !== null && Array.isArray(v.data);
}

function readChunk(
  kernel: string, chunk: ArrowChunk, typeId: number, unit: number, out: Float64Array, at: number,
): void {
  const n = chunk.length;
  const values = chunk.values;
  if (typeId === ArrowTypeId.Date && unit === DAY) {
    const days = values as Int32Array;
    for (let i = 0; i < n; i++) out[at + i] = days[i] * 86400000;
  } else if (values instanceof BigInt64Array || values instanceof BigUint64Array || values instanceof Int32Array) {
    const halves = new Int32Array(values.buffer, values.byteOffset, n * 2);
    const msUnit = typeId === ArrowTypeId.Date ? MILLISECOND : unit;
    for (let i = 0; i < n; i++) out[at + i] = int64Millis(halves[2 * i] >>> 0, halves[2 * i + 1], msUnit);
  } else {
    const what = Object.prototype.toString.call(values);
    throw new InputError(`${kernel}: cannot read this Arrow time vector's values (${what}).`);
  }
  const bitmap = chunk.nullBitmap;
  if (chunk.nullCount > 0 && bitmap && bitmap.length > 0) {
    for (let i = 0; i < n; i++) {
      const bit = chunk.offset + i;
      if (((bitmap[bit >> 3] >> (bit & 7)) & 1) === 0) out[at + i] = NaN;
    }
  }
}

/**
 * An Arrow Date/Timestamp vector as epoch milliseconds (UTC), converted by unit, nulls NaN; any other
 * vector type is refused with an `InputError` naming the kernel.
 *
 * @example
 * arrowTimeMillis('month', table.getChild('date')); // Float64Array of epoch ms
 */
export function arrowTimeMillis(kernel: string, t: TimeVector): Float64Array {
  const { typeId, unit } = t.type;
  if (typeId !== ArrowTypeId.Date && typeId !== ArrowTypeId.Timestamp) {
    throw new InputError(
      `${kernel}: t must be epoch milliseconds (a Float64Array) or an Arrow Date/Timestamp vector; ` +
        `got an Arrow vector of type ${String(t.type)}. Parse the column into dates first.`,
    );
  }
  const out = new Float64Array(t.length);
  let at = 0;
  for (const chunk of t.data) {
    readChunk(kernel, chunk, typeId, unit ?? MILLISECOND, out, at);
    at += chunk.length;
  }
  return out;
}
