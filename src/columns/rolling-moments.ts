/**
 * Rolling sum, mean, variance and standard deviation in O(n): running sums updated as a value
 * enters and leaves the window.
 *
 * Numerics follow pandas 1.5 (`pandas/_libs/window/aggregations.pyx`) where it is exact: running
 * sums are error-free (sum-result.ts), full windows re-add their own values; a window whose
 * non-NaN values are all equal returns exactly that value (mean), that value × count (sum) and
 * exactly 0 (var, std). Variance uses sums of deviations from an anchor value taken
 * from the window and renewed (with the window summed again, O(window)) every `window` values and
 * whenever a large value leaving the window would leave its rounding error behind; so values
 * sharing a large offset (1e9 + small) keep their precision and no drift builds up. That costs
 * about one extra pass over the data (more only for data whose outliers come and go).
 *
 * The loops follow the rules of the header of expanding.ts (issue 16, cold16): a long first call
 * gets a loop optimized from the feedback of the rows run so far, so nothing typed runs only before
 * the loop or only on rare rows. The mode is not read from another module before the loop (the sum
 * and mean have a loop each; var/std test this module's STD_MODE per row), NaN is written `0 / 0`,
 * and `prev × nobs` is computed on every row. Cold (a fresh process whose first call is 1M rows):
 * var/std 23–24 → 11.1–11.7 ms, mean/sum with minPeriods 1: 17–18 → 4.8–6.6 ms.
 */
import { perGroup, type Segment } from './per-group';
import { minPeriodsArg, type Column, type WindowOptions, OPTION_KEYS } from './options';
import { offsetRolling, rowWindowArg } from './rolling-offset';
import { MEAN, SUM } from './sum-result';
import { fullWindowSegment } from './rolling-blocks';
import { DIRECT_MAX, directWindowSegment } from './rolling-direct';
import type { Offset } from './offset';
// Bound once: a loop reading the global `Math` per row runs ~100x slower inside jest's vm sandbox.
const { max, sqrt } = Math;

export { SUM, MEAN, sumResult } from './sum-result';
export const VAR = 0;
export const STD = 1;
/** This module's own bindings of MEAN and STD, tested in the loops: an imported const is read as a property. */
const MEAN_MODE = MEAN;
const STD_MODE = STD;

/** The sum of squared deviations is recomputed when it falls below this share of its recent peak. */
const CANCELLATION = 1e-6;

/**
 * Rolling mean over `x[start..end)`, pandas' `calc_mean` rule written out (as `sumResult` in MEAN
 * mode): NaN below `minPeriods` non-NaN values and for an empty window; equal values give exactly
 * that value; a mean of only non-negative (non-positive) values is clamped at 0. The sum is an
 * error-free running sum (sum-result.ts): every add and remove keeps its rounding error, so a large
 * value that left the window leaves nothing behind (pandas' Kahan sum can keep it: docs/kernels.md).
 */
function meanRows(
  x: Float64Array, out: Float64Array, start: number, end: number, window: number, minPeriods: number,
): void {
  let nobs = 0, hi = 0, lo = 0, negatives = 0, same = 0, prev = 0 / 0;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    if (k >= window) {
      const u = x[i - window];
      if (u - u === 0) { // finite: NaN and ±Infinity are missing, as pandas' rolling makes them
        if (--nobs === 0) {
          hi = 0; lo = 0; negatives = 0;
        } else {
          const s = hi - u, z = s - hi; // TwoSum(hi, −u): lo keeps the exact rounding error
          lo += (hi - (s - z)) - (u + z); hi = s;
          if (u < 0) negatives--;
        }
      }
    }
    const v = x[i];
    if (v - v === 0) {
      nobs++;
      const s = hi + v, z = s - hi; // TwoSum(hi, v)
      lo += (hi - (s - z)) + (v - z); hi = s;
      if (v < 0) negatives++;
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    let r = 0 / 0;
    if (nobs >= minPeriods && nobs > 0) {
      if (same >= nobs) r = prev;
      else {
        r = (hi + lo) / nobs;
        if (negatives === 0 && r < 0) r = 0;
        else if (negatives === nobs && r > 0) r = 0;
      }
    }
    out[i] = r;
  }
}

/**
 * Rolling sum over `x[start..end)`, pandas' `calc_sum` rule written out (as `sumResult` in SUM
 * mode): NaN below `minPeriods` non-NaN values; an empty window sums to 0 when `minPeriods` is 0;
 * equal values give exactly `value × count`. Error-free running sum as {@link meanRows}.
 */
function sumRows(
  x: Float64Array, out: Float64Array, start: number, end: number, window: number, minPeriods: number,
): void {
  let nobs = 0, hi = 0, lo = 0, same = 0, prev = 0 / 0;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    if (k >= window) {
      const u = x[i - window];
      if (u - u === 0) { // finite: NaN and ±Infinity are missing, as pandas' rolling makes them
        if (--nobs === 0) {
          hi = 0; lo = 0;
        } else {
          const s = hi - u, z = s - hi; // TwoSum(hi, −u)
          lo += (hi - (s - z)) - (u + z); hi = s;
        }
      }
    }
    const v = x[i];
    if (v - v === 0) {
      nobs++;
      const s = hi + v, z = s - hi; // TwoSum(hi, v)
      lo += (hi - (s - z)) + (v - z); hi = s;
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    // prev × nobs on every row: computed only when a window's values are all equal (rare), it would
    // have no type feedback when a long first call gets the loop optimized (the header of expanding.ts)
    const equal = prev * nobs;
    let r = 0 / 0;
    if (nobs >= minPeriods) r = nobs === 0 ? 0 : same >= nobs ? equal : hi + lo;
    out[i] = r;
  }
}

/**
 * The running sum or mean (`mode` SUM or MEAN) over `x[start..end)`, for minPeriods < window and
 * as the full windows' fallback. One loop per mode (issue 16, cold16): the mode tested before a
 * shared loop was a read of another module's export with no type feedback when a long first call
 * got the loop optimized, and the loop then ran 2–3× slower for the rest of the process.
 */
function sumSegment(
  x: Float64Array, out: Float64Array, start: number, end: number,
  window: number, minPeriods: number, mode: number,
): void {
  if (mode === MEAN_MODE) meanRows(x, out, start, end, window, minPeriods);
  else sumRows(x, out, start, end, window, minPeriods);
}

/**
 * Rolling sample variance (ddof 1) over `x[start..end)`; `mode` VAR or STD. NaN below
 * `minPeriods` or below 2 non-NaN values (pandas `calc_var` with ddof 1).
 */
function varSegment(
  x: Float64Array, out: Float64Array, start: number, end: number,
  window: number, minPeriods: number, mode: number,
): void {
  let nobs = 0, s1 = 0, s2 = 0, peak = 0, anchor = 0, age = 0, same = 0, prev = 0 / 0;
  for (let i = start; i < end; i++) {
    const j = i - window;
    if (j >= start) {
      const u = x[j];
      if (u - u === 0) { // finite: NaN and ±Infinity are missing, as pandas' rolling makes them
        if (--nobs === 0) {
          s1 = 0; s2 = 0; peak = 0;
        } else {
          const d = u - anchor;
          s1 -= d; s2 -= d * d;
        }
      }
    }
    const v = x[i];
    if (v - v === 0) {
      if (nobs === 0) { anchor = v; age = 0; }
      const d = v - anchor;
      s1 += d; s2 += d * d;
      nobs++; age++;
      if (s2 > peak) peak = s2;
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    let ssd = s2 - (s1 * s1) / nobs;
    if (nobs >= 2 && (age >= window || ssd < CANCELLATION * peak)) {
      // Re-anchor on the newest value and sum the window again: every `window` values, so no
      // drift builds up, and whenever a large value has left and its rounding error would dominate.
      anchor = prev; s1 = 0; s2 = 0; age = 0;
      for (let k = j >= start ? j + 1 : start; k <= i; k++) {
        const e = x[k] - anchor;
        if (e - e === 0) { s1 += e; s2 += e * e; }
      }
      peak = s2;
      ssd = s2 - (s1 * s1) / nobs;
    }
    let r = 0 / 0;
    if (nobs >= minPeriods && nobs >= 2) r = same >= nobs ? 0 : max(0, ssd / (nobs - 1));
    out[i] = mode === STD_MODE ? sqrt(r) : r;
  }
}

/** Full windows (minPeriods = window, the default) take the block split: no running sum to drift. */
const fullWindowSum = fullWindowSegment(sumSegment);
/** Short full windows (2 … 8 rows) are summed directly, value by value. */
const directSum = directWindowSegment(sumSegment);

/**
 * The segment for a rolling sum or mean: for full windows a direct sum (2 … 8 rows) or the block
 * split, else the error-free running sum.
 */
function sumSegmentFor(window: number, minPeriods: number): Segment {
  if (minPeriods !== window) return sumSegment;
  return window >= 2 && window <= DIRECT_MAX ? directSum : fullWindowSum;
}

/**
 * Rolling mean over the last `window` rows (pandas `x.rolling(window, min_periods).mean()`).
 * NaN values are skipped and do not count; the result is NaN until the window holds
 * `minPeriods` (default `window`) non-NaN values. With `opts.groups`, each entity's windows
 * start afresh.
 *
 * @example
 * rollingMean(new Float64Array([1, 2, NaN, 4]), 2, { minPeriods: 1 });   // [1, 1.5, 2, 4]
 * rollingMean(x, '28D', { time, groups });   // a time window: pandas rolling('28D', on=time), minPeriods 1
 */
export function rollingMean(x: Column, window: number | Offset, opts?: WindowOptions): Float64Array {
  if (typeof window === 'string') return offsetRolling('rollingMean', x, window, opts, 'mean');
  const w = rowWindowArg('rollingMean', window, opts);
  const minPeriods = minPeriodsArg('rollingMean', opts?.minPeriods, w, w);
  return perGroup('rollingMean', x, opts, sumSegmentFor(w, minPeriods), w, minPeriods, MEAN, OPTION_KEYS.rolling);
}

/**
 * Rolling sum (pandas `rolling(window, min_periods).sum()`): NaN skipped; NaN until `minPeriods`
 * (default `window`) non-NaN values; with `minPeriods: 0` an all-NaN window sums to 0.
 *
 * @example
 * rollingSum(new Float64Array([1, 2, 3]), 2);   // [NaN, 3, 5]
 * rollingSum(x, '28D', { time, groups });   // a time window: pandas rolling('28D', on=time), minPeriods 1
 */
export function rollingSum(x: Column, window: number | Offset, opts?: WindowOptions): Float64Array {
  if (typeof window === 'string') return offsetRolling('rollingSum', x, window, opts, 'sum');
  const w = rowWindowArg('rollingSum', window, opts);
  const minPeriods = minPeriodsArg('rollingSum', opts?.minPeriods, w, w);
  return perGroup('rollingSum', x, opts, sumSegmentFor(w, minPeriods), w, minPeriods, SUM, OPTION_KEYS.rolling);
}

/**
 * Rolling sample variance, ddof 1 (pandas `rolling(window, min_periods).var()`): NaN skipped;
 * NaN until `minPeriods` (default `window`) non-NaN values and whenever fewer than 2; a window of
 * equal values gives exactly 0.
 *
 * @example
 * rollingVar(new Float64Array([1, 2, 4]), 2);   // [NaN, 0.5, 2]
 * rollingVar(x, '28D', { time, groups });   // a time window: pandas rolling('28D', on=time), minPeriods 1
 */
export function rollingVar(x: Column, window: number | Offset, opts?: WindowOptions): Float64Array {
  if (typeof window === 'string') return offsetRolling('rollingVar', x, window, opts, 'var');
  const w = rowWindowArg('rollingVar', window, opts);
  return perGroup('rollingVar', x, opts, varSegment, w, minPeriodsArg('rollingVar', opts?.minPeriods, w, w), VAR, OPTION_KEYS.rolling);
}

/**
 * Rolling sample standard deviation, ddof 1 (pandas `rolling(window, min_periods).std()`): the
 * square root of {@link rollingVar}, with the same NaN rule; equal values give exactly 0.
 *
 * @example
 * rollingStd(new Float64Array([1, 3, 3]), 2);   // [NaN, 1.4142135623730951, 0]
 * rollingStd(x, '28D', { time, groups });   // a time window: pandas rolling('28D', on=time), minPeriods 1
 */
export function rollingStd(x: Column, window: number | Offset, opts?: WindowOptions): Float64Array {
  if (typeof window === 'string') return offsetRolling('rollingStd', x, window, opts, 'std');
  const w = rowWindowArg('rollingStd', window, opts);
  return perGroup('rollingStd', x, opts, varSegment, w, minPeriodsArg('rollingStd', opts?.minPeriods, w, w), STD, OPTION_KEYS.rolling);
}
