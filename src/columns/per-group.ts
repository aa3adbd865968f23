/**
 * The one per-entity driver loop every neighbour-reading kernel shares. A kernel is a `Segment`:
 * a plain function that computes rows `start` … `end − 1` of `out` from the same rows of `x`, with
 * up to three numeric parameters (window, minPeriods, a mode flag …). The driver checks the
 * arguments once and calls the segment once per entity (or once for the whole column).
 */
import { checkGroups } from './groups';
import { column, kernelOptions, OPTION_KEYS, output, type KernelOptions } from './options';

/** Fills `out[start..end)` from `x[start..end)`; must not look outside that range. */
export type Segment = (
  x: Float64Array,
  out: Float64Array,
  start: number,
  end: number,
  p: number,
  q: number,
  r: number,
) => void;

/**
 * Runs `segment` over each group of `opts.groups` (or over all of `x`) and returns the output.
 * `kernel` names the caller in error messages; `known` lists the option keys it takes.
 *
 * @example
 * perGroup('cumsum', x, { groups }, cumsumSegment);   // runs cumsumSegment once per entity
 */
export function perGroup(
  kernel: string,
  x: ArrayLike<number>,
  opts: KernelOptions | undefined,
  segment: Segment,
  p = 0,
  q = 0,
  r = 0,
  known: readonly string[] = OPTION_KEYS.kernel,
): Float64Array {
  kernelOptions(kernel, opts, known);
  const xs = column(kernel, 'x', x);
  const n = xs.length;
  const out = output(kernel, n, opts?.out, xs);
  const groups = opts?.groups;
  if (groups === undefined) {
    segment(xs, out, 0, n, p, q, r);
    return out;
  }
  checkGroups(kernel, groups, n);
  const { starts, count } = groups;
  for (let g = 0; g < count; g++) {
    segment(xs, out, starts[g], g + 1 < count ? starts[g + 1] : n, p, q, r);
  }
  return out;
}
