/**
 * The rolling sum and mean of full windows (`minPeriods` = `window`, pandas' default) without a
 * running sum: a window ending in block k + 1 of `window` rows is the suffix of block k plus the
 * prefix of block k + 1 (the van Herk / Gil-Werman split). Each block is read twice, its suffix
 * sums backwards (kept in a small scratch for the next block) and its prefix sums forwards, each
 * pass two rows a step, so no sum is ever subtracted from: nothing drifts, a large value that left the
 * window leaves no rounding behind, and each result is a plain sum of its own ≤ `window` values
 * (error ≤ window × ε × Σ|x|, as accurate as pandas' Kahan running sum and free of its drift).
 *
 * NaN needs no bookkeeping: with minPeriods = window any NaN in the window makes it NaN, and the
 * NaN reaches exactly the windows holding it through the prefix or the suffix. pandas' other
 * rules hold too: equal values give exactly that value (blocks where neighbours repeat are looked
 * at again; elsewhere no window can be all equal); a
 * window of non-negative values sums to a non-negative value, so the clamp is never needed. A
 * block holding ±Infinity sends the segment to the running sum (`fallback`), which reads it as
 * missing, as pandas' rolling does (its `_prep_values` makes ±inf NaN); this split would sum it.
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
    let equalAt = -1; // the last row whose window held equal values (a long constant run stays O(1) a row)
    let pairsBefore = false; // the previous block held two equal neighbours
    for (let b = start; b < end; b += w) {
      const len = Math.min(w, end - b);
      const last = b + len - 1;
      // This block's suffix sums, backwards, two rows a step; equal neighbours counted on the way
      // (the pair across the boundary with the block before too).
      let suf = 0, j = len - 1, pairs = b > start && x[b - 1] === x[b] ? 1 : 0;
      let after = NaN;
      curSuf[len] = 0;
      for (; j >= 1; j -= 2) {
        const u1 = x[b + j], u0 = x[b + j - 1];
        const s1 = suf + u1;
        suf = s1 + u0;
        curSuf[j] = s1;
        curSuf[j - 1] = suf;
        pairs += (u1 === after ? 1 : 0) + (u0 === u1 ? 1 : 0);
        after = u0;
      }
      if (j === 0) {
        const u = x[b];
        curSuf[0] = suf + u;
        pairs += u === after ? 1 : 0;
      }
      // Then its prefix sums, forwards, each window = the previous block's suffix + this prefix.
      let pre = 0, r = 0;
      for (; r + 1 < len; r += 2) {
        const i = b + r;
        const p0 = pre + x[i];
        pre = p0 + x[i + 1];
        out[i] = (prevSuf[r + 1] + p0) / divisor;
        out[i + 1] = (prevSuf[r + 2] + pre) / divisor;
      }
      if (r < len) {
        pre += x[b + r];
        out[b + r] = (prevSuf[r + 1] + pre) / divisor;
      }
      // A window of equal values (which must come out exact) needs equal neighbours in this block
      // or the one before: only then are this block's rows looked at again.
      if (pairs > 0 || pairsBefore || w === 1) {
        for (let i = Math.max(b, start + w - 1); i <= last; i++) {
          if (equalWindow(x, i, w, equalAt === i - 1)) {
            out[i] = x[i] * times;
            equalAt = i;
          }
        }
      }
      pairsBefore = pairs > 0;
      if ((pre === Infinity || pre === -Infinity || pre !== pre) && hasInfinity(x, b, b + len)) {
        fallback(x, out, start, end, window, minPeriods, mode);
        return;
      }
      const t = prevSuf; prevSuf = curSuf; curSuf = t;
    }
  };
}
