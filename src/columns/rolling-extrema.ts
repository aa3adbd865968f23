/**
 * Rolling minimum and maximum in O(n) amortized with a monotonic deque: each row enters the deque
 * once and leaves it once. The deque is a ring over two module-level buffers, grown on demand
 * and reused across calls, so a call allocates nothing but its output. A minimum is the maximum
 * of the negated values (negation is exact), so one segment serves both.
 */
import { perGroup } from './per-group';
import { minPeriodsArg, type Column, type WindowOptions, OPTION_KEYS } from './options';
import { offsetRolling, rowWindowArg } from './rolling-offset';
import type { Offset } from './offset';
// Bound once: a loop reading the global `Math` per row runs ~100x slower inside jest's vm sandbox.
const { min } = Math;

export const MAX = 1;
export const MIN = -1;

let dequeRows = new Int32Array(64);
let dequeValues = new Float64Array(64);

/**
 * Rolling extremum over `x[start..end)`: `sign` MAX or MIN. NaN values are skipped and do not
 * count; NaN below `minPeriods` non-NaN values (and for an empty window). The deque is `rows` /
 * `values`, `mask + 1` long (a power of 2 above the window). Nothing typed runs before the loop or
 * only on rare rows (issue 16, cold16): a long first call gets the loop optimized from the feedback
 * of the rows run so far, and an operation without any deoptimized it for the rest of the process.
 */
function extremaRows(
  x: Float64Array, out: Float64Array, start: number, end: number, window: number, minPeriods: number, sign: number,
  rows: Int32Array, values: Float64Array, mask: number,
): void {
  let head = 0, tail = 0, nobs = 0;
  // rows counted from a literal 0: 15.4–15.8 ms per 1M rows in every fresh process, where the loop
  // from `start` ran at 16.0–16.5 (and the old one, sizing its deque before the loop, 15 or 18)
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    if (k >= window) {
      const j = i - window, u = x[j];
      if (u - u === 0) nobs--; // finite: NaN and ±Infinity are missing, as in pandas' rolling
      if (head !== tail && rows[head & mask] === j) head++;
    }
    const v = x[i];
    if (v - v === 0) {
      nobs++;
      const s = sign * v;
      while (tail !== head && values[(tail - 1) & mask] <= s) tail--;
      rows[tail & mask] = i;
      values[tail & mask] = s;
      tail++;
    }
    out[i] = nobs >= minPeriods && nobs > 0 ? sign * values[head & mask] : 0 / 0;
  }
}

/** The segment for `perGroup`: sizes the deque (reused across calls), then runs {@link extremaRows}. */
function extremaSegment(
  x: Float64Array, out: Float64Array, start: number, end: number,
  window: number, minPeriods: number, sign: number,
): void {
  let cap = 64;
  const need = min(window, end - start) + 1;
  while (cap < need) cap *= 2;
  if (dequeRows.length < cap) {
    dequeRows = new Int32Array(cap);
    dequeValues = new Float64Array(cap);
  }
  extremaRows(x, out, start, end, window, minPeriods, sign, dequeRows, dequeValues, cap - 1);
}

/**
 * Rolling minimum (pandas `rolling(window, min_periods).min()`): NaN skipped; NaN until the
 * window holds `minPeriods` (default `window`) non-NaN values.
 *
 * @example
 * rollingMin(new Float64Array([3, 1, NaN, 2]), 2, { minPeriods: 1 });   // [3, 1, 1, 2]
 * rollingMin(x, '28D', { time, groups });   // a time window: pandas rolling('28D', on=time), minPeriods 1
 */
export function rollingMin(x: Column, window: number | Offset, opts?: WindowOptions): Float64Array {
  if (typeof window === 'string') return offsetRolling('rollingMin', x, window, opts, 'min');
  const w = rowWindowArg('rollingMin', window, opts);
  return perGroup('rollingMin', x, opts, extremaSegment, w, minPeriodsArg('rollingMin', opts?.minPeriods, w, w), MIN, OPTION_KEYS.rolling);
}

/**
 * Rolling maximum (pandas `rolling(window, min_periods).max()`): NaN skipped; NaN until the
 * window holds `minPeriods` (default `window`) non-NaN values.
 *
 * @example
 * rollingMax(new Float64Array([3, 1, 2]), 2);   // [NaN, 3, 2]
 * rollingMax(x, '28D', { time, groups });   // a time window: pandas rolling('28D', on=time), minPeriods 1
 */
export function rollingMax(x: Column, window: number | Offset, opts?: WindowOptions): Float64Array {
  if (typeof window === 'string') return offsetRolling('rollingMax', x, window, opts, 'max');
  const w = rowWindowArg('rollingMax', window, opts);
  return perGroup('rollingMax', x, opts, extremaSegment, w, minPeriodsArg('rollingMax', opts?.minPeriods, w, w), MAX, OPTION_KEYS.rolling);
}
