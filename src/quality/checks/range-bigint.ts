/**
 * `range` on bigints, compared exactly: a BigInt64Array, a bigint, a JS array of bigints or an
 * Arrow Int64/Uint64 vector is never converted to float64 first (2^53 + 1 would become 2^53 and
 * pass `range: [0, 2^53]`). JavaScript compares a bigint with a number exactly.
 */
import type { ValidationOutcome } from '../result';
import { isArrowVector } from '../column';
import { allPresent, Offenders } from '../outcome';
import { atRows, countOf, formatNumber } from '../text';

/** Reads row i: a bigint, or `undefined` for a missing value. */
type BigintRows = { readonly length: number; readonly at: (i: number) => bigint | undefined; readonly scalar: boolean };

/**
 * The bigints in a value, or `undefined` when it holds none (it is then checked as numbers).
 *
 * @example
 * bigintsOf(BigInt64Array.of(1n))?.at(0); // 1n
 * bigintsOf(Float64Array.of(1));           // undefined
 */
export function bigintsOf(value: unknown): BigintRows | undefined {
  if (typeof value === 'bigint') return { length: 1, at: () => value, scalar: true };
  if (value instanceof BigInt64Array || value instanceof BigUint64Array) return { length: value.length, at: (i) => value[i], scalar: false };
  if (Array.isArray(value)) {
    const some = value.some((v) => typeof v === 'bigint');
    const only = value.every((v) => typeof v === 'bigint' || v === null || v === undefined);
    return some && only ? { length: value.length, at: (i) => value[i] ?? undefined, scalar: false } : undefined;
  }
  if (isArrowVector(value) && value.type.bitWidth === 64 && value.length > 0) {
    let first: unknown;
    for (let i = 0; i < value.length && first === undefined; i++) if (value.isValid(i)) first = value.get(i);
    if (typeof first !== 'bigint') return undefined;
    return { length: value.length, at: (i) => (value.isValid(i) ? (value.get(i) as bigint) : undefined), scalar: false };
  }
  return undefined;
}

/**
 * The range outcome over bigint rows, compared exactly with `lo` and `hi`.
 *
 * @example
 * bigintRangeOutcome(bigintsOf(2n ** 53n + 1n)!, 0, 2 ** 53).message; // 'value 9007199254740993 is outside [0, 9007199254740992]'
 */
export function bigintRangeOutcome(rows: BigintRows, lo: number, hi: number): ValidationOutcome {
  const interval = `[${exact(lo)}, ${exact(hi)}]`;
  const outside = new Offenders();
  let missing = 0;
  let min: bigint | undefined;
  let max: bigint | undefined;
  for (let i = 0; i < rows.length; i++) {
    const v = rows.at(i);
    if (v === undefined) {
      missing++;
      continue;
    }
    if (min === undefined || v < min) min = v;
    if (max === undefined || v > max) max = v;
    if (v < lo || v > hi) outside.add(i, v);
  }
  if (rows.scalar) {
    const v = rows.at(0)!;
    const diagnostics = { value: String(v), lo, hi };
    return outside.count === 0
      ? { passes: true, message: `value ${v} is within ${interval}`, diagnostics }
      : { passes: false, message: `value ${v} is outside ${interval}`, diagnostics };
  }
  const n = rows.length;
  const diagnostics = {
    count: outside.count, total: n, fraction: n ? outside.count / n : 0, firstRows: outside.rows, missing,
    min: min === undefined ? null : String(min), max: max === undefined ? null : String(max), lo, hi,
  };
  if (min === undefined) return { passes: true, message: allPresent(n, missing, 'range', ''), diagnostics };
  const observed = `observed min ${min}, max ${max}`;
  if (outside.count > 0) {
    return { passes: false, message: `${countOf(outside.count, n)} outside ${interval}; ${atRows(outside.rows, outside.count)}; ${observed}`, diagnostics };
  }
  return { passes: true, message: `${allPresent(n, missing, 'range', `within ${interval}`)}; ${observed}`, diagnostics };
}

/** An integer bound in full (the interval of a bigint check must not round), others as usual. */
function exact(v: number): string {
  return Number.isInteger(v) ? BigInt(v).toString() : formatNumber(v);
}
