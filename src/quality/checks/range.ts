/**
 * `range: [lo, hi]`: every value within lo…hi, both ends included; missing values are ignored.
 * One pass over a Float64Array that also observes min and max and counts the missing.
 */
import type { ValidationOutcome } from '../result';
import { numbersOf } from '../numbers';
import { allPresent, notApplicable, Offenders, type CheckFn } from '../outcome';
import { atRows, countOf, formatNumber, MAX_SAMPLE_ROWS } from '../text';

/** What one pass over a column found: offenders outside [lo, hi], missing count, observed extremes. */
export interface RangeScan {
  readonly outside: Offenders;
  readonly missing: number;
  /** Smallest and largest non-missing value; +Infinity / -Infinity when there is none. */
  readonly min: number;
  readonly max: number;
}

// What the last rangeKernel call found besides its count. Module variables, not an object or a
// typed array, because storing to them needs no type feedback: V8 optimizes the loop during its
// first long call (on-stack replacement), before the code after the loop has ever run, and a
// keyed or named store there would bail out of the optimized code on every call.
let lastMissing = 0;
let lastMin = Infinity;
let lastMax = -Infinity;

/**
 * The hot loop: counts the values outside [lo, hi] (NaN is missing, not outside) and observes the
 * missing count, min and max. Touches nothing but `x` and locals.
 */
function rangeKernel(x: Float64Array, lo: number, hi: number): number {
  const n = x.length;
  let outside = 0;
  let missing = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (!(v >= lo && v <= hi)) {
      if (v !== v) missing++;
      else outside++;
    }
  }
  lastMissing = missing;
  lastMin = min;
  lastMax = max;
  return outside;
}

/** The first `MAX_SAMPLE_ROWS` rows outside [lo, hi]; run only when there are some. */
function firstOutside(x: Float64Array, lo: number, hi: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < x.length && rows.length < MAX_SAMPLE_ROWS; i++) {
    const v = x[i];
    if (v < lo || v > hi) rows.push(i);
  }
  return rows;
}

/**
 * Scans `x` once: rows outside [lo, hi] (NaN is missing, not outside), missing count, min, max.
 * The first offending rows are looked up afterwards, only when there are any.
 *
 * @example
 * scanRange(Float64Array.of(1, NaN, 9), 0, 5).outside.rows; // [2]
 */
export function scanRange(x: Float64Array, lo: number, hi: number): RangeScan {
  const count = rangeKernel(x, lo, hi);
  const scan = { missing: lastMissing, min: lastMin, max: lastMax };
  return { ...scan, outside: Offenders.counted(count, count > 0 ? firstOutside(x, lo, hi) : []) };
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

function columnOutcome(x: Float64Array, lo: number, hi: number): ValidationOutcome {
  const n = x.length;
  const interval = formatInterval(lo, hi);
  if (n === 0) return { passes: true, message: allPresent(0, 0, 'range', ''), diagnostics: { count: 0, total: 0, lo, hi } };
  const { outside, missing, min, max } = scanRange(x, lo, hi);
  const present = n - missing;
  const diagnostics = { ...outside.diagnostics(n), missing, min: present ? min : null, max: present ? max : null, lo, hi };
  if (present === 0) return { passes: true, message: allPresent(n, missing, 'range', ''), diagnostics };
  const observed = `observed min ${formatNumber(min)}, max ${formatNumber(max)}`;
  if (outside.count > 0) {
    return { passes: false, message: `${countOf(outside.count, n)} outside ${interval}; ${atRows(outside.rows, outside.count)}; ${observed}`, diagnostics };
  }
  return { passes: true, message: `${allPresent(n, missing, 'range', `within ${interval}`)}; ${observed}`, diagnostics };
}

function scalarOutcome(v: number, lo: number, hi: number): ValidationOutcome {
  const diagnostics = { value: v, lo, hi };
  const interval = formatInterval(lo, hi);
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
export function rangeCheck(lo: number, hi: number): CheckFn {
  return (value) => {
    const numbers = numbersOf(value);
    if ('problem' in numbers) return notApplicable('range', 'numbers (a numeric column or a single number)', value, numbers.problem);
    return numbers.scalar ? scalarOutcome(numbers.values[0], lo, hi) : columnOutcome(numbers.values, lo, hi);
  };
}
