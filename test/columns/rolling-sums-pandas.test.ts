/**
 * Row-window means and sums against pandas 1.5 (test/fixtures/pandas/generate.py, `rolling_sums`):
 * NaN runs longer than the window, minPeriods, lone 1e15 spikes among values of ~1e-3 (where a
 * running sum without compensation keeps the spike's rounding after it has left), values that
 * cancel, negative-only stretches, zeros and runs of equal values, per entity and over the whole
 * column. Windows 2–40 reach the direct sums, the block split and (with minPeriods) the
 * error-free running sum.
 */
import * as fs from 'fs';
import * as path from 'path';
import { groupsOf, rollingMean, rollingSum } from '../../src';
import { expectClose } from './helpers';

interface Case {
  stat: 'mean' | 'sum'; window: number; minPeriods: number | null; grouped: boolean;
  expected: (number | null)[]; exact: (number | null)[];
}
const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/pandas/rolling-sums.json'), 'utf8')) as
  { entity: string[]; x: (number | null)[]; cases: Case[] };
const nan = (values: (number | null)[]) => Float64Array.from(values, (v) => (v === null ? NaN : v));
const x = nan(oracle.x);
const groups = groupsOf(oracle.entity);
const groupOf = Int32Array.from(oracle.entity, (e) => ['runs', 'mags', 'signs'].indexOf(e));

/**
 * got matches the exact sums row by row: NaN where they are NaN, else within 1e-9 × max(1, |exact|)
 * or, where the window's own values cancel (±1e15 next to 1e-3), within 1e-12 of Σ|x| over the
 * window: any order of summing the window's values is that close, and nothing outside it may count.
 */
function expectWindowSums(got: Float64Array, exact: Float64Array, c: Case): void {
  const bad: string[] = [];
  const start = c.grouped ? (i: number) => groups.starts[groupOf[i]] : () => 0;
  exact.forEach((e, i) => {
    let scale = 0;
    for (let j = Math.max(start(i), i - c.window + 1); j <= i; j++) if (x[j] === x[j]) scale += Math.abs(x[j]);
    if (c.stat === 'mean') scale /= c.window;
    const d = Math.abs(got[i] - e);
    const close = got[i] === e || d <= 1e-9 * Math.max(1, Math.abs(e)) || d <= 1e-12 * scale;
    const ok = Number.isNaN(e) ? Number.isNaN(got[i]) : close;
    if (!ok) bad.push(`[${i}] got ${got[i]}, exact ${e}`);
  });
  expect(bad).toEqual([]);
}

function compute(c: Case): Float64Array {
  const opts = { ...(c.grouped ? { groups } : {}), ...(c.minPeriods === null ? {} : { minPeriods: c.minPeriods }) };
  return (c.stat === 'mean' ? rollingMean : rollingSum)(x, c.window, opts);
}

describe('rolling mean and sum match pandas 1.5 where compensation and NaN runs matter', () => {
  const label = (c: Case) =>
    `${c.stat} window ${c.window} minPeriods ${c.minPeriods ?? 'default'}${c.grouped ? ' per entity' : ''}`;
  /** Rows of an entity, as [from, to). */
  const rows = (e: string): [number, number] => [oracle.entity.indexOf(e), oracle.entity.lastIndexOf(e) + 1];
  const part = (v: ArrayLike<number>, [a, b]: [number, number]) => Array.prototype.slice.call(v, a, b) as number[];
  it.each(oracle.cases.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const got = compute(c);
    // Full windows sum each window afresh (direct or block split): exact to the window's own scale.
    if (c.minPeriods === null) expectWindowSums(got, nan(c.exact), c);
    // The running sum (minPeriods) keeps every rounding error: exact even where the window's own
    // values cancel, and where a ±1e15 has left (pandas' Kahan sum drifts there: issue 16).
    else expectClose(got, nan(c.exact), 1e-9);
    // With minPeriods pandas is the oracle wherever its own Kahan running sum is exact. (Full
    // windows may round a window of cancelling 1e8 pairs ~1e-9 away from it: within the scale above.)
    const exact = nan(c.exact), pandas = nan(c.expected);
    const where = (v: ArrayLike<number>) => Array.prototype.filter.call(v, (_: number, i: number) =>
      Number.isNaN(exact[i]) || Math.abs(pandas[i] - exact[i]) <= 1e-9 * Math.max(1, Math.abs(exact[i]))) as number[];
    if (c.minPeriods !== null) expectClose(where(got), where(pandas), 1e-9);
    if (c.grouped) expectClose(part(got, rows('runs')), part(pandas, rows('runs')), 1e-9);
  });

  // Issue 16: quiver's Kahan running sum was 3.8e-4 off here at window 2, where pandas is exact.
  it('with minPeriods, a 1e15 among ~1e-3 values leaves no rounding once it has left the window', () => {
    const mags = rows('mags');
    for (const mp of [1, 2]) {
      const c = oracle.cases.find((k) => k.stat === 'mean' && k.window === 2 && k.minPeriods === 1 && k.grouped)!;
      const got = part(rollingMean(x, 2, { groups, minPeriods: mp }), mags);
      const exact = part(nan(c.exact), mags);
      // The spike is row 20 of 'mags'; from row 22 on it is out of every window.
      for (let i = 22; i < 40; i++) expect(Math.abs(got[i] - exact[i])).toBeLessThan(1e-15);
    }
  });

  it('the fixture tells an uncompensated running sum apart (the tolerance above can fail)', () => {
    const c = oracle.cases.find((k) => k.stat === 'mean' && k.window === 28 && k.minPeriods === null && !k.grouped)!;
    const naive = new Float64Array(x.length);
    let sum = 0, nans = 0;
    for (let t = 0; t < x.length; t++) {
      if (x[t] !== x[t]) nans++; else sum += x[t];
      if (t >= 28) { const o = x[t - 28]; if (o !== o) nans--; else sum -= o; }
      naive[t] = t >= 27 && nans === 0 ? sum / 28 : NaN;
    }
    expect(() => expectClose(naive, nan(c.expected), 1e-9)).toThrow();
  });

  it('windows of equal values give exactly that value, zeros exactly 0, with or without minPeriods', () => {
    const mags = oracle.entity.indexOf('mags');
    const m = rollingMean(x, 28, { groups });
    for (let i = mags + 150; i < mags + 180; i++) expect(m[i]).toBe(0.1); // rows 120..179 of 'mags' are 0.1
    const signs = oracle.entity.indexOf('signs');
    // Rows 180..239 of 'signs' are zeros after ±1e8 and negatives: every full window of them is 0.
    for (let i = signs + 207; i < signs + 240; i++) expect(m[i]).toBe(0);
    for (const mp of [1, 14]) {
      const k = rollingMean(x, 28, { groups, minPeriods: mp });
      for (let i = signs + 207; i < signs + 240; i++) expect(k[i]).toBe(0);
    }
  });
});
