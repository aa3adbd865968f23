/**
 * Running sums within an entity.
 */
import { perGroup } from './per-group';
import type { Column, KernelOptions } from './options';

/** Running sum of the non-NaN values of `x[start..end)`; a NaN row outputs NaN and adds nothing. */
function cumsumSegment(x: Float64Array, out: Float64Array, start: number, end: number): void {
  let sum = 0;
  for (let i = start; i < end; i++) {
    const v = x[i];
    if (v === v) {
      sum += v;
      out[i] = sum;
    } else {
      out[i] = NaN;
    }
  }
}

/**
 * Cumulative sum (pandas `x.cumsum()`, skipna): a NaN row stays NaN and is skipped in the running
 * sum; with `opts.groups` the sum restarts at each entity (`groupby(...).cumsum()`).
 *
 * @example
 * cumsum(new Float64Array([1, NaN, 2]));   // [1, NaN, 3]
 */
export function cumsum(x: Column, opts?: KernelOptions): Float64Array {
  return perGroup('cumsum', x, opts, cumsumSegment);
}
