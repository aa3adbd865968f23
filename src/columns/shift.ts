/**
 * Lags, leads and differences: each row looks `k` rows back (k > 0) or ahead (k < 0) within its
 * entity; a row whose partner falls outside the entity gets NaN.
 */
import { perGroup } from './per-group';
import { integer, type Column, type KernelOptions } from './options';

const DIFF = 0;
const PCT_CHANGE = 1;
/** Segments up to this many rows are shifted by a plain loop; longer ones by `fill` and `set` (memcpy). */
const SHORT = 32;

/** `out[i] = x[i − k]` inside `[start, end)`, NaN where `i − k` falls outside. */
function shiftSegment(
  x: Float64Array, out: Float64Array, start: number, end: number, k: number,
): void {
  const len = end - start;
  if (len <= SHORT) {
    // a short segment: one loop, no subarray views and builtin calls (~0.1 µs a call; memcpy wins from ~48 rows)
    const from = k >= 0 ? Math.min(start + k, end) : start;
    const to = k >= 0 ? end : Math.max(end + k, start);
    for (let i = start; i < from; i++) out[i] = NaN;
    for (let i = from; i < to; i++) out[i] = x[i - k];
    for (let i = to; i < end; i++) out[i] = NaN;
  } else if (Math.abs(k) >= len) {
    out.fill(NaN, start, end);
  } else if (k >= 0) {
    out.fill(NaN, start, start + k);
    out.set(x.subarray(start, end - k), start + k);
  } else {
    out.set(x.subarray(start - k, end), start);
    out.fill(NaN, end + k, end);
  }
}

/** `x[i] − x[i − k]` (DIFF) or `x[i] / x[i − k] − 1` (PCT_CHANGE) inside `[start, end)`. */
function diffSegment(
  x: Float64Array, out: Float64Array, start: number, end: number, k: number, mode: number,
): void {
  const from = k >= 0 ? Math.min(start + k, end) : start;
  const to = k >= 0 ? end : Math.max(end + k, start);
  out.fill(NaN, start, from);
  if (mode === PCT_CHANGE) {
    for (let i = from; i < to; i++) out[i] = x[i] / x[i - k] - 1;
  } else {
    for (let i = from; i < to; i++) out[i] = x[i] - x[i - k];
  }
  out.fill(NaN, to, end);
}

/**
 * The value `k` rows earlier in the same entity (pandas `x.shift(k)`, or `groupby(...).shift(k)`
 * with `opts.groups`): positive `k` looks back (a lag feature), negative `k` looks ahead (a
 * label); NaN where the row falls outside the entity. `k = 0` copies.
 *
 * @example
 * shift(new Float64Array([1, 2, 3]), 1);    // [NaN, 1, 2]
 * shift(new Float64Array([1, 2, 3]), -1);   // [2, 3, NaN]
 */
export function shift(x: Column, k: number, opts?: KernelOptions): Float64Array {
  return perGroup('shift', x, opts, shiftSegment, integer('shift', 'k', k));
}

/**
 * `x[i] − x[i − k]` within the entity (pandas `x.diff(k)`); NaN where either value is NaN or the
 * partner row falls outside the entity. `k` defaults to 1 and may be negative.
 *
 * @example
 * diff(new Float64Array([1, 4, 9]));   // [NaN, 3, 5]
 */
export function diff(x: Column, k = 1, opts?: KernelOptions): Float64Array {
  return perGroup('diff', x, opts, diffSegment, integer('diff', 'k', k), DIFF);
}

/**
 * `x[i] / x[i − k] − 1` within the entity (pandas `x.pct_change(k, fill_method=None)`): NaN where
 * either value is NaN or the partner falls outside the entity; x/0 is ±Infinity and 0/0 is NaN.
 *
 * @example
 * pctChange(new Float64Array([2, 3, 0, 0]));   // [NaN, 0.5, -1, NaN]
 */
export function pctChange(x: Column, k = 1, opts?: KernelOptions): Float64Array {
  return perGroup('pctChange', x, opts, diffSegment, integer('pctChange', 'k', k), PCT_CHANGE);
}
