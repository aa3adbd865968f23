/**
 * The rolling sum and mean of full windows (`minPeriods` = `window`, pandas' default) without a
 * running sum: a window ending in block k + 1 of `window` rows is the suffix of block k plus the
 * prefix of block k + 1 (the van Herk / Gil-Werman split). Each block is read in one pass, four rows
 * a step, that keeps two sums side by side: its suffix sums backwards (kept in a small scratch for
 * the next block) and its prefix sums forwards. No sum is ever subtracted from: nothing drifts, a
 * large value that left the window leaves no rounding behind, and each result is a plain sum of
 * its own ≤ `window` values (error ≤ window × ε × Σ|x|, as accurate as pandas' Kahan running sum
 * and free of its drift).
 *
 * NaN needs no bookkeeping: with minPeriods = window any NaN in the window makes it NaN, and the
 * NaN reaches exactly the windows holding it through the prefix or the suffix. pandas' other
 * rules hold too: equal values give exactly that value (blocks where neighbours may repeat are
 * looked at again; elsewhere no window can be all equal); a
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

/** True when some `x[i] === x[i − 1]` for i in `[from, to)`. */
function hasEqualNeighbours(x: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (x[i] === x[i - 1]) return true;
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
      // One pass over the block, two independent chains a row: its prefix sums forwards (each
      // window = the previous block's suffix + this prefix) and its own suffix sums backwards (kept
      // for the next block). Each chain adds the same values in the same order as two separate
      // passes would; run side by side, neither waits for the other. Equal neighbours are found on
      // the way (the pair across the boundary with the block before too) by the product of the
      // neighbours' differences: x − y is exactly 0 only when x === y (finite, with subnormals) and
      // NaN for equal infinities, and once 0 or NaN the product stays 0 or NaN. So a block holding
      // equal neighbours always ends with `prod` 0 or not finite; only then are its neighbours
      // compared one by one (a NaN in the block, an overflow or an underflow lead there too).
      // `pairs` is thus exactly "the block holds two equal neighbours", at no cost a row.
      let pre = 0, suf = 0, prod = 1, r = 0;
      let before = b > start ? x[b - 1] : 0 / 0;
      curSuf[len] = 0;
      for (; r + 3 < len; r += 4) {
        const i = b + r, j = last - r;
        const v0 = x[i], v1 = x[i + 1], v2 = x[i + 2], v3 = x[i + 3];
        const p0 = pre + v0, p1 = p0 + v1, p2 = p1 + v2;
        pre = p2 + v3;
        out[i] = (prevSuf[r + 1] + p0) / divisor;
        out[i + 1] = (prevSuf[r + 2] + p1) / divisor;
        out[i + 2] = (prevSuf[r + 3] + p2) / divisor;
        out[i + 3] = (prevSuf[r + 4] + pre) / divisor;
        const s1 = suf + x[j], s2 = s1 + x[j - 1], s3 = s2 + x[j - 2];
        suf = s3 + x[j - 3];
        curSuf[len - 1 - r] = s1;
        curSuf[len - 2 - r] = s2;
        curSuf[len - 3 - r] = s3;
        curSuf[len - 4 - r] = suf;
        prod *= (v0 - before) * (v1 - v0) * ((v2 - v1) * (v3 - v2));
        before = v3;
      }
      for (; r < len; r++) {
        const v0 = x[b + r];
        pre += v0;
        out[b + r] = (prevSuf[r + 1] + pre) / divisor;
        suf += x[last - r];
        curSuf[len - 1 - r] = suf;
        prod *= v0 - before;
        before = v0;
      }
      let pairs = false;
      if (prod === 0 || prod - prod !== 0) pairs = hasEqualNeighbours(x, b > start ? b : b + 1, b + len);
      // A window of equal values (which must come out exact) needs equal neighbours in this block
      // or the one before: only then are this block's rows looked at again.
      if (pairs || pairsBefore || w === 1) {
        for (let i = Math.max(b, start + w - 1); i <= last; i++) {
          if (equalWindow(x, i, w, equalAt === i - 1)) {
            out[i] = x[i] * times;
            equalAt = i;
          }
        }
      }
      pairsBefore = pairs;
      if (pre - pre !== 0 && hasInfinity(x, b, b + len)) {
        fallback(x, out, start, end, window, minPeriods, mode);
        return;
      }
      const t = prevSuf; prevSuf = curSuf; curSuf = t;
    }
  };
}
