/**
 * The expanding mean and sum write pandas' `calc_mean` / `calc_sum` rule out in their own loops
 * (for speed, kern16c); here every row of every entity is held to `sumResult`, the rule's one
 * statement, bit for bit: NaN below minPeriods, 0 (sum) or NaN (mean) before the first value with
 * minPeriods 0, exactly the value (× count) while all values are equal, the clamp at 0.
 */
import { expandingMean, expandingSum, groupsOf } from '../../src/columns';
import { MEAN, SUM } from '../../src/columns/sum-result';
import { sumRuleReference, sumRuleSeries } from './support/sum-rule';

/** The rule row by row over each entity: an expanding window is one of every row so far. */
const reference = (x: Float64Array, keys: number[], minPeriods: number, mode: number) =>
  sumRuleReference(x, keys, Infinity, minPeriods, mode);
const series = (n: number, seed: number) => sumRuleSeries(n, seed, { maxEntityRows: 12 });

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
