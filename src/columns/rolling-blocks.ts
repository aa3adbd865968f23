/**
 * The rolling sum and mean of full windows (`minPeriods` = `window`, pandas' default) without a
 * running sum: a window ending in block k + 1 of `window` rows is the suffix of block k plus the
 * prefix of block k + 1 (the van Herk / Gil-Werman split). One pass keeps two short independent
 * chains (this block's prefix, forwards, and its suffix, backwards, kept in a small scratch for
 * the next block), so no sum is ever subtracted from: nothing drifts, a large value that left the
 * window leaves no rounding behind, and each result is a plain sum of its own ≤ `window` values
 * (error ≤ window × ε × Σ|x|, as accurate as pandas' Kahan running sum and free of its drift).
 *
 * NaN needs no bookkeeping: with minPeriods = window any NaN in the window makes it NaN, and the
 * NaN reaches exactly the windows holding it through the prefix or the suffix. pandas' other
 * rules hold too: equal values give exactly that value (a result within w rounding errors of the
 * row's value is checked against the window, rarely and in O(w)); a
 * window of non-negative values sums to a non-negative value, so the clamp is never needed. A
 * block holding ±Infinity sends the segment to pandas' own Kahan algorithm (`fallback`), whose
 * results there (NaN after an infinity entered) this split would not reproduce.
 */
import type { Segment } from './per-group';
import { MEAN } from './sum-result';

let scratchA = new Float64Array(0);
let scratchB = new Float64Array(0);

function hasInfinity(x: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (x[i] === Infinity || x[i] === -Infinity) return true;
  return false;
}

/** True when `x[i − w + 1 .. i]` all equal `x[i]`; `equalBefore` says the window ending at i − 1 did. */
function equalWindow(x: Float64Array, i: number, w: number, equalBefore: boolean): boolean {
  const v = x[i];
  if (equalBefore) return x[i - 1] === v;
  for (let j = i - w + 1; j < i; j++) if (x[j] !== v) return false;
  return true;
}

/**
 * A segment for `perGroup`: rolling SUM or MEAN (`mode`) of `x[start..end)` over `window` rows
 * with minPeriods = `window`; calls `fallback` for a segment holding an infinity.
 *
 * @example
 * const seg = fullWindowSegment(sumSegment);
 * seg(x, out, 0, x.length, 3, 3, MEAN);   // out = x.rolling(3).mean()
 */
export function fullWindowSegment(fallback: Segment): Segment {
  return (x, out, start, end, window, minPeriods, mode) => {
    const w = window;
    if (end - start < w) {
      out.fill(NaN, start, end);
      return;
    }
    if (scratchA.length < w + 1) {
      scratchA = new Float64Array(w + 1);
      scratchB = new Float64Array(w + 1);
    }
    let prevSuf = scratchA, curSuf = scratchB;
    // Block 0 has no previous block: its "suffix" is NaN, except the empty one (0) that the
    // first full window, at the block's last row, adds to.
    prevSuf.fill(NaN, 0, w);
    prevSuf[w] = 0;
    const divisor = mode === MEAN ? w : 1;
    const times = w / divisor;
    const near = w * 4.5e-16; // a window of equal values v sums to within w rounding errors of v·w
    let equalAt = -1; // the last row whose window held equal values (a long constant run stays O(1) a row)
    for (let b = start; b < end; b += w) {
      const len = Math.min(w, end - b);
      const last = b + len - 1;
      let pre = 0, suf = 0;
      curSuf[len] = 0;
      for (let r = 0; r < len; r++) {
        const i = b + r;
        const v = x[i];
        pre += v;
        suf += x[last - r];
        curSuf[len - 1 - r] = suf;
        let res = (prevSuf[r + 1] + pre) / divisor;
        // Only a result this close to v·(w or 1) can come from equal values; look and make it exact.
        if (Math.abs(res - v * times) <= near * Math.abs(res) && equalWindow(x, i, w, equalAt === i - 1)) {
          res = v * times;
          equalAt = i;
        }
        out[i] = res;
      }
      if ((pre === Infinity || pre === -Infinity || pre !== pre) && hasInfinity(x, b, b + len)) {
        fallback(x, out, start, end, window, minPeriods, mode);
        return;
      }
      const t = prevSuf; prevSuf = curSuf; curSuf = t;
    }
  };
}
