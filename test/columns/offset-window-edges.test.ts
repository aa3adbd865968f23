/**
 * Every offset-window kernel (sum, mean, var, std, min, max) at the edges of its window-start
 * pointer, against the rule written out window by window: row i's window is the rows j ≤ i of its
 * entity with t[i] − t[j] < offset (pandas `rolling(offset, on=time)`, closed 'right'), NaN
 * skipped and not counted, NaN below minPeriods (an empty window sums to 0 with minPeriods 0),
 * var/std ddof 1. Values are small integers, so every sum is exact whatever its order.
 */
import {
  groupsOf, rollingMax, rollingMean, rollingMin, rollingStd, rollingSum, rollingVar, type Groups, type WindowOptions,
} from '../../src/columns';
import { expectClose, f64, present, sampleVar } from './helpers';

type Kernel = (x: Float64Array, window: string, opts?: WindowOptions) => Float64Array;
const D = 86_400_000;

const stats: Record<string, [Kernel, (v: number[], minPeriods: number) => number]> = {
  sum: [rollingSum, (v, mp) => (v.length < mp ? NaN : v.reduce((a, b) => a + b, 0))],
  mean: [rollingMean, (v, mp) => (v.length < mp || v.length === 0 ? NaN : v.reduce((a, b) => a + b, 0) / v.length)],
  var: [rollingVar, (v, mp) => (v.length < mp ? NaN : sampleVar(v))],
  std: [rollingStd, (v, mp) => (v.length < mp ? NaN : Math.sqrt(sampleVar(v)))],
  min: [rollingMin, (v, mp) => (v.length < mp || v.length === 0 ? NaN : Math.min(...v))],
  max: [rollingMax, (v, mp) => (v.length < mp || v.length === 0 ? NaN : Math.max(...v))],
};

/** The rule, window by window. `entity[i]` says which entity row i is in. */
function rule(
  stat: string, x: Float64Array, t: Float64Array, entity: number[], width: number, minPeriods: number,
): Float64Array {
  return Float64Array.from(x, (_, i) => {
    const values: number[] = [];
    for (let j = i; j >= 0 && entity[j] === entity[i] && t[i] - t[j] < width; j--) values.unshift(x[j]);
    return stats[stat][1](present(values), minPeriods);
  });
}

function check(
  x: Float64Array, t: Float64Array, window: string, width: number, entity?: number[], minPeriods?: number,
): void {
  const groups: Groups | undefined = entity === undefined ? undefined : groupsOf(entity);
  const keys = entity ?? Array.from(x, () => 0);
  for (const stat of Object.keys(stats)) {
    const got = stats[stat][0](x, window, { time: t, groups, minPeriods });
    expect([stat, got.length]).toEqual([stat, x.length]);
    expectClose(got, rule(stat, x, t, keys, width, minPeriods ?? 1), 1e-12);
  }
}

describe('offset windows at the edges, every kernel', () => {
  it('an empty column gives an empty column', () => {
    for (const stat of Object.keys(stats)) expect(Array.from(stats[stat][0](f64(), '1D', { time: f64() }))).toEqual([]);
  });

  it('one row, and one-row entities between longer ones', () => {
    check(f64(5), f64(0), '1D', D);
    check(f64(NaN), f64(0), '1D', D);
    check(f64(1, 2, 3, 4, 5), f64(0, 0, D, 2 * D, 3 * D), '2D', 2 * D, [1, 2, 2, 3, 4]);
  });

  it('all-NaN windows: NaN, and a sum of 0 with minPeriods 0', () => {
    const x = f64(NaN, NaN, 1, NaN, NaN, NaN);
    const t = f64(0, D, 2 * D, 3 * D, 4 * D, 5 * D);
    check(x, t, '2D', 2 * D);
    check(x, t, '2D', 2 * D, undefined, 0);
    expect(Array.from(rollingSum(x, '2D', { time: t, minPeriods: 0 }))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(Array.from(rollingMax(f64(NaN, NaN), '1D', { time: f64(0, 1), minPeriods: 0 }))).toEqual([NaN, NaN]);
  });

  it('equal times at the window boundary: rows exactly one offset back are out, rows at t are in', () => {
    // pairs of rows at days 0, 1, 2, 3: with '1D' a row sees its own time only; with '2D' the day before too
    const t = f64(0, 0, D, D, 2 * D, 2 * D, 3 * D, 3 * D);
    const x = f64(1, 2, 3, 4, 5, 6, 7, 8);
    check(x, t, '1D', D);
    check(x, t, '2D', 2 * D);
    expect(Array.from(rollingSum(x, '1D', { time: t }))).toEqual([1, 3, 3, 7, 5, 11, 7, 15]);
    expect(Array.from(rollingMin(x, '2D', { time: t }))).toEqual([1, 1, 1, 1, 3, 3, 5, 5]);
    check(x, t, '2D', 2 * D, undefined, 3);
  });

  it('float spacing: sub-millisecond times and offsets', () => {
    const t = f64(0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 4, 4.125);
    const x = f64(3, 1, 4, 1, 5, 9, 2, 6, 5);
    check(x, t, '0.5ms', 0.5);
    check(x, t, '1ms', 1);
    expect(Array.from(rollingMax(x, '0.5ms', { time: t }))).toEqual([3, 3, 4, 4, 5, 9, 9, 6, 6]);
    // times near 1.7e12 ms are 2^-12 ms apart at the finest; steps of 2^-10 ms
    const u = Float64Array.from({ length: 9 }, (_, i) => 1.7e12 + i / 1024);
    check(x, u, '0.003ms', 0.003);
  });

  it('random entities with duplicate times, NaN and long gaps, every minPeriods', () => {
    let s = 7;
    const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const n = 400;
    const entity: number[] = [], t = new Float64Array(n), x = new Float64Array(n);
    for (let i = 0, e = 0, day = 0; i < n; i++) {
      if (r() < 0.05) { e++; day = Math.floor(r() * 3); }
      entity.push(e);
      const step = r();
      day += step < 0.3 ? 0 : step < 0.9 ? 1 : 6; // duplicates, daily, and gaps longer than a window
      t[i] = day * D;
      x[i] = r() < 0.15 ? NaN : Math.floor(r() * 21) - 10;
    }
    for (const [window, width] of [['1D', D], ['3D', 3 * D], ['5D', 5 * D]] as const) {
      for (const minPeriods of [0, 1, 2, 4]) check(x, t, window, width, entity, minPeriods);
    }
  });
});
