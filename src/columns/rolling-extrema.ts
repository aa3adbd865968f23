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

export const MAX = 1;
export const MIN = -1;

let dequeRows = new Int32Array(64);
let dequeValues = new Float64Array(64);

/**
 * Rolling extremum over `x[start..end)`: `sign` MAX or MIN. NaN values are skipped and do not
 * count; NaN below `minPeriods` non-NaN values (and for an empty window).
 */
function extremaSegment(
  x: Float64Array, out: Float64Array, start: number, end: number,
  window: number, minPeriods: number, sign: number,
): void {
  let cap = 64;
  const need = Math.min(window, end - start) + 1;
  while (cap < need) cap *= 2;
  if (dequeRows.length < cap) {
    dequeRows = new Int32Array(cap);
    dequeValues = new Float64Array(cap);
  }
  const rows = dequeRows, values = dequeValues, mask = cap - 1;
  let head = 0, tail = 0, nobs = 0;
  for (let i = start; i < end; i++) {
    const j = i - window;
    if (j >= start) {
      const u = x[j];
      if (u - u === 0) nobs--; // finite: NaN and ±Infinity are missing, as pandas' rolling makes them
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
    out[i] = nobs >= minPeriods && nobs > 0 ? sign * values[head & mask] : NaN;
  }
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
