/**
 * The rolling mean and sum (minPeriods < window, and time windows) write pandas' `calc_mean` /
 * `calc_sum` rule out in one loop per mode (for speed in a fresh process, cold16); here every row of
 * every entity is held to `sumResult`, the rule's one statement, bit for bit: NaN below minPeriods,
 * 0 (sum) or NaN (mean) for an empty window with minPeriods 0, exactly the value (× count) while the
 * window's values are all equal, the clamp at 0, after values have left the window.
 */
import { groupsOf, rollingMean, rollingSum } from '../../src/columns';
import { MEAN, SUM, sumResult } from '../../src/columns/sum-result';

/** The rule row by row over each entity's last `w` rows: the TwoSum running sum of sum-result.ts, then `sumResult`. */
function reference(x: Float64Array, keys: number[], w: number, minPeriods: number, mode: number): Float64Array {
  const out = new Float64Array(x.length);
  let nobs = 0, hi = 0, lo = 0, negatives = 0, same = 0, prev = NaN, first = 0;
  for (let i = 0; i < x.length; i++) {
    if (i === 0 || keys[i] !== keys[i - 1]) {
      nobs = 0; hi = 0; lo = 0; negatives = 0; same = 0; prev = NaN; first = i;
    }
    if (i - w >= first) {
      const u = x[i - w];
      if (Number.isFinite(u)) {
        if (--nobs === 0) { hi = 0; lo = 0; negatives = 0; } else {
          const s = hi - u, z = s - hi;
          lo += (hi - (s - z)) - (u + z);
          hi = s;
          if (u < 0) negatives--;
        }
      }
    }
    const v = x[i];
    if (Number.isFinite(v)) {
      nobs++;
      const s = hi + v, z = s - hi;
      lo += (hi - (s - z)) + (v - z);
      hi = s;
      if (v < 0) negatives++;
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    out[i] = sumResult(nobs, minPeriods, mode, hi + lo, negatives, same, prev);
  }
  return out;
}

/** Seeded values with NaN, ±Infinity, runs of equal values, stretches of missing values and entities of one sign. */
function series(n: number, seed: number): { x: Float64Array; keys: number[] } {
  let h = seed;
  const u = () => ((h = (Math.imul(h, 1103515245) + 12345) >>> 0) / 4294967296);
  const x = new Float64Array(n), keys: number[] = [];
  let key = 0, sign = 0, left = 0, run = 0.1;
  for (let i = 0; i < n; i++) {
    if (left-- <= 0) { key++; left = Math.floor(u() * 40); sign = Math.floor(u() * 3) - 1; }
    const w = u();
    if (w < 0.1 || i % 97 < 6) x[i] = NaN; // some windows empty out and start again from 0
    else if (w < 0.13) x[i] = w < 0.115 ? Infinity : -Infinity;
    else if (w < 0.45) x[i] = run; // equal values: the mean of three 0.1 is not 0.1 by sum ÷ count
    else {
      x[i] = sign === 0 ? (u() * 2 - 1) * (w > 0.98 ? 1e15 : 1) : sign * u() * 1e-3;
      if (w > 0.9) run = x[i];
    }
    keys.push(key);
  }
  return { x, keys };
}

function firstDifference(got: Float64Array, want: Float64Array): string {
  const bad = Array.from(got).findIndex((v, i) => !Object.is(v, want[i]));
  return bad === -1 ? 'all rows equal' : `row ${bad}: ${got[bad]} vs ${want[bad]}`;
}

describe("rollingMean and rollingSum keep sumResult's rule", () => {
  it.each([
    [3, 0], [3, 1], [3, 2], [5, 1], [28, 0], [28, 1], [28, 14],
  ])('on every row of every entity, bit for bit (window %i, minPeriods %i)', (w, minPeriods) => {
    for (const seed of [1, 2, 3]) {
      const { x, keys } = series(4000, seed);
      const groups = groupsOf(keys);
      const one = keys.map(() => 0);
      const pairs: [Float64Array, Float64Array][] = [
        [rollingMean(x, w, { groups, minPeriods }), reference(x, keys, w, minPeriods, MEAN)],
        [rollingSum(x, w, { groups, minPeriods }), reference(x, keys, w, minPeriods, SUM)],
        [rollingMean(x, w, { minPeriods }), reference(x, one, w, minPeriods, MEAN)],
        [rollingSum(x, w, { minPeriods }), reference(x, one, w, minPeriods, SUM)],
      ];
      for (const [got, want] of pairs) expect(firstDifference(got, want)).toBe('all rows equal');
    }
  });

  it.each([0, 1, 2])('over time windows too, bit for bit (a day of hourly rows, minPeriods %i)', (minPeriods) => {
    const { x, keys } = series(4000, 7);
    const groups = groupsOf(keys);
    const time = Float64Array.from(keys, (_, i) => Date.UTC(2024, 0, 1) + i * 3600000); // a window of 24 rows
    const mean = rollingMean(x, '1D', { time, groups, minPeriods });
    const sum = rollingSum(x, '1D', { time, groups, minPeriods });
    expect(firstDifference(mean, reference(x, keys, 24, minPeriods, MEAN))).toBe('all rows equal');
    expect(firstDifference(sum, reference(x, keys, 24, minPeriods, SUM))).toBe('all rows equal');
  });

  it('gives the value itself while the window holds only equal values, and 0 or NaN for an empty one', () => {
    const x = Float64Array.from([0.1, 0.1, 0.1, NaN, NaN, NaN, 0.1]);
    expect(Array.from(rollingMean(x, 3, { minPeriods: 0 }))).toEqual([0.1, 0.1, 0.1, 0.1, 0.1, NaN, 0.1]);
    expect(Array.from(rollingSum(x, 3, { minPeriods: 0 }))).toEqual([0.1, 0.2, 0.1 * 3, 0.2, 0.1, 0, 0.1]);
    expect((0.1 + 0.1 + 0.1) / 3).not.toBe(0.1); // the rule, not sum ÷ count, gives the mean's row 2
  });
});
