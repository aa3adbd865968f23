/**
 * Per-entity aggregates broadcast to rows (pandas groupby().transform()) and whole-column
 * reductions: NaN skipped; sum of nothing is 0, mean/min/max/first/last of nothing NaN; ddof 1.
 */
import {
  count, groupCount, groupFirst, groupLast, groupMax, groupMean, groupMin, groupStd, groupSum, groupVar, groupsOf,
  max, mean, min, std, sum, variance,
} from '../../src/columns';
import { expectClose, f64, sampleVar } from './helpers';

describe('per-entity aggregates', () => {
  // entity a: 1, NaN, 4, 7; entity b: NaN, NaN; entity c: 5
  const groups = groupsOf(['a', 'a', 'a', 'a', 'b', 'b', 'c']);
  const x = f64(1, NaN, 4, 7, NaN, NaN, 5);
  const a = (v: number) => [v, v, v, v];
  const va = sampleVar([1, 4, 7]);

  it.each<[string, (x: Float64Array, g: typeof groups) => Float64Array, number[]]>([
    ['groupSum', groupSum, [...a(12), 0, 0, 5]],
    ['groupMean', groupMean, [...a(4), NaN, NaN, 5]],
    ['groupVar', groupVar, [...a(va), NaN, NaN, NaN]],
    ['groupStd', groupStd, [...a(Math.sqrt(va)), NaN, NaN, NaN]],
    ['groupMin', groupMin, [...a(1), NaN, NaN, 5]],
    ['groupMax', groupMax, [...a(7), NaN, NaN, 5]],
    ['groupCount', groupCount, [...a(3), 0, 0, 1]],
    ['groupFirst', groupFirst, [...a(1), NaN, NaN, 5]],
    ['groupLast', groupLast, [...a(7), NaN, NaN, 5]],
  ])('%s', (_, kernel, expected) => {
    expectClose(kernel(x, groups), expected);
  });

  it('treat undefined groups as one group, and write into opts.out', () => {
    const out = new Float64Array(7);
    expect(groupMean(x, undefined, { out })).toBe(out);
    expectClose(out, new Array(7).fill((1 + 4 + 7 + 5) / 4));
  });

  it('give exactly 0 variance for equal values', () => {
    expect(Object.is(groupStd(f64(0.1, 0.1, 0.1), groupsOf([1, 1, 1]))[0], 0)).toBe(true);
  });
});

describe('reductions', () => {
  const x = f64(3, NaN, 1, 2);
  it('skip NaN', () => {
    expect(sum(x)).toBe(6);
    expect(mean(x)).toBe(2);
    expect(variance(x)).toBeCloseTo(sampleVar([3, 1, 2]), 15);
    expect(std(x)).toBeCloseTo(1, 15);
    expect(min(x)).toBe(1);
    expect(max(x)).toBe(3);
    expect(count(x)).toBe(3);
  });

  it('of nothing: sum 0, count 0, the others NaN', () => {
    const none = f64(NaN);
    expect([sum(none), count(none)]).toEqual([0, 0]);
    for (const r of [mean, variance, std, min, max]) expect(r(none)).toBeNaN();
    expect(std(f64(4))).toBeNaN();
  });
});
