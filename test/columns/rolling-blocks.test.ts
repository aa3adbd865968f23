/**
 * The block split for full windows (minPeriods = window) and the direct sums of short ones
 * (2 … 8 rows, src/columns/rolling-direct.ts) against a naive window-by-window
 * reference with pandas' rules, over series long enough to cross many blocks, with NaN, runs of
 * equal values, groups, sums and an infinity (a missing value, as pandas' rolling reads it).
 */
import { rollingMean, rollingSum } from '../../src';
import { expectClose, f64 } from './helpers';

/**
 * Asserts got matches want row by row: NaN where want is NaN, else within 1e-12 of the window's
 * scale (the mean of |x| over it): any summation order of a window agrees with another that closely.
 */
function expectWindows(got: Float64Array, want: number[], x: Float64Array, w: number, mean: boolean): void {
  const bad: string[] = [];
  want.forEach((e, i) => {
    let scale = 0;
    for (let j = Math.max(0, i - w + 1); j <= i; j++) if (x[j] === x[j]) scale += Math.abs(x[j]);
    if (mean) scale /= w;
    const ok = Number.isNaN(e) ? Number.isNaN(got[i]) : got[i] === e || Math.abs(got[i] - e) <= 1e-12 * Math.max(1, scale);
    if (!ok) bad.push(`[${i}] got ${got[i]}, expected ${e}`);
  });
  expect(bad).toEqual([]);
}

/** pandas `rolling(w).mean()` / `.sum()` with minPeriods = w, summed window by window. */
function naive(x: Float64Array, w: number, starts: number[], mean: boolean): number[] {
  const out: number[] = [];
  starts.forEach((start, g) => {
    const end = g + 1 < starts.length ? starts[g + 1] : x.length;
    for (let i = start; i < end; i++) {
      if (i - w + 1 < start) { out.push(NaN); continue; }
      const win = Array.from(x.subarray(i - w + 1, i + 1));
      if (win.some(Number.isNaN)) { out.push(NaN); continue; }
      const s = win.reduce((a, b) => a + b, 0);
      out.push(win.every((v) => v === win[0]) ? (mean ? win[0] : win[0] * w) : mean ? s / w : s);
    }
  });
  return out;
}

let seed = 7;
const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

/** 5,000 values: noise, NaN now and then, and stretches of one repeated value. */
function series(): Float64Array {
  const x = new Float64Array(5000);
  for (let i = 0; i < x.length; i++) {
    const u = next();
    x[i] = i % 700 < 90 ? 0.1 : u < 0.01 ? NaN : 1e6 * (u - 0.5);
  }
  return x;
}

describe('rolling mean and sum of full windows (block split, direct sums)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 28, 365])('match the naive reference at window %i, whole and per group', (w) => {
    const x = series();
    expectWindows(rollingMean(x, w), naive(x, w, [0], true), x, w, true);
    expectWindows(rollingSum(x, w), naive(x, w, [0], false), x, w, false);
    const starts = [0, 5, 600, 601, 2990, 4999];
    const groups = { starts: Int32Array.from(starts), count: starts.length };
    expectWindows(rollingMean(x, w, { groups }), naive(x, w, starts, true), x, w, true);
    expectWindows(rollingSum(x, w, { groups }), naive(x, w, starts, false), x, w, false);
  });

  it('gives a window of equal values exactly its value, also inside a long constant run', () => {
    const x = series();
    const got = rollingMean(x, 7);
    for (let i = 6; i < 90; i++) expect(got[i]).toBe(0.1);
    const sums = rollingSum(x, 7);
    for (let i = 706; i < 790; i++) expect(sums[i]).toBe(0.1 * 7);
  });

  it('finds a window of equal values in a block whose neighbours\' differences multiply to NaN', () => {
    // w = 10, blocks at rows 0, 10, 20: 0.1 on rows 9–18 (the window ending at 18, exactly 0.1 by
    // pandas' rule; the split's own sum gives 0.09999999999999999), its only equal neighbours in
    // block 1, whose last row then makes the product of the differences NaN, not 0: a NaN (or an
    // infinity, which sends the segment to the running sum).
    for (const tail of [NaN, Infinity]) {
      const x = Float64Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 1e200 : -1e200));
      for (let i = 9; i <= 18; i++) x[i] = 0.1;
      x[19] = tail;
      expect(rollingMean(x, 10)[18]).toBe(0.1);
      expect(rollingSum(x, 10)[18]).toBe(0.1 * 10);
    }
    // Neighbours that differ by a subnormal (their product underflows to 0) stay sums.
    const tiny = Float64Array.from({ length: 40 }, (_, i) => (i % 2) * 5e-324 + 1e-310);
    expectWindows(rollingMean(tiny, 12), naive(tiny, 12, [0], true), tiny, 12, true);
  });

  it('reads an infinity as a missing value, as pandas does', () => {
    // pandas 1.5 `pd.Series([1, 2, inf, 3, 4, 5, 6]).rolling(2).mean()` → NaN, 1.5, NaN, NaN, 3.5, 4.5, 5.5
    // (its rolling turns ±inf into NaN before it aggregates; test/columns/infinite-windows.test.ts has the oracle).
    const x = f64(1, 2, Infinity, 3, 4, 5, 6);
    expectClose(rollingMean(x, 2), [NaN, 1.5, NaN, NaN, 3.5, 4.5, 5.5]);
    expectClose(rollingSum(x, 2, { minPeriods: 1 }), [1, 3, 2, 3, 7, 9, 11]);
  });

  it.each([2, 3, 4, 5, 6, 7, 8, 9])('gives pandas\' Kahan answer at window %i wherever an infinity enters', (w) => {
    // An infinity among the first w − 1 rows, later in the column, of either sign, in one group
    // of several, and next to a NaN: the segment holding it takes pandas' own running sum.
    const kahanOf = (x: Float64Array, opts?: { groups: { starts: Int32Array; count: number } }): Float64Array => {
      // The same running sum with minPeriods 1, made NaN where the window holds fewer than w finite values.
      const k = rollingMean(x, w, { ...opts, minPeriods: 1 });
      const starts = opts ? Array.from(opts.groups.starts) : [0];
      starts.forEach((s, g) => {
        const end = g + 1 < starts.length ? starts[g + 1] : x.length;
        for (let i = s; i < end; i++) {
          if (i - w + 1 < s || x.subarray(i - w + 1, i + 1).some((v) => !Number.isFinite(v))) k[i] = NaN;
        }
      });
      return k;
    };
    for (const at of [0, w - 2, w - 1, 20]) {
      for (const inf of [Infinity, -Infinity]) {
        const x = Float64Array.from({ length: 40 }, (_, i) => (i === at ? inf : i === 25 ? NaN : i % 3));
        const want = kahanOf(x);
        expect(Array.from(want.subarray(w - 1)).some(Number.isNaN)).toBe(true); // an input that shows the rule
        expectClose(rollingMean(x, w), want);
        const groups = { starts: Int32Array.of(0, 15, 30), count: 3 };
        expectClose(rollingMean(x, w, { groups }), kahanOf(x, { groups }));
      }
    }
  });

  it('sums short windows exactly where the values\' sum is exact, and a segment shorter than its window is NaN', () => {
    const x = f64(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    expect(Array.from(rollingSum(x, 4))).toEqual([NaN, NaN, NaN, 10, 14, 18, 22, 26, 30, 34]);
    expect(Array.from(rollingMean(x, 5)).slice(4)).toEqual([3, 4, 5, 6, 7, 8]);
    const groups = { starts: Int32Array.of(0, 3), count: 2 };
    expect(Array.from(rollingMean(x, 4, { groups }))).toEqual([NaN, NaN, NaN, NaN, NaN, NaN, 5.5, 6.5, 7.5, 8.5]);
  });

  it('does not drift over a million rows of large, drifting values', () => {
    const n = 1_000_000, w = 28;
    const x = Float64Array.from({ length: n }, (_, i) => 1e9 + i * 0.37 + (i % 5));
    const got = rollingMean(x, w);
    for (const i of [w - 1, 500_001, n - 1]) {
      let s = 0;
      for (let j = i - w + 1; j <= i; j++) s += x[j] - 1e9;
      expect(Math.abs(got[i] - (1e9 + s / w))).toBeLessThan(1e-9 * 1e9);
    }
  });
});
