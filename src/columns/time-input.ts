/**
 * Timestamps into epoch milliseconds (UTC) as a `Float64Array`. Accepts a `Float64Array` or
 * number array of epoch ms, or an Arrow `Date`/`Timestamp` vector, duck-typed (no apache-arrow
 * import): apache-arrow 21 stores DateDay as Int32 days, DateMillisecond and Timestamp as Int64 in
 * their unit, and `toArray()` would hand back raw units (nulls as 0n) for timestamps, so the chunks
 * are read here directly. Int64 values are read as two Int32 halves and floor-divided exactly.
 */
import { InputError } from '../errors';
import { column } from './options';
import { DAY, int64Millis, MILLISECOND } from '../util/epoch';

const DATE = 8, TIMESTAMP = 10; // Arrow Type ids

/** The slice of an Arrow `Data` chunk this module reads. */
interface ArrowChunk {
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

/** Epoch milliseconds as numbers, or an Arrow Date/Timestamp vector. */
export type TimeColumn = ArrayLike<number> | TimeVector;

function isTimeVector(t: unknown): t is TimeVector {
  const v = t as Partial<TimeVector> | null;
  return v !== null && typeof v === 'object' && typeof v.type === 'object' && v.type !== null && Array.isArray(v.data);
}

function readChunk(kernel: string, chunk: ArrowChunk, typeId: number, unit: number, out: Float64Array, at: number): void {
  const n = chunk.length;
  const values = chunk.values;
  if (typeId === DATE && unit === DAY) {
    const days = values as Int32Array;
    for (let i = 0; i < n; i++) out[at + i] = days[i] * 86400000;
  } else if (values instanceof BigInt64Array || values instanceof BigUint64Array || values instanceof Int32Array) {
    const halves = new Int32Array(values.buffer, values.byteOffset, n * 2);
    const msUnit = typeId === DATE ? MILLISECOND : unit;
    for (let i = 0; i < n; i++) out[at + i] = int64Millis(halves[2 * i] >>> 0, halves[2 * i + 1], msUnit);
  } else {
    throw new InputError(`${kernel}: cannot read this Arrow time vector's values (${Object.prototype.toString.call(values)}).`);
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
 * `t` as epoch milliseconds (UTC). A `Float64Array` is returned as is; other arrays are copied;
 * Arrow Date/Timestamp vectors are converted by unit, nulls to NaN.
 *
 * @example
 * epochMillis('month', arrowDateDayVector);   // Float64Array of epoch ms, nulls NaN
 */
export function epochMillis(kernel: string, t: unknown): Float64Array {
  if (!isTimeVector(t)) return column(kernel, 't', t);
  const { typeId, unit } = t.type;
  if (typeId !== DATE && typeId !== TIMESTAMP) {
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
