/**
 * The rolling sum and mean of short full windows (2 ≤ `window` ≤ 8, `minPeriods` = `window`) as a
 * plain sum of the window's values, the last ones held in locals: `window − 1` adds a row that do
 * not depend on the row before (no running sum, so no chain of adds to wait on and nothing to
 * drift or to subtract). Each result is the sum of its own ≤ 8 values, error ≤ 7 ε Σ|x|, as accurate
 * as pandas' Kahan running sum and exact wherever the values' sum is.
 *
 * pandas' rules hold as in the block split (rolling-blocks.ts): a NaN anywhere in the window makes
 * it NaN (it is in the sum); a window of equal values gives exactly that value (mean) or value ×
 * window (sum), tested only when the window's first and last values are equal; a window of
 * non-negative values sums to a non-negative value. A segment holding ±Infinity goes to the
 * running sum (`fallback`), which reads it as missing, as pandas' rolling does; a plain sum would
 * add it. One loop per window length, written out, because V8 keeps the locals
 * of a fixed-length window in registers and a loop over a variable-length window costs ~1 ns a value.
 */
import type { Segment } from './per-group';
import { MEAN } from './sum-result';

/** The longest window summed directly; longer full windows take the block split. */
export const DIRECT_MAX = 8;

// Bound once: a loop reading the global `Math` per row runs ~100x slower inside jest's vm sandbox.
const { abs } = Math;

/**
 * Each loop fills `out[start .. end)` and returns true when an infinity entered. The window's
 * earlier values start as NaN (`0 / 0`), so its first `w − 1` rows come out NaN from the loop itself:
 * nothing is read before the loop, and the infinity test and `v × times` run on every row (issue 16,
 * cold16: an operation run only before the loop or only on rare rows has no type feedback when a long
 * first call gets the loop optimized, and mean3/mean7 ran 6–8 ms per 1M rows cold instead of ~3).
 * Rows are counted from a literal 0 (`i = start + k`): 3.0 against 3.35 ms from `start` (mean3).
 */
type Loop = (x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number) => boolean;

function sum2(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + v, equal = v * times;
    if (abs(v) === 1 / 0) inf = true;
    out[i] = a === v ? equal : s / divisor;
    a = v;
  }
  return inf;
}

function sum3(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + v, equal = v * times;
    if (abs(v) === 1 / 0) inf = true;
    out[i] = a === v && b === v ? equal : s / divisor;
    a = b; b = v;
  }
  return inf;
}

function sum4(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, c = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + c + v, equal = v * times;
    if (abs(v) === 1 / 0) inf = true;
    out[i] = a === v && b === v && c === v ? equal : s / divisor;
    a = b; b = c; c = v;
  }
  return inf;
}

function sum5(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, c = 0 / 0, d = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + c + d + v, equal = v * times;
    if (abs(v) === 1 / 0) inf = true;
    out[i] = a === v && b === v && c === v && d === v ? equal : s / divisor;
    a = b; b = c; c = d; d = v;
  }
  return inf;
}

function sum6(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, c = 0 / 0, d = 0 / 0, e = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + c + d + e + v, equal = v * times;
    if (abs(v) === 1 / 0) inf = true;
    out[i] = a === v && b === v && c === v && d === v && e === v ? equal : s / divisor;
    a = b; b = c; c = d; d = e; e = v;
  }
  return inf;
}

function sum7(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, c = 0 / 0, d = 0 / 0, e = 0 / 0, f = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + c + d + e + f + v, equal = v * times;
    if (abs(v) === 1 / 0) inf = true;
    out[i] = a === v && b === v && c === v && d === v && e === v && f === v ? equal : s / divisor;
    a = b; b = c; c = d; d = e; e = f; f = v;
  }
  return inf;
}

function sum8(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, c = 0 / 0, d = 0 / 0, e = 0 / 0, f = 0 / 0, g = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + c + d + e + f + g + v, equal = v * times;
    if (abs(v) === 1 / 0) inf = true;
    out[i] = a === v && b === v && c === v && d === v && e === v && f === v && g === v ? equal : s / divisor;
    a = b; b = c; c = d; d = e; e = f; f = g; g = v;
  }
  return inf;
}

const LOOPS: readonly (Loop | undefined)[] = [undefined, undefined, sum2, sum3, sum4, sum5, sum6, sum7, sum8];

/**
 * A segment for `perGroup`: rolling SUM or MEAN (`mode`) of `x[start..end)` over `window` rows
 * (2 … {@link DIRECT_MAX}) with minPeriods = `window`; calls `fallback` for a segment holding an infinity.
 *
 * @example
 * const seg = directWindowSegment(sumSegment);
 * seg(x, out, 0, x.length, 3, 3, MEAN);   // out = x.rolling(3).mean()
 */
export function directWindowSegment(fallback: Segment): Segment {
  return (x, out, start, end, window, minPeriods, mode) => {
    const divisor = mode === MEAN ? window : 1;
    const inf = LOOPS[window]!(x, out, start, end, divisor, window / divisor);
    if (inf) fallback(x, out, start, end, window, minPeriods, mode);
  };
}
