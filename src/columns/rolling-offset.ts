/**
 * Offset windows: `rollingMean(x, '28D', { time })` and the same for sum, var, std, min and max, as
 * pandas `rolling('28D', on=time)` per entity: row i's window holds the rows of its entity whose
 * time lies in (t[i] − 28 days, t[i]], `minPeriods` defaults to 1, NaN values are skipped and not
 * counted, and so is ±Infinity (pandas' rolling turns it into NaN before it aggregates:
 * `_prep_values`). Same numerics as the row windows (error-free running sums, exact results for equal
 * values, anchored variance re-summed as often as the window turns over, monotonic deque for
 * extrema): O(n), the window start moved with the time column inside each kernel's loop.
 */
import { InputError } from '../errors';
import { checkGroups, type Groups } from './groups';
import { offsetMs } from './offset';
import { column, kernelOptions, minPeriodsArg, OPTION_KEYS, output, windowArg, type WindowOptions } from './options';
import { MEAN, SUM } from './sum-result';
import { ascendingTimes, offsetTimes } from './time-window';
// Bound once: a loop reading the global `Math` per row runs ~100x slower inside jest's vm sandbox.
const { max, sqrt } = Math;


/** Which statistic an offset window computes. */
export type Stat = 'sum' | 'mean' | 'var' | 'std' | 'min' | 'max';

const CANCELLATION = 1e-6;
/** MEAN as a binding of this module, tested per row: the compiled CommonJS reads an imported const as a property. */
const MEAN_MODE = MEAN;
let dequeRows = new Int32Array(64);
let dequeValues = new Float64Array(64);

/**
 * The running sum over offset windows of `x[start..end)`, error-free as the row windows' one
 * (sum-result.ts): the window start `j` advances with the time column inside the loop (no array
 * of starts), while t[i] − t[j] ≥ `width`. The same loop checks that time ascends: it returns the
 * first row out of order (or without a time), else −1.
 */
function sumRows(
  x: Float64Array, out: Float64Array, start: number, end: number, t: Float64Array, width: number,
  minPeriods: number, mode: number,
): number {
  let nobs = 0, hi = 0, lo = 0, negatives = 0, same = 0, prev = 0 / 0, j = start, tj = 0 / 0, last = -1 / 0;
  for (let i = start; i < end; i++) {
    // t[i] − t[i] = 0 < width, so j stops at i at the latest: row i stays in its window.
    const ti = t[i];
    if (!(ti >= last) || ti - ti !== 0) return i;
    last = ti;
    if (i === start) tj = ti; // here, not before the loop: t[start] read there had no type feedback
    while (ti - tj >= width) {
      const u = x[j];
      tj = t[++j];
      if (u - u !== 0) continue; // NaN or ±Infinity: not counted
      if (--nobs === 0) {
        hi = 0; lo = 0; negatives = 0;
      } else {
        const s = hi - u, z = s - hi; // TwoSum(hi, −u): lo keeps the exact rounding error
        lo += (hi - (s - z)) - (u + z); hi = s;
        if (u < 0) negatives--;
      }
    }
    const v = x[i];
    if (v - v === 0) { // finite: NaN and ±Infinity are missing values, as pandas' rolling makes them
      nobs++;
      const s = hi + v, z = s - hi;
      lo += (hi - (s - z)) + (v - z); hi = s;
      if (v < 0) negatives++;
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    // sumResult's rule written out, as in rolling-moments.ts (called, V8 inlined it in some processes
    // only); the mode tested on each row, a binding of this module; prev × nobs computed on each row
    const mean = mode === MEAN_MODE, equal = prev * nobs;
    let r = 0 / 0;
    if (nobs >= minPeriods) {
      if (nobs === 0) r = mean ? 0 / 0 : 0;
      else if (same >= nobs) r = mean ? prev : equal;
      else if (!mean) r = hi + lo;
      else {
        r = (hi + lo) / nobs;
        if (negatives === 0 && r < 0) r = 0;
        else if (negatives === nobs && r > 0) r = 0;
      }
    }
    out[i] = r;
  }
  return -1;
}

/** The sample variance (or std) over offset windows of `x[start..end)`, the window start moved as in `sumRows`. */
function varRows(
  x: Float64Array, out: Float64Array, start: number, end: number, t: Float64Array, width: number,
  minPeriods: number, std: boolean,
): number {
  let nobs = 0, s1 = 0, s2 = 0, peak = 0, anchor = 0, age = 0, same = 0, prev = 0 / 0;
  let j = start, tj = 0 / 0, last = -1 / 0;
  for (let i = start; i < end; i++) {
    const ti = t[i];
    if (!(ti >= last) || ti - ti !== 0) return i;
    last = ti;
    if (i === start) tj = ti; // the window start's time, taken here as in sumRows
    while (ti - tj >= width) {
      const u = x[j];
      tj = t[++j];
      if (u - u !== 0) continue;
      if (--nobs === 0) {
        s1 = 0; s2 = 0; peak = 0;
      } else {
        const d = u - anchor;
        s1 -= d; s2 -= d * d;
      }
    }
    const v = x[i];
    if (v - v === 0) {
      if (nobs === 0) { anchor = v; age = 0; }
      const d = v - anchor;
      s1 += d; s2 += d * d;
      nobs++; age++;
      if (s2 > peak) peak = s2;
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    let ssd = s2 - (s1 * s1) / nobs;
    if (nobs >= 2 && (age > i - j || ssd < CANCELLATION * peak)) {
      // Re-anchor on the newest value once as many values entered as the window holds (amortized
      // O(1)), or when a large value left and its rounding error would dominate.
      anchor = prev; s1 = 0; s2 = 0; age = 0;
      for (let k = j; k <= i; k++) {
        const u = x[k], e = u - anchor;
        if (u - u === 0) { s1 += e; s2 += e * e; }
      }
      peak = s2;
      ssd = s2 - (s1 * s1) / nobs;
    }
    let r = 0 / 0;
    if (nobs >= minPeriods && nobs >= 2) r = same >= nobs ? 0 : max(0, ssd / (nobs - 1));
    out[i] = std ? sqrt(r) : r;
  }
  return -1;
}

/**
 * The extremum (`sign` 1: max, −1: min) over offset windows of `x[start..end)` by a monotonic
 * deque, the window start moved as in `sumRows`: rows that left only leave the deque's head.
 */
function extremaRows(
  x: Float64Array, out: Float64Array, start: number, end: number, t: Float64Array, width: number,
  minPeriods: number, sign: number,
): number {
  let cap = 64;
  while (cap < end - start + 1) cap *= 2;
  if (dequeRows.length < cap) {
    dequeRows = new Int32Array(cap);
    dequeValues = new Float64Array(cap);
  }
  return extremaLoop(x, out, start, end, t, width, minPeriods, sign, dequeRows, dequeValues, cap - 1);
}

/** {@link extremaRows}' loop, on a deque `mask + 1` long: nothing typed before it (rolling-extrema.ts' header). */
function extremaLoop(
  x: Float64Array, out: Float64Array, start: number, end: number, t: Float64Array, width: number,
  minPeriods: number, sign: number, rows: Int32Array, values: Float64Array, mask: number,
): number {
  let head = 0, tail = 0, nobs = 0, j = start, tj = 0 / 0, last = -1 / 0;
  for (let i = start; i < end; i++) {
    const ti = t[i];
    if (!(ti >= last) || ti - ti !== 0) return i;
    last = ti;
    if (i === start) tj = ti; // the window start's time, taken here as in sumRows
    while (ti - tj >= width) {
      const u = x[j];
      tj = t[++j];
      if (u - u === 0) nobs--;
    }
    while (head !== tail && rows[head & mask] < j) head++;
    const v = x[i];
    if (v - v === 0) {
      nobs++;
      const sv = sign * v;
      while (tail !== head && values[(tail - 1) & mask] <= sv) tail--;
      rows[tail & mask] = i;
      values[tail & mask] = sv;
      tail++;
    }
    let r = 0 / 0;
    if (nobs >= minPeriods && nobs > 0) r = sign * values[head & mask];
    out[i] = r;
  }
  return -1;
}

/** Runs `stat` over the rows `a` … `b − 1` of one entity; returns the first row out of time order, else −1. */
function segment(
  stat: Stat, x: Float64Array, out: Float64Array, a: number, b: number, t: Float64Array, width: number,
  minPeriods: number,
): number {
  const mode = stat === 'mean' ? MEAN : SUM;
  if (stat === 'sum' || stat === 'mean') return sumRows(x, out, a, b, t, width, minPeriods, mode);
  if (stat === 'var' || stat === 'std') return varRows(x, out, a, b, t, width, minPeriods, stat === 'std');
  return extremaRows(x, out, a, b, t, width, minPeriods, stat === 'max' ? 1 : -1);
}

/**
 * The offset-window statistic `stat` of `x` over `window` (e.g. `'28D'`) on `opts.time`, per
 * entity of `opts.groups`. `kernel` names the caller in messages. The public kernels
 * (`rollingMean(x, '28D', { time })` …) call this when their window is a string.
 *
 * @example
 * offsetRolling('rollingSum', Float64Array.of(1, 2, 3), '2D', { time: Float64Array.of(0, 864e5, 3 * 864e5) }, 'sum');
 * // [1, 3, 3]
 */
export function offsetRolling(
  kernel: string, x: unknown, window: unknown, opts: WindowOptions | undefined, stat: Stat,
): Float64Array {
  kernelOptions(kernel, opts, OPTION_KEYS.rolling); // a time window checks its options as a row window does
  const xs = column(kernel, 'x', x);
  const width = offsetMs(kernel, window);
  const groups: Groups | undefined = opts?.groups;
  if (groups !== undefined) checkGroups(kernel, groups, xs.length);
  const t = offsetTimes(kernel, opts?.time, groups);
  if (t.length !== xs.length) {
    throw new InputError(
      `${kernel}: opts.time has ${t.length} rows but x has ${xs.length}; give one time per row of x.`,
    );
  }
  const minPeriods = minPeriodsArg(kernel, opts?.minPeriods, 1);
  const out = output(kernel, xs.length, opts?.out, xs);
  const n = xs.length;
  const count = groups === undefined ? 1 : groups.count;
  for (let g = 0; g < count; g++) {
    const a = groups === undefined ? 0 : groups.starts[g];
    const b = groups === undefined || g + 1 === count ? n : groups.starts[g + 1];
    if (segment(stat, xs, out, a, b, t, width, minPeriods) >= 0) {
      ascendingTimes(kernel, t, groups); // throws the InputError naming the entity and rows
      throw new InputError(`${kernel}: opts.time is not ascending within each entity; sort by (entity, time) first.`);
    }
  }
  return out;
}

/**
 * A row window's length (an integer ≥ 1). With `opts.time` given as well the call is refused: a
 * number is a count of rows, and the caller most likely meant an offset such as `'28D'`.
 *
 * @example
 * rowWindowArg('rollingMean', 7, {});   // 7; with { time } it throws
 */
export function rowWindowArg(kernel: string, window: unknown, opts: WindowOptions | undefined): number {
  if (opts?.time !== undefined) {
    throw new InputError(
      `${kernel}: the window ${String(window)} is a number of rows, but opts.time is given too. ` +
        `For a time window pass an offset such as '${String(window)}D'; for a row window leave opts.time out.`,
    );
  }
  return windowArg(kernel, window);
}
