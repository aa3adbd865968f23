/**
 * Standardization over the whole column or each entity.
 */
import { perGroup } from './per-group';
import { columnMoments, moments } from './column-moments';
import type { Column, KernelOptions } from './options';

/** `(x − mean) / std` over `x[start..end)`; NaN everywhere when std is NaN or 0. */
function zscoreSegment(x: Float64Array, out: Float64Array, start: number, end: number): void {
  columnMoments(x, start, end);
  const mean = moments.mean;
  const correction = moments.correction;
  const std = Math.sqrt(moments.variance);
  if (!(std > 0)) {
    out.fill(NaN, start, end);
    return;
  }
  for (let i = start; i < end; i++) out[i] = (x[i] - mean - correction) / std;
}

/**
 * `(x − mean) / std` with mean and std (ddof 1) of the non-NaN values of the whole column, or of
 * each entity with `opts.groups` (pandas `(x - x.mean()) / x.std()`). NaN stays NaN; when std is
 * NaN (fewer than 2 values) or 0 (all values equal) every row is NaN.
 *
 * @example
 * zscore(new Float64Array([1, 2, 3, NaN]));   // [-1, 0, 1, NaN]
 */
export function zscore(x: Column, opts?: KernelOptions): Float64Array {
  return perGroup('zscore', x, opts, zscoreSegment);
}
