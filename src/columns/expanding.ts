/**
 * Expanding kernels: the rolling segments with a window that never drops a row. `minPeriods`
 * defaults to 1, as pandas `x.expanding()`. With `opts.groups` each entity starts from nothing.
 */
import { perGroup } from './per-group';
import { minPeriodsArg, UNBOUNDED, type Column, type WindowOptions } from './options';
import { MEAN, STD, SUM, VAR, sumSegment, varSegment } from './rolling-moments';
import { MAX, MIN } from './rolling-extrema';

/**
 * Running extremum of `x[start..end)`: `sign` MAX or MIN (a minimum is the maximum of the negated
 * values). NaN values are skipped; NaN until `minPeriods` non-NaN values have been seen.
 */
export function runningExtremeSegment(
  x: Float64Array, out: Float64Array, start: number, end: number, minPeriods: number, sign: number,
): void {
  let best = -Infinity, nobs = 0;
  for (let i = start; i < end; i++) {
    const v = x[i];
    if (v === v) {
      nobs++;
      const s = sign * v;
      if (s > best) best = s;
    }
    out[i] = nobs >= minPeriods && nobs > 0 ? sign * best : NaN;
  }
}

/**
 * Mean of all non-NaN values so far (pandas `expanding(min_periods).mean()`); NaN until
 * `minPeriods` (default 1) non-NaN values have been seen.
 *
 * @example
 * expandingMean(new Float64Array([1, NaN, 3]));   // [1, 1, 2]
 */
export function expandingMean(x: Column, opts?: WindowOptions): Float64Array {
  const mp = minPeriodsArg('expandingMean', opts?.minPeriods, 1);
  return perGroup('expandingMean', x, opts, sumSegment, UNBOUNDED, mp, MEAN);
}

/**
 * Sum of all non-NaN values so far (pandas `expanding(min_periods).sum()`); NaN until
 * `minPeriods` (default 1) non-NaN values; with `minPeriods: 0`, 0 before the first value.
 *
 * @example
 * expandingSum(new Float64Array([1, NaN, 3]));   // [1, 1, 4]
 */
export function expandingSum(x: Column, opts?: WindowOptions): Float64Array {
  const mp = minPeriodsArg('expandingSum', opts?.minPeriods, 1);
  return perGroup('expandingSum', x, opts, sumSegment, UNBOUNDED, mp, SUM);
}

/**
 * Sample variance (ddof 1) of all non-NaN values so far (pandas `expanding().var()`); NaN until
 * `minPeriods` (default 1) and while fewer than 2 non-NaN values have been seen.
 *
 * @example
 * expandingVar(new Float64Array([1, 2, 4]));   // [NaN, 0.5, 2.3333333333333335]
 */
export function expandingVar(x: Column, opts?: WindowOptions): Float64Array {
  const mp = minPeriodsArg('expandingVar', opts?.minPeriods, 1);
  return perGroup('expandingVar', x, opts, varSegment, UNBOUNDED, mp, VAR);
}

/**
 * Sample standard deviation (ddof 1) of all non-NaN values so far (pandas `expanding().std()`);
 * NaN rule as {@link expandingVar}.
 *
 * @example
 * expandingStd(new Float64Array([1, 3, NaN]));   // [NaN, 1.4142135623730951, 1.4142135623730951]
 */
export function expandingStd(x: Column, opts?: WindowOptions): Float64Array {
  const mp = minPeriodsArg('expandingStd', opts?.minPeriods, 1);
  return perGroup('expandingStd', x, opts, varSegment, UNBOUNDED, mp, STD);
}

/**
 * Smallest non-NaN value so far (pandas `expanding().min()`); NaN until `minPeriods` (default 1).
 *
 * @example
 * expandingMin(new Float64Array([3, NaN, 1, 2]));   // [3, 3, 1, 1]
 */
export function expandingMin(x: Column, opts?: WindowOptions): Float64Array {
  const mp = minPeriodsArg('expandingMin', opts?.minPeriods, 1);
  return perGroup('expandingMin', x, opts, runningExtremeSegment, mp, MIN);
}

/**
 * Largest non-NaN value so far (pandas `expanding().max()`); NaN until `minPeriods` (default 1).
 *
 * @example
 * expandingMax(new Float64Array([1, NaN, 3, 2]));   // [1, 1, 3, 3]
 */
export function expandingMax(x: Column, opts?: WindowOptions): Float64Array {
  const mp = minPeriodsArg('expandingMax', opts?.minPeriods, 1);
  return perGroup('expandingMax', x, opts, runningExtremeSegment, mp, MAX);
}
