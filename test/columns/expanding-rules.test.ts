/**
 * The expanding mean and sum write pandas' `calc_mean` / `calc_sum` rule out in their own loops
 * (for speed, kern16c); here every row of every entity is held to `sumResult`, the rule's one
 * statement, bit for bit: NaN below minPeriods, 0 (sum) or NaN (mean) before the first value with
 * minPeriods 0, exactly the value (× count) while all values are equal, the clamp at 0.
 */
import { expandingMean, expandingSum, groupsOf } from '../../src/columns';
import { MEAN, SUM, sumResult } from '../../src/columns/sum-result';

/** The rule row by row over each entity: the TwoSum running sum of sum-result.ts, then `sumResult`. */
function reference(x: Float64Array, keys: number[], minPeriods: number, mode: number): Float64Array {
  const out = new Float64Array(x.length);
  let nobs = 0, hi = 0, lo = 0, negatives = 0, same = 0, prev = NaN;
  for (let i = 0; i < x.length; i++) {
    if (i === 0 || keys[i] !== keys[i - 1]) { nobs = 0; hi = 0; lo = 0; negatives = 0; same = 0; prev = NaN; }
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

/** Seeded values with NaN, ±Infinity, runs of equal values, and entities of one sign. */
function series(n: number, seed: number): { x: Float64Array; keys: number[] } {
  let h = seed;
  const u = () => ((h = (Math.imul(h, 1103515245) + 12345) >>> 0) / 4294967296);
  const x = new Float64Array(n), keys: number[] = [];
  let key = 0, sign = 0, left = 0, run = 0.1;
  for (let i = 0; i < n; i++) {
    if (left-- <= 0) { key++; left = Math.floor(u() * 12); sign = Math.floor(u() * 3) - 1; }
    const w = u();
    if (w < 0.1) x[i] = NaN;
    else if (w < 0.13) x[i] = w < 0.115 ? Infinity : -Infinity;
    else if (w < 0.45) x[i] = run; // equal values: the mean of three 0.1 is not 0.1 by sum ÷ count
    else {
      x[i] = sign === 0 ? u() * 2 - 1 : sign * u() * 1e-3;
      if (w > 0.9) run = x[i];
    }
    keys.push(key);
  }
  return { x, keys };
}

describe('expandingMean and expandingSum keep sumResult\'s rule', () => {
  it.each([0, 1, 2, 3])('on every row of every entity, bit for bit (minPeriods %i)', (minPeriods) => {
    for (const seed of [1, 2, 3]) {
      const { x, keys } = series(3000, seed);
      const groups = groupsOf(keys);
      const pairs: [Float64Array, Float64Array][] = [
        [expandingMean(x, { groups, minPeriods }), reference(x, keys, minPeriods, MEAN)],
        [expandingSum(x, { groups, minPeriods }), reference(x, keys, minPeriods, SUM)],
      ];
      for (const [got, want] of pairs) {
        const bad = Array.from(got).findIndex((v, i) => !Object.is(v, want[i]));
        expect(bad === -1 ? 'all rows equal' : `row ${bad}: ${got[bad]} vs ${want[bad]}`).toBe('all rows equal');
      }
    }
  });

  it('gives the value itself while all values are equal, and 0 or NaN before the first one', () => {
    const groups = groupsOf(['a', 'a', 'a', 'a', 'b', 'b', 'b']);
    const x = Float64Array.from([0.1, 0.1, 0.1, NaN, NaN, 0.1, 0.1]);
    expect(Array.from(expandingMean(x, { groups, minPeriods: 0 }))).toEqual([0.1, 0.1, 0.1, 0.1, NaN, 0.1, 0.1]);
    expect(Array.from(expandingSum(x, { groups, minPeriods: 0 }))).toEqual([0.1, 0.2, 0.1 * 3, 0.1 * 3, 0, 0.1, 0.2]);
    expect((0.1 + 0.1 + 0.1) / 3).not.toBe(0.1); // the rule, not sum ÷ count, gives the mean's row 2
  });
});
