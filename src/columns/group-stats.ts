/**
 * Summary statistics of one entity's non-NaN values, shared by the per-entity aggregates and
 * `zscore`. Results land in the module-level `stats` record (no allocation per group).
 */

/** What {@link summarize} found for the last range it read. */
export const stats = { count: 0, sum: 0, mean: NaN, variance: NaN, min: NaN, max: NaN };

/**
 * Count, Kahan sum, mean, min and max of the non-NaN values of `x[start..end)`, and when
 * `withVariance` the sample variance (ddof 1) by the corrected two-pass formula; it is exactly 0
 * when all the values are equal and NaN below 2 values or with an infinity among them.
 *
 * @example
 * summarize(x, 0, x.length, true); stats.variance;   // sample variance of x
 */
export function summarize(x: Float64Array, start: number, end: number, withVariance: boolean): void {
  let count = 0, sum = 0, comp = 0, min = Infinity, max = -Infinity;
  for (let i = start; i < end; i++) {
    const v = x[i];
    if (v !== v) continue;
    count++;
    const y = v - comp, t = sum + y;
    comp = t - sum - y; sum = t;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (sum - sum !== 0) {
    // An infinity (or an overflow) makes the compensation NaN: the plain sum is pandas' answer,
    // ±Infinity, or NaN when both infinities are there. The variance is then NaN, as in pandas.
    sum = 0;
    for (let i = start; i < end; i++) if (x[i] === x[i]) sum += x[i];
  }
  const mean = count > 0 ? (min === max ? min : sum / count) : NaN;
  let variance = NaN;
  if (withVariance && count >= 2 && sum - sum === 0) {
    if (min === max) variance = 0;
    else {
      let s1 = 0, s2 = 0;
      for (let i = start; i < end; i++) {
        const d = x[i] - mean;
        if (d === d) { s1 += d; s2 += d * d; }
      }
      variance = Math.max(0, (s2 - (s1 * s1) / count) / (count - 1));
    }
  }
  stats.count = count;
  stats.sum = sum;
  stats.mean = mean;
  stats.variance = variance;
  stats.min = count > 0 ? min : NaN;
  stats.max = count > 0 ? max : NaN;
}
