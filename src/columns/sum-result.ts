/**
 * The result of a running (rolling or expanding) sum or mean, as pandas' `calc_sum` / `calc_mean`
 * give it: one rule shared by the row windows, the offset windows and the expanding kernels.
 */

/** Mode flags passed to the segments. */
export const SUM = 0;
export const MEAN = 1;

/**
 * pandas' `calc_sum` / `calc_mean` for a window holding `nobs` non-NaN values summing to `sum`, of
 * which `negatives` are negative and the last `same` equal `prev`: NaN below `minPeriods`; an
 * empty window sums to 0 (when `minPeriods` is 0); equal values give exactly `prev` (mean) or
 * `prev × nobs` (sum); a mean of only non-negative (non-positive) values is clamped at 0.
 *
 * @example
 * sumResult(2, 1, MEAN, 3, 0, 1, 2);   // 1.5
 */
export function sumResult(
  nobs: number, minPeriods: number, mode: number, sum: number, negatives: number, same: number, prev: number,
): number {
  if (nobs < minPeriods) return NaN;
  if (nobs === 0) return mode === MEAN ? NaN : 0;
  if (same >= nobs) return mode === MEAN ? prev : prev * nobs;
  if (mode !== MEAN) return sum;
  const r = sum / nobs;
  if (negatives === 0 && r < 0) return 0;
  if (negatives === nobs && r > 0) return 0;
  return r;
}
