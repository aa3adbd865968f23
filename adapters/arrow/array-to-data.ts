/**
 * Plain JavaScript arrays as Arrow columns: numbers → Float64, strings → Utf8, booleans → Bool,
 * bigints → Int64, Dates → Timestamp (ms). `null` and `undefined` (and invalid Dates) become Arrow
 * nulls; NaN stays a NaN value. A column holds one type: a mixed array is an `InputError`.
 */
import { Bool, Data, Float64, Int64, TimestampMillisecond, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { InputError } from '../../src/errors';
import { allValidBitmap, clearBit } from './validity';
import { describeJsType } from './column-kind';
import { assertInt64s } from './int64-range';

type ElementKind = 'number' | 'string' | 'boolean' | 'bigint' | 'date';

function elementKind(x: unknown): ElementKind | undefined {
  const t = typeof x;
  if (t === 'number' || t === 'string' || t === 'boolean' || t === 'bigint') return t as ElementKind;
  return x instanceof Date ? 'date' : undefined;
}

/** One kind for the whole array, or an `InputError` naming the column and the first odd row. */
function inferKind(name: string, values: readonly unknown[]): ElementKind {
  let kind: ElementKind | undefined;
  let firstRow = -1;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === null || x === undefined) continue;
    const k = elementKind(x);
    if (k === undefined) {
      throw new InputError(
        `Output "${name}" is an array holding a ${describeJsType(x)} at row ${i}, which a table column cannot hold. ` +
          'Return numbers, strings, booleans, bigints or Dates (or a typed array), or use dictResult() to get the values as computed.',
        [name],
      );
    }
    if (kind === undefined) {
      kind = k;
      firstRow = i;
    } else if (k !== kind) {
      throw new InputError(
        `Output "${name}" is an array mixing ${kind} (row ${firstRow}) and ${k} (row ${i}); a table column holds one type. ` +
          'Convert the values to one type, or use dictResult() to get the values as computed.',
        [name],
      );
    }
  }
  return kind ?? 'number';
}

/** Fills a typed array from the array, clearing validity bits for null/undefined rows. */
function fixedWidth<T extends Float64Array | BigInt64Array>(
  values: readonly unknown[],
  out: T,
  convert: (x: never) => T[number] | undefined,
): { data: T; nullBitmap?: Uint8Array } {
  let bitmap: Uint8Array | undefined;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const v = x === null || x === undefined ? undefined : convert(x as never);
    if (v === undefined) {
      bitmap ??= allValidBitmap(values.length);
      clearBit(bitmap, i);
    } else {
      out[i] = v;
    }
  }
  return bitmap ? { data: out, nullBitmap: bitmap } : { data: out };
}

const toNumber = (x: number): number => x;
const toBigInt = (x: bigint): bigint => x;
const toEpochMs = (x: Date): bigint | undefined => {
  const ms = x.getTime();
  return Number.isNaN(ms) ? undefined : BigInt(ms);
};

/**
 * The array's values as Arrow `Data` chunks (one chunk, except that Arrow's string and boolean
 * builders may cut very long arrays into several).
 *
 * @example
 * arrayToData('city', ['Oslo', null, 'Lima'])[0].type.toString(); // 'Utf8'
 */
export function arrayToData(name: string, values: readonly unknown[]): readonly Data[] {
  const length = values.length;
  switch (inferKind(name, values)) {
    case 'number':
      return [makeData({ type: new Float64(), length, ...fixedWidth(values, new Float64Array(length), toNumber) })];
    case 'bigint':
      assertInt64s(name, values);
      return [makeData({ type: new Int64(), length, ...fixedWidth(values, new BigInt64Array(length), toBigInt) })];
    case 'date':
      return [makeData({ type: new TimestampMillisecond(), length, ...fixedWidth(values, new BigInt64Array(length), toEpochMs) })];
    case 'string':
      return vectorFromArray(nullForUndefined(values) as (string | null)[], new Utf8()).data;
    case 'boolean':
      return vectorFromArray(nullForUndefined(values) as (boolean | null)[], new Bool()).data;
  }
}

/** Arrow's string builder writes `undefined` as an empty string; it must be a null. */
function nullForUndefined(values: readonly unknown[]): unknown[] {
  return values.map((v) => (v === undefined ? null : v));
}
