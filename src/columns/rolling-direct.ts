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

const isInf = (v: number): boolean => v === Infinity || v === -Infinity;

/** Each loop fills `out[start + w − 1 .. end)` and returns true when an infinity entered. */
type Loop = (x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number) => boolean;

function sum2(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = x[start], inf = false;
  for (let i = start + 1; i < end; i++) {
    const v = x[i], s = a + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v ? v * times : s / divisor;
    a = v;
  }
  return inf;
}

function sum3(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = x[start], b = x[start + 1], inf = false;
  for (let i = start + 2; i < end; i++) {
    const v = x[i], s = a + b + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v ? v * times : s / divisor;
    a = b; b = v;
  }
  return inf;
}

function sum4(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = x[start], b = x[start + 1], c = x[start + 2], inf = false;
  for (let i = start + 3; i < end; i++) {
    const v = x[i], s = a + b + c + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v && c === v ? v * times : s / divisor;
    a = b; b = c; c = v;
  }
  return inf;
}

function sum5(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = x[start], b = x[start + 1], c = x[start + 2], d = x[start + 3], inf = false;
  for (let i = start + 4; i < end; i++) {
    const v = x[i], s = a + b + c + d + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v && c === v && d === v ? v * times : s / divisor;
    a = b; b = c; c = d; d = v;
  }
  return inf;
}

function sum6(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = x[start], b = x[start + 1], c = x[start + 2], d = x[start + 3], e = x[start + 4], inf = false;
  for (let i = start + 5; i < end; i++) {
    const v = x[i], s = a + b + c + d + e + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v && c === v && d === v && e === v ? v * times : s / divisor;
    a = b; b = c; c = d; d = e; e = v;
  }
  return inf;
}

function sum7(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = x[start], b = x[start + 1], c = x[start + 2], d = x[start + 3], e = x[start + 4], f = x[start + 5];
  let inf = false;
  for (let i = start + 6; i < end; i++) {
    const v = x[i], s = a + b + c + d + e + f + v;
    if (s - s !== 0 && isInf(v)) inf = true;
    out[i] = a === v && b === v && c === v && d === v && e === v && f === v ? v * times : s / divisor;
    a = b; b = c; c = d; d = e; e = f; f = v;
  }
  return inf;
}

function sum8(x: Float64Array, out: Float64Array, start: number, end: number, divisor: number, times: number): boolean {
  let a = x[start], b = x[start + 1], c = x[start + 2], d = x[start + 3], e = x[start + 4], f = x[start + 5];
  let g = x[start + 6], inf = false;
  for (let i = start + 7; i < end; i++) {
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
    const loop = LOOPS[window]!;
    const head = Math.min(end, start + window - 1);
    for (let i = start; i < head; i++) {
      if (isInf(x[i])) return fallback(x, out, start, end, window, minPeriods, mode);
      out[i] = NaN;
    }
    if (head === end) return;
    const divisor = mode === MEAN ? window : 1;
    if (loop(x, out, start, end, divisor, window / divisor)) fallback(x, out, start, end, window, minPeriods, mode);
  };
}
