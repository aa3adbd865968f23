/**
 * Expanding kernels: windows that start at the entity's first row and never drop one, so they
 * run without the rolling kernels' removal step (and variance uses Welford's update, stable when
 * values only enter). `minPeriods` defaults to 1, as pandas `x.expanding()`. With `opts.groups`
 * each entity starts from nothing.
 *
 * How the loops are written, for V8 (benchmarks/RESULTS.md, issue 16, kern16c). A call on a long
 * column gets its loop optimized during that first call, while the function's type feedback has
 * been recorded only from the rows run since its feedback vector was allocated, a few rows in. An
 * operation without feedback then either deoptimizes the next call, after which every later call
 * runs the loop's on-stack-replacement code, 1.5-3× slower, for good (`-Infinity` or `start >>> 0`
 * before the loop, `prev × count` on an entity's first value), or becomes a generic call that keeps
 * the loop's values boxed (`NaN` read only on rows below minPeriods: ~1.7×). So nothing typed runs
 * only before the loop or only on rare rows: each row starts from `let r = 0 / 0`, and NaN and
 * -Infinity are written `0 / 0` and `-1 / 0`, constants folded by the parser (`NaN` is a read of the
 * global object: without feedback before the loop it boxed `prev`, mean 3.7 → 7.5 ms; each row under
 * jest's vm sandbox it costs ~0.3 µs, 20× the loop). The mean and sum count rows from a literal 0
 * (`i = start + k`), so the index is an untagged int32 (from the `start` parameter it stayed a tagged
 * small integer, re-tagged and checked each row: ~25% of the mean); min/max and var were not faster so.
 * Each mode has its own loop with pandas' result rule written out.
 */
import { perGroup } from './per-group';
import { minPeriodsArg, type Column, type WindowOptions, OPTION_KEYS } from './options';
import { STD, VAR } from './rolling-moments';
import { MAX, MIN } from './rolling-extrema';
// Bound once: a loop reading the global `Math` per row runs ~100x slower inside jest's vm sandbox.
const { max, sqrt } = Math;
/** STD as a binding of this module: the compiled CommonJS reads an imported const as a property each time. */
const STD_MODE = STD;

/**
 * Running mean of `x[start..end)`, the sum error-free as the rolling one (sum-result.ts): NaN until
 * `need` (≥ 1) values; equal values give exactly that value; a mean of only non-negative
 * (non-positive) values is clamped at 0. pandas' `calc_mean`, as `sumResult` in MEAN mode.
 */
function runningMeanSegment(x: Float64Array, out: Float64Array, start: number, end: number, need: number): void {
  let nobs = 0, hi = 0, lo = 0, negatives = 0, same = 0, prev = 0 / 0;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i];
    if (v - v === 0) { // finite: NaN and ±Infinity are missing, as pandas' expanding makes them
      nobs++;
      const s = hi + v, z = s - hi; // TwoSum(hi, v): lo keeps the exact rounding error
      lo += (hi - (s - z)) + (v - z); hi = s;
      if (v < 0) negatives++;
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    let r = 0 / 0;
    if (nobs >= need) {
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
 * Running sum of `x[start..end)`, error-free as {@link runningMeanSegment}: NaN below `minPeriods`;
 * 0 before the first value (when `minPeriods` is 0); equal values give exactly `value × count`.
 * pandas' `calc_sum`, as `sumResult` in SUM mode.
 */
function runningSumSegment(x: Float64Array, out: Float64Array, start: number, end: number, minPeriods: number): void {
  let nobs = 0, hi = 0, lo = 0, same = 0, prev = 0 / 0;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i];
    if (v - v === 0) { // finite: NaN and ±Infinity are missing, as pandas' expanding makes them
      nobs++;
      const s = hi + v, z = s - hi; // TwoSum(hi, v)
      lo += (hi - (s - z)) + (v - z); hi = s;
      // the run of equal values, written so as the sum runs ~15% faster (the mean does not)
      if (v !== prev) { same = 0; prev = v; }
      same++;
    }
    // prev × nobs on every row: an operation run only on an entity's first value has no type feedback
    // when a long first call gets the loop optimized, and a whole column then deoptimizes on it
    const equal = prev * nobs;
    let r = 0 / 0;
    if (nobs >= minPeriods) r = nobs === 0 ? 0 : same >= nobs ? equal : hi + lo;
    out[i] = r;
  }
}

/**
 * Running sample variance (ddof 1) of `x[start..end)` by Welford's update, which is stable when
 * values only ever enter; `mode` VAR or STD. The update runs on each value's distance from the
 * first one (variance does not change under a shift): values sharing a large offset (1e9 + k/8)
 * keep their digits, where Welford on the values themselves (pandas 1.5) loses ~1e-7 of the
 * result. NaN below `minPeriods` or 2 non-NaN values; exactly 0 while all values are equal.
 */
function runningVarSegment(
  x: Float64Array, out: Float64Array, start: number, end: number, minPeriods: number, mode: number,
): void {
  let nobs = 0, anchor = 0 / 0, mean = 0, m2 = 0, same = 0, prev = 0 / 0;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i];
    if (v - v === 0) { // finite: NaN and ±Infinity are missing, as pandas' expanding makes them
      if (nobs === 0) anchor = v;
      nobs++;
      const d = v - anchor, delta = d - mean;
      mean += delta / nobs;
      m2 += delta * (d - mean);
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    let r = 0 / 0;
    if (nobs >= minPeriods && nobs >= 2) r = same >= nobs ? 0 : max(0, m2 / (nobs - 1));
    out[i] = mode === STD_MODE ? sqrt(r) : r;
  }
}

/**
 * Running extremum of `x[start..end)`: `sign` MAX or MIN (a minimum is the maximum of the negated
 * values). NaN values are skipped; NaN until `minPeriods` non-NaN values have been seen.
 */
function runningExtremeSegment(
  x: Float64Array, out: Float64Array, start: number, end: number, minPeriods: number, sign: number,
): void {
  let best = -1 / 0, nobs = 0; // -Infinity (see the header: `-Infinity` is a negation at run time)
  for (let i = start; i < end; i++) { // from start: a literal-0 counter made this loop slower
    const v = x[i];
    if (v - v === 0) { // finite: NaN and ±Infinity are missing, as pandas' expanding makes them
      nobs++;
      const s = sign * v;
      if (s > best) best = s;
    }
    let r = 0 / 0;
    if (nobs >= minPeriods && nobs > 0) r = sign * best;
    out[i] = r;
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
  return perGroup('expandingMean', x, opts, runningMeanSegment, max(1, mp), 0, 0, OPTION_KEYS.expanding);
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
  return perGroup('expandingSum', x, opts, runningSumSegment, mp, 0, 0, OPTION_KEYS.expanding);
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
  return perGroup('expandingVar', x, opts, runningVarSegment, mp, VAR, 0, OPTION_KEYS.expanding);
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
  return perGroup('expandingStd', x, opts, runningVarSegment, mp, STD, 0, OPTION_KEYS.expanding);
}

/**
 * Smallest non-NaN value so far (pandas `expanding().min()`); NaN until `minPeriods` (default 1).
 *
 * @example
 * expandingMin(new Float64Array([3, NaN, 1, 2]));   // [3, 3, 1, 1]
 */
export function expandingMin(x: Column, opts?: WindowOptions): Float64Array {
  const mp = minPeriodsArg('expandingMin', opts?.minPeriods, 1);
  return perGroup('expandingMin', x, opts, runningExtremeSegment, mp, MIN, 0, OPTION_KEYS.expanding);
}

/**
 * Largest non-NaN value so far (pandas `expanding().max()`); NaN until `minPeriods` (default 1).
 *
 * @example
 * expandingMax(new Float64Array([1, NaN, 3, 2]));   // [1, 1, 3, 3]
 */
export function expandingMax(x: Column, opts?: WindowOptions): Float64Array {
  const mp = minPeriodsArg('expandingMax', opts?.minPeriods, 1);
  return perGroup('expandingMax', x, opts, runningExtremeSegment, mp, MAX, 0, OPTION_KEYS.expanding);
}
