/**
 * The rolling mean and sum (minPeriods < window, and time windows) write pandas' `calc_mean` /
 * `calc_sum` rule out in one loop per mode (for speed in a fresh process, cold16); here every row of
 * every entity is held to `sumResult`, the rule's one statement, bit for bit: NaN below minPeriods,
 * 0 (sum) or NaN (mean) for an empty window with minPeriods 0, exactly the value (× count) while the
 * window's values are all equal, the clamp at 0, after values have left the window.
 */
import { groupsOf, rollingMean, rollingSum } from '../../src/columns';
import { MEAN, SUM } from '../../src/columns/sum-result';
import { sumRuleReference, sumRuleSeries } from './support/sum-rule';

const reference = sumRuleReference;
const series = (n: number, seed: number) => sumRuleSeries(n, seed, { maxEntityRows: 40, gaps: true, spikes: true });

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
