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

/** ±Infinity written `1 / 0` (folded by the parser): `Infinity` is a read of the global object. */
const isInf = (v: number): boolean => v === 1 / 0 || v === -1 / 0;

/**
 * Each loop fills `out[start .. end)` and returns true when an infinity entered. The window's
 * earlier values start as NaN (`0 / 0`), so its first `w − 1` rows come out NaN from the loop itself
 * and nothing is read before the loop (issue 16, cold16: `x[start]`… read there had no type feedback
 * when a long first call got the loop optimized, and mean3/mean7 then ran 6–8 ms per 1M rows instead
 * of 2.4–3 in most fresh processes). Rows are counted from a literal 0 (`i = start + k`). The infinity
 * test and `v × times` stay on the rows that need them: run on every row they cost ~0.35 ms (mean3
 * 2.7 → 3.0 ms), and a first NaN or run of equal values half a million rows in did not slow the loop.
 */
type Loop = (x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number) => boolean;

function sum2(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v ? v * times : s / divisor;
    a = v;
  }
  return inf;
}

function sum3(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v ? v * times : s / divisor;
    a = b; b = v;
  }
  return inf;
}

function sum4(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, c = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + c + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v && c === v ? v * times : s / divisor;
    a = b; b = c; c = v;
  }
  return inf;
}

function sum5(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, c = 0 / 0, d = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + c + d + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v && c === v && d === v ? v * times : s / divisor;
    a = b; b = c; c = d; d = v;
  }
  return inf;
}

function sum6(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, c = 0 / 0, d = 0 / 0, e = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + c + d + e + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v && c === v && d === v && e === v ? v * times : s / divisor;
    a = b; b = c; c = d; d = e; e = v;
  }
  return inf;
}

function sum7(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, c = 0 / 0, d = 0 / 0, e = 0 / 0, f = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + c + d + e + f + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v && c === v && d === v && e === v && f === v ? v * times : s / divisor;
    a = b; b = c; c = d; d = e; e = f; f = v;
  }
  return inf;
}

function sum8(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = 0 / 0, b = 0 / 0, c = 0 / 0, d = 0 / 0, e = 0 / 0, f = 0 / 0, g = 0 / 0, inf = false;
  for (let k = 0; ; k++) {
    const i = start + k;
    if (i >= end) break;
    const v = x[i], s = a + b + c + d + e + f + g + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v && c === v && d === v && e === v && f === v && g === v ? v * times : s / divisor;
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
