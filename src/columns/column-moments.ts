/**
 * Mean and sample variance (ddof 1) of the non-NaN values of a range, made for `zscore`, which
 * reads the whole column three times (sum, squares, output) and so is bound by the first pass.
 * That pass keeps four sums over interleaved rows (four short dependency chains instead of one
 * long compensated one) and folds them into a Kahan sum every 64 rows: each partial holds at most
 * 16 values, so the result is as accurate as a compensated sum over the column (and more than
 * numpy's pairwise sum, which pandas' `mean` uses). All values equal gives exactly that value as
 * the mean and exactly 0 as the variance (whether they are is asked by a loop of its own before
 * that pass, which stops at the first value that differs, so the sums' loop asks nothing per
 * value); fewer than 2 values give variance NaN.
 */

/**
 * What {@link columnMoments} found for the last range it read. `mean` is a double near the mean and
 * `correction` the mean of `x − mean` (the second pass's residual sum over the count): the exact
 * mean is `mean + correction` to far below one ulp of `mean`, so `(x − mean) − correction` (the
 * first subtraction exact for x near the mean) keeps digits that `x − (mean + correction)` rounds
 * off on values sharing a large offset. `correction` is 0 when the values are all equal or fewer than 2.
 */
export const moments = { count: 0, mean: NaN, correction: 0, variance: NaN };

const BLOCK = 64;

/**
 * Count, mean and sample variance (ddof 1) of the non-NaN values of `x[start..end)`, into `moments`.
 *
 * @example
 * columnMoments(Float64Array.of(1, NaN, 3), 0, 3);   // moments = { count: 2, mean: 2, correction: 0, variance: 2 }
 */
export function columnMoments(x: Float64Array, start: number, end: number): void {
  let first = start;
  while (first < end && x[first] !== x[first]) first++;
  const v0 = first < end ? x[first] : NaN;
  // Whether some value differs from the first: found by the second value on most columns, read to
  // the end only when all are equal (or a long run at the start is), so the sum's loop need not ask.
  let differ = false;
  for (let i = first + 1; i < end; i++) {
    const a = x[i];
    if (a === a && a !== v0) {
      differ = true;
      break;
    }
  }
  let count = 0, sum = 0, comp = 0;
  for (let b = first; b < end; b += BLOCK) {
    const stop = Math.min(b + BLOCK, end);
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, i = b;
    for (; i + 4 <= stop; i += 4) {
      const a = x[i], c = x[i + 1], d = x[i + 2], e = x[i + 3];
      if (a === a) { s0 += a; count++; }
      if (c === c) { s1 += c; count++; }
      if (d === d) { s2 += d; count++; }
      if (e === e) { s3 += e; count++; }
    }
    for (; i < stop; i++) {
      const a = x[i];
      if (a === a) { s0 += a; count++; }
    }
    const y = (s0 + s1) + (s2 + s3) - comp, t = sum + y;
    comp = t - sum - y; sum = t;
  }
  const mean = count === 0 ? NaN : differ ? sum / count : v0;
  let variance = NaN, correction = 0;
  if (count >= 2) {
    if (!differ) variance = 0;
    else {
      // Corrected two-pass: Σd² − (Σd)²/n with d = x − mean, two sums in two lanes each.
      let a1 = 0, a2 = 0, b1 = 0, b2 = 0, i = first;
      for (; i + 2 <= end; i += 2) {
        const d = x[i] - mean, e = x[i + 1] - mean;
        if (d === d) { a1 += d; a2 += d * d; }
        if (e === e) { b1 += e; b2 += e * e; }
      }
      if (i < end) {
        const d = x[i] - mean;
        if (d === d) { a1 += d; a2 += d * d; }
      }
      const s1 = a1 + b1, s2 = a2 + b2;
      variance = Math.max(0, (s2 - (s1 * s1) / count) / (count - 1));
      correction = s1 / count;
    }
  }
  moments.count = count;
  moments.mean = mean;
  moments.correction = correction;
  moments.variance = variance;
}
