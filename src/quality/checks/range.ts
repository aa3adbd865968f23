/**
 * `range: [lo, hi]`: every value within lo…hi, both ends included; missing values are ignored.
 * Bigints are compared exactly (range-bigint.ts), never through float64.
 * A Float64Array is profiled in one pass (missing count, min, max), shared with the node's other
 * checks; a column is read a second time only when it fails.
 */
import type { ValidationOutcome } from '../result';
import { numbersOf } from '../numbers';
import { bigintRangeOutcome, bigintsOf } from './range-bigint';
import { allPresent, notApplicable, Offenders, type CheckFn } from '../outcome';
import { firstRowsOutside, NO_SHARE, type ProfileShare } from '../profile';
import { atRows, countOf, formatNumber } from '../text';

/** What range found in a column: offenders outside [lo, hi], missing count, observed extremes. */
export interface RangeScan {
  readonly outside: Offenders;
  readonly missing: number;
  /** Smallest and largest non-missing value; +Infinity / -Infinity when there is none. */
  readonly min: number;
  readonly max: number;
}

/** Counts the non-missing values outside [lo, hi]; run only when the profile says there are some. */
function countOutside(x: Float64Array, lo: number, hi: number): number {
  const n = x.length;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v < lo || v > hi) count++;
  }
  return count;
}

/**
 * Rows outside [lo, hi] (NaN is missing, not outside), missing count, min, max. The profile's one
 * pass settles a passing column (its min and max are inside); only a failing one is read again.
 *
 * @example
 * scanRange(Float64Array.of(1, NaN, 9), 0, 5).outside.rows; // [2]
 */
export function scanRange(x: Float64Array, lo: number, hi: number, share: ProfileShare = NO_SHARE): RangeScan {
  const { missing, min, max } = share.of(x);
  if (!(min < lo || max > hi)) return { outside: new Offenders(), missing, min, max };
  const count = countOutside(x, lo, hi);
  return { outside: Offenders.counted(count, firstRowsOutside(x, lo, hi, count)), missing, min, max };
}

/**
 * "[-5, 5]".
 *
 * @example
 * formatInterval(-5, 5); // '[-5, 5]'
 */
export function formatInterval(lo: number, hi: number): string {
  return `[${formatNumber(lo)}, ${formatNumber(hi)}]`;
}

function columnOutcome(x: Float64Array, lo: number, hi: number, interval: string, share: ProfileShare): ValidationOutcome {
  const n = x.length;
  if (n === 0) return { passes: true, message: allPresent(0, 0, 'range', ''), diagnostics: { count: 0, total: 0, lo, hi } };
  const { outside, missing, min, max } = scanRange(x, lo, hi, share);
  const present = n - missing;
  const diagnostics = {
    count: outside.count, total: n, fraction: outside.count / n, firstRows: outside.rows,
    missing, min: present ? min : null, max: present ? max : null, lo, hi,
  };
  if (present === 0) return { passes: true, message: allPresent(n, missing, 'range', ''), diagnostics };
  const observed = `observed min ${formatNumber(min)}, max ${formatNumber(max)}`;
  if (outside.count > 0) {
    return { passes: false, message: `${countOf(outside.count, n)} outside ${interval}; ${atRows(outside.rows, outside.count)}; ${observed}`, diagnostics };
  }
  return { passes: true, message: `${allPresent(n, missing, 'range', `within ${interval}`)}; ${observed}`, diagnostics };
}

function scalarOutcome(v: number, lo: number, hi: number, interval: string): ValidationOutcome {
  const diagnostics = { value: v, lo, hi };
  if (v !== v) return { passes: true, message: 'the value is missing (NaN); range ignores missing values', diagnostics };
  return v >= lo && v <= hi
    ? { passes: true, message: `value ${formatNumber(v)} is within ${interval}`, diagnostics }
    : { passes: false, message: `value ${formatNumber(v)} is outside ${interval}`, diagnostics };
}

/**
 * The `range` check: passes when every non-missing value is within [lo, hi] (inclusive).
 *
 * @example
 * rangeCheck(-5, 5)(Float64Array.of(1, 7.2, NaN)).message;
 * // '1 of 3 values (33.3%) outside [-5, 5]; at row 1; observed min 1, max 7.2'
 */
export function rangeCheck(lo: number, hi: number, share: ProfileShare = NO_SHARE): CheckFn {
  const interval = formatInterval(lo, hi);
  return (value) => {
    const bigints = value instanceof Float64Array ? undefined : bigintsOf(value);
    if (bigints !== undefined) return bigintRangeOutcome(bigints, lo, hi);
    const numbers = numbersOf(value);
    if ('problem' in numbers) return notApplicable('range', 'numbers (a numeric column or a single number)', value, numbers.problem);
    if (numbers.scalar) return scalarOutcome(numbers.values[0], lo, hi, interval);
    return columnOutcome(numbers.values, lo, hi, interval, numbers.values === value ? share : NO_SHARE);
  };
}
