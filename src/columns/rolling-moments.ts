/**
 * Rolling sum, mean, variance and standard deviation in O(n): running sums updated as a value
 * enters and leaves the window. The segments here also serve the expanding kernels (a window of
 * `UNBOUNDED` rows never drops a value).
 *
 * Numerics follow pandas 1.5 (`pandas/_libs/window/aggregations.pyx`): sums are Kahan-compensated;
 * a window whose non-NaN values are all equal returns exactly that value (mean), that value × count
 * (sum) and exactly 0 (var, std). Variance uses sums of deviations from an anchor value that is
 * reset to a recent value every `window` rows (and whenever the window empties), so values that
 * share a large offset (1e9 + small) keep their precision and no drift builds up over long series.
 */
import { perGroup } from './per-group';
import { minPeriodsArg, windowArg, type Column, type WindowOptions } from './options';

/** Mode flags passed to the segments. */
export const SUM = 0;
export const MEAN = 1;
export const VAR = 0;
export const STD = 1;

/**
 * Rolling Kahan sum over `x[start..end)`; `mode` SUM or MEAN. pandas' `calc_sum`/`calc_mean`:
 * NaN below `minPeriods` non-NaN values; an empty window sums to 0 when `minPeriods` is 0.
 */
export function sumSegment(
  x: Float64Array, out: Float64Array, start: number, end: number,
  window: number, minPeriods: number, mode: number,
): void {
  let nobs = 0, sum = 0, comp = 0, negatives = 0, same = 0, prev = NaN;
  for (let i = start; i < end; i++) {
    const j = i - window;
    if (j >= start) {
      const u = x[j];
      if (u === u) {
        if (--nobs === 0) {
          sum = 0; comp = 0; negatives = 0;
        } else {
          const y = -u - comp, t = sum + y;
          comp = t - sum - y; sum = t;
          if (u < 0) negatives--;
        }
      }
    }
    const v = x[i];
    if (v === v) {
      nobs++;
      const y = v - comp, t = sum + y;
      comp = t - sum - y; sum = t;
      if (v < 0) negatives++;
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    let r: number;
    if (nobs < minPeriods) r = NaN;
    else if (nobs === 0) r = mode === MEAN ? NaN : 0;
    else if (same >= nobs) r = mode === MEAN ? prev : prev * nobs;
    else if (mode === MEAN) {
      r = sum / nobs;
      if (negatives === 0 && r < 0) r = 0;
      else if (negatives === nobs && r > 0) r = 0;
    } else r = sum;
    out[i] = r;
  }
}

/**
 * Rolling sample variance (ddof 1) over `x[start..end)`; `mode` VAR or STD. NaN below
 * `minPeriods` or below 2 non-NaN values (pandas `calc_var` with ddof 1).
 */
export function varSegment(
  x: Float64Array, out: Float64Array, start: number, end: number,
  window: number, minPeriods: number, mode: number,
): void {
  let nobs = 0, s1 = 0, s2 = 0, anchor = 0, age = 0, same = 0, prev = NaN;
  for (let i = start; i < end; i++) {
    const j = i - window;
    if (j >= start) {
      const u = x[j];
      if (u === u) {
        nobs--;
        const d = u - anchor;
        s1 -= d; s2 -= d * d;
      }
    }
    const v = x[i];
    if (v === v) {
      if (nobs === 0) {
        anchor = v; s1 = 0; s2 = 0; age = 0;
      } else if (age >= window) {
        // Re-anchor on the newest value and recompute the sums of the values still in the window.
        anchor = v; s1 = 0; s2 = 0; age = 0;
        for (let k = j >= start ? j + 1 : start; k < i; k++) {
          const d = x[k] - anchor;
          if (d === d) { s1 += d; s2 += d * d; }
        }
      }
      const d = v - anchor;
      s1 += d; s2 += d * d;
      nobs++; age++;
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    let r: number;
    if (nobs < minPeriods || nobs < 2) r = NaN;
    else if (same >= nobs) r = 0;
    else {
      r = (s2 - (s1 * s1) / nobs) / (nobs - 1);
      if (r < 0) r = 0;
    }
    out[i] = mode === STD ? Math.sqrt(r) : r;
  }
}

/**
 * Rolling mean over the last `window` rows (pandas `x.rolling(window, min_periods).mean()`).
 * NaN values are skipped and do not count; the result is NaN until the window holds
 * `minPeriods` (default `window`) non-NaN values. With `opts.groups`, each entity's windows
 * start afresh.
 *
 * @example
 * rollingMean(new Float64Array([1, 2, NaN, 4]), 2, { minPeriods: 1 });   // [1, 1.5, 2, 4]
 */
export function rollingMean(x: Column, window: number, opts?: WindowOptions): Float64Array {
  const w = windowArg('rollingMean', window);
  return perGroup('rollingMean', x, opts, sumSegment, w, minPeriodsArg('rollingMean', opts?.minPeriods, w, w), MEAN);
}

/**
 * Rolling sum (pandas `rolling(window, min_periods).sum()`): NaN skipped; NaN until `minPeriods`
 * (default `window`) non-NaN values; with `minPeriods: 0` an all-NaN window sums to 0.
 *
 * @example
 * rollingSum(new Float64Array([1, 2, 3]), 2);   // [NaN, 3, 5]
 */
export function rollingSum(x: Column, window: number, opts?: WindowOptions): Float64Array {
  const w = windowArg('rollingSum', window);
  return perGroup('rollingSum', x, opts, sumSegment, w, minPeriodsArg('rollingSum', opts?.minPeriods, w, w), SUM);
}

/**
 * Rolling sample variance, ddof 1 (pandas `rolling(window, min_periods).var()`): NaN skipped;
 * NaN until `minPeriods` (default `window`) non-NaN values and whenever fewer than 2; a window of
 * equal values gives exactly 0.
 *
 * @example
 * rollingVar(new Float64Array([1, 2, 4]), 2);   // [NaN, 0.5, 2]
 */
export function rollingVar(x: Column, window: number, opts?: WindowOptions): Float64Array {
  const w = windowArg('rollingVar', window);
  return perGroup('rollingVar', x, opts, varSegment, w, minPeriodsArg('rollingVar', opts?.minPeriods, w, w), VAR);
}

/**
 * Rolling sample standard deviation, ddof 1 (pandas `rolling(window, min_periods).std()`): the
 * square root of {@link rollingVar}, with the same NaN rule; equal values give exactly 0.
 *
 * @example
 * rollingStd(new Float64Array([1, 3, 3]), 2);   // [NaN, 1.4142135623730951, 0]
 */
export function rollingStd(x: Column, window: number, opts?: WindowOptions): Float64Array {
  const w = windowArg('rollingStd', window);
  return perGroup('rollingStd', x, opts, varSegment, w, minPeriodsArg('rollingStd', opts?.minPeriods, w, w), STD);
}
