/**
 * Every numeric check runs on one shape: a `Float64Array` where NaN marks a missing value. A
 * `Float64Array` passes through untouched (the fast path); other typed arrays, Arrow Vectors, JS
 * arrays and single numbers are converted once. Dates count as epoch milliseconds.
 */
import { hasPlainBuffer, isNumericArrowType } from '../arrow';
import { describeValue, isArrowVector, isTypedArray, type ArrowVectorLike } from './column';

/** Numbers to check, NaN for missing; `scalar` when the value was one number, not a column. */
export interface Numbers {
  readonly values: Float64Array;
  readonly scalar: boolean;
}

/** Why a value has no numbers to check, phrased to follow "but got ". */
export interface NotNumbers {
  readonly problem: string;
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.getTime();
  return NaN; // null / undefined: missing
}

function isNumberLike(v: unknown): boolean {
  return v === null || v === undefined || typeof v === 'number' || typeof v === 'bigint' || v instanceof Date;
}

function fromVector(v: ArrowVectorLike): Float64Array {
  const n = v.length;
  if (hasPlainBuffer(v.type)) {
    const raw = v.toArray() as Float64Array | Float32Array | Int32Array;
    if (v.nullCount === 0 && raw instanceof Float64Array) return raw;
    const out = Float64Array.from(raw);
    if (v.nullCount > 0) for (let i = 0; i < n; i++) if (!v.isValid(i)) out[i] = NaN;
    return out;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = toNumber(v.get(i));
  return out;
}

function fromArray(a: readonly unknown[]): Float64Array | NotNumbers {
  const n = a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v === 'number') out[i] = v;
    else if (isNumberLike(v)) out[i] = toNumber(v);
    else return { problem: `a JS array whose row ${i} holds ${describeValue(v)}` };
  }
  return out;
}

/**
 * The numbers in a value, as a `Float64Array` with NaN for missing (null, undefined, NaN, Arrow
 * nulls), or why there are none. A `Float64Array` is returned as it is, without a copy.
 *
 * @example
 * numbersOf([1, null, 3]);  // { values: Float64Array [1, NaN, 3], scalar: false }
 * numbersOf(7);             // { values: Float64Array [7], scalar: true }
 * numbersOf(['a']);         // { problem: 'a JS array whose row 0 holds a string ("a")' }
 */
export function numbersOf(value: unknown): Numbers | NotNumbers {
  if (value instanceof Float64Array) return { values: value, scalar: false };
  if (isTypedArray(value)) {
    if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
      const out = new Float64Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = Number(value[i]);
      return { values: out, scalar: false };
    }
    return { values: Float64Array.from(value), scalar: false };
  }
  if (Array.isArray(value)) {
    const values = fromArray(value);
    return values instanceof Float64Array ? { values, scalar: false } : values;
  }
  if (isArrowVector(value)) {
    return isNumericArrowType(value.type)
      ? { values: fromVector(value), scalar: false }
      : { problem: describeValue(value) };
  }
  if (isNumberLike(value)) return { values: Float64Array.of(toNumber(value)), scalar: true };
  return { problem: describeValue(value) };
}
