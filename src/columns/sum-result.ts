/**
 * The running (rolling or expanding) sum or mean of the row windows, the offset windows and the
 * expanding kernels: how the sum is kept, and its result as pandas' `calc_sum` / `calc_mean` give
 * it. Each of those loops writes the update and the rule out itself (a call per row was inlined by
 * V8 in some processes only; one loop per mode stays fast after a long first call, issue 16):
 * `sumResult` is the rule's one statement, and test/columns/rolling-rules.test.ts and
 * expanding-rules.test.ts hold every loop to it, bit for bit.
 *
 * The sum is error-free: a pair (hi, lo) whose every update is Knuth's TwoSum, `s = hi + v`,
 * `z = s − hi`, `lo += (hi − (s − z)) + (v − z)`, `hi = s` (and the same with −u for a value that
 * leaves). The rounding error of each add and remove is kept exactly in `lo`, so hi + lo is the
 * window's exact sum up to the rounding of `lo` itself: after ±1e15 has come and gone, a window of
 * ~1e-3 values sums to within ~1e-16 of the exact sum (pandas 1.5's Kahan sum, whose compensation
 * breaks when large values cancel, can be off by 1e-2 there). `lo` is never folded back into `hi`
 * (a fold every 64 rows cost ~9% of the rolling loop): after a spike `lo` holds its rounding, and
 * its own rounding then walks at ~ε|lo| a row, measured 3e-14 relative on window means of ~1e-3
 * values after 200 spikes of ±1e15 / 3e14 over 1M rows (5e-15 with the fold). A window that
 * empties (minPeriods) starts again from 0, 0.
 * The loop-carried chain is one add for `hi` and one for `lo`, no longer than Kahan's.
 */

/** Mode flags passed to the segments. */
export const SUM = 0;
export const MEAN = 1;
/** MEAN for this module's own loops: the compiled CommonJS reads an exported const as `exports.MEAN` each time. */
const MEAN_MODE = 1;

/**
 * pandas' `calc_sum` / `calc_mean` for a window holding `nobs` non-NaN values summing to `sum`, of
 * which `negatives` are negative and the last `same` equal `prev`: NaN below `minPeriods`; an
 * empty window sums to 0 (when `minPeriods` is 0); equal values give exactly `prev` (mean) or
 * `prev × nobs` (sum); a mean of only non-negative (non-positive) values is clamped at 0.
 * The running sums (rolling-moments.ts, rolling-offset.ts, expanding.ts) write this rule out in their loops, for speed.
 *
 * @example
 * sumResult(2, 1, MEAN, 3, 0, 1, 2);   // 1.5
 */
export function sumResult(
  nobs: number, minPeriods: number, mode: number, sum: number, negatives: number, same: number, prev: number,
): number {
  if (nobs < minPeriods) return NaN;
  if (nobs === 0) return mode === MEAN_MODE ? NaN : 0;
  if (same >= nobs) return mode === MEAN_MODE ? prev : prev * nobs;
  if (mode !== MEAN_MODE) return sum;
  const r = sum / nobs;
  if (negatives === 0 && r < 0) return 0;
  if (negatives === nobs && r > 0) return 0;
  return r;
}
