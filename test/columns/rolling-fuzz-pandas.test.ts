/**
 * 110 random adversarial series (test/fixtures/pandas/rolling_fuzz.py, fixture rolling-fuzz.json):
 * ±1e15 spikes among ~1e-3 values, cancelling pairs, NaN runs longer than the window, equal runs,
 * zeros, negative stretches, values sharing a 1e9 offset, all-NaN series; row windows 1, 2, 3, 4,
 * 7, 8, 9, 28 with minPeriods 0..window or the default, and the same as offset windows ('28D' over
 * daily rows); expanding and ewm. Each kernel against
 * pandas 1.5 and against the exact result (math.fsum, fractions):
 *
 * - the NaN rows are pandas' (minPeriods, NaN skipped and counted out, an empty window's sum 0);
 * - everywhere pandas is itself exact (within 1e-9 of the exact result), quiver is within 1e-9
 *   × max(1, |pandas|) of pandas;
 * - where it is not (pandas' Kahan sum keeps rounding of a ±1e15 that left the window; its Welford
 *   variance loses digits of values sharing an offset), quiver is the exact result: the running
 *   sums (minPeriods, expanding) and every variance within 1e-9 of it, full windows (direct sums
 *   and block split, which re-add each window's own values) within 1e-12 × Σ|window| when the
 *   window itself holds values that cancel.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  ewmMean, expandingMean, expandingStd, expandingSum, expandingVar, rollingMean, rollingStd, rollingSum, rollingVar,
} from '../../src';

type Values = (number | null)[];
interface Series {
  x: Values; window: number; minPeriods: number | null; expandingMinPeriods: number;
  ewm: { span?: number; alpha?: number; adjust: boolean; minPeriods: number };
  rolling: Record<'mean' | 'sum' | 'var' | 'std', Values>;
  expanding: Record<'mean' | 'sum' | 'var' | 'std', Values>;
  ewmMean: Values;
  exact: { rollingSum: Values; rollingVar: Values; expandingSum: Values; expandingVar: Values };
}
const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/pandas/rolling-fuzz.json'), 'utf8')) as
  { series: Series[] };
const DAY = 86_400_000;
const nan = (values: Values) => Float64Array.from(values, (v) => (v === null ? NaN : v));

/** Within 1e-9 × max(1, |b|) (the fixture holds 13 significant digits). */
const near = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
/** Within 1e-9 of b relative to b itself (variances can be far below 1). */
const nearRelative = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.abs(b);

interface Check {
  got: Float64Array; pandas: Float64Array; exact: Float64Array;
  /** The closeness quiver owes the exact result (`near` or `nearRelative`). */
  close: (a: number, b: number) => boolean;
  /** Σ|x| over row i's window when the kernel may round like any plain sum of it (full windows), else 0. */
  scale?: (i: number) => number;
}

function mismatches({ got, pandas, exact, close, scale }: Check): string[] {
  const bad: string[] = [];
  got.forEach((g, i) => {
    const p = pandas[i], e = exact[i];
    if (Number.isNaN(p) || Number.isNaN(g)) {
      if (Number.isNaN(p) !== Number.isNaN(g)) bad.push(`[${i}] got ${g}, pandas ${p}`);
      return;
    }
    const pandasExact = Number.isNaN(e) || close(p, e);
    const ok = pandasExact
      ? near(g, p)
      : close(g, e) || (scale !== undefined && Math.abs(g - e) <= 1e-12 * scale(i));
    if (!ok) bad.push(`[${i}] got ${g}, pandas ${p}, exact ${e}`);
  });
  return bad;
}

/** Non-NaN rows in each window ending at row i (`from(i)` its first row). */
function counts(x: Float64Array, from: (i: number) => number): Float64Array {
  return x.map((_, i) => {
    let c = 0;
    for (let j = from(i); j <= i; j++) if (x[j] === x[j]) c++;
    return c;
  });
}

const label = (s: Series, k: number) =>
  `#${k}: ${s.x.length} rows, window ${s.window}, minPeriods ${s.minPeriods ?? 'default'}`;

/** Σ|x| over each row's window (x[from(i) .. i]), NaN skipped. */
function windowScale(x: Float64Array, from: (i: number) => number): (i: number) => number {
  return (i) => {
    let a = 0;
    for (let j = from(i); j <= i; j++) if (x[j] === x[j]) a += Math.abs(x[j]);
    return a;
  };
}

/** Every kernel of one series, checked; returns the mismatching rows by kernel (empty kernels left out). */
function check(s: Series): Record<string, string[]> {
  const x = nan(s.x);
  const w = s.window;
  const first = (i: number) => Math.max(0, i - w + 1);
  const opts = s.minPeriods === null ? {} : { minPeriods: s.minPeriods };
  const full = s.minPeriods === null || s.minPeriods === w;
  const n = counts(x, first), seen = counts(x, () => 0);
  const scale = full ? windowScale(x, first) : undefined;
  const meanScale = scale && ((i: number) => scale(i) / n[i]);
  const sum = nan(s.exact.rollingSum), v = nan(s.exact.rollingVar);
  const expSum = nan(s.exact.expandingSum), expVar = nan(s.exact.expandingVar);
  const eo = { minPeriods: s.expandingMinPeriods };
  const byDay = { time: x.map((_, i) => i * DAY), minPeriods: s.minPeriods ?? w };
  const { rolling: r, expanding: e } = s;
  const bad: Record<string, string[]> = {
    rollingSum: mismatches({ got: rollingSum(x, w, opts), pandas: nan(r.sum), exact: sum, close: near, scale }),
    rollingMean: mismatches({
      got: rollingMean(x, w, opts), pandas: nan(r.mean), exact: sum.map((t, i) => t / n[i]),
      close: near, scale: meanScale,
    }),
    rollingVar: mismatches({ got: rollingVar(x, w, opts), pandas: nan(r.var), exact: v, close: nearRelative }),
    rollingStd: mismatches({
      got: rollingStd(x, w, opts), pandas: nan(r.std), exact: v.map(Math.sqrt), close: nearRelative,
    }),
    expandingSum: mismatches({ got: expandingSum(x, eo), pandas: nan(e.sum), exact: expSum, close: near }),
    expandingMean: mismatches({
      got: expandingMean(x, eo), pandas: nan(e.mean), exact: expSum.map((t, i) => t / seen[i]), close: near,
    }),
    expandingVar: mismatches({ got: expandingVar(x, eo), pandas: nan(e.var), exact: expVar, close: nearRelative }),
    expandingStd: mismatches({
      got: expandingStd(x, eo), pandas: nan(e.std), exact: expVar.map(Math.sqrt), close: nearRelative,
    }),
    // Offset windows on daily rows: '{w}D' holds the same rows as the row window (its own loop).
    offsetSum: mismatches({ got: rollingSum(x, `${w}D`, byDay), pandas: nan(r.sum), exact: sum, close: near }),
    offsetMean: mismatches({
      got: rollingMean(x, `${w}D`, byDay), pandas: nan(r.mean), exact: sum.map((t, i) => t / n[i]), close: near,
    }),
    offsetVar: mismatches({ got: rollingVar(x, `${w}D`, byDay), pandas: nan(r.var), exact: v, close: nearRelative }),
    // ewm has no exact column: a weighted mean without subtraction, pandas is the oracle everywhere.
    ewmMean: mismatches({ got: ewmMean(x, s.ewm), pandas: nan(s.ewmMean), exact: nan(s.ewmMean), close: near }),
  };
  for (const k of Object.keys(bad)) if (bad[k].length === 0) delete bad[k];
  return bad;
}

describe('running sums, means and variances: pandas 1.5 on adversarial data, or exact where pandas is off', () => {
  it.each(oracle.series.map((s, k) => [label(s, k), s] as const))('%s', (_, s) => {
    expect(check(s)).toEqual({});
  });

  // Both faults fixed in issue 16 show in the fixture: pandas' own drift, and the old sum's where pandas is exact.
  it('the fixture holds rows where pandas misses the exact sum and rows an old-style Kahan sum gets wrong', () => {
    let pandasOff = 0, kahanOff = 0;
    for (const s of oracle.series) {
      if (s.minPeriods === null || s.minPeriods === s.window) continue;
      const x = nan(s.x), exact = nan(s.exact.rollingSum), pandas = nan(s.rolling.sum);
      const kahan = kahanRollingSum(x, s.window, s.minPeriods);
      exact.forEach((e, i) => {
        if (Number.isNaN(e)) return;
        if (!near(pandas[i], e)) pandasOff++;
        else if (!near(kahan[i], pandas[i])) kahanOff++;
      });
    }
    expect(pandasOff).toBeGreaterThan(20);
    expect(kahanOff).toBeGreaterThan(20);
  });
});

/** The running sum quiver had before (one Kahan compensation for adds and removes, reset at 0 values). */
function kahanRollingSum(x: Float64Array, w: number, minPeriods: number): Float64Array {
  let nobs = 0, sum = 0, comp = 0;
  return x.map((v, i) => {
    const u = i >= w ? x[i - w] : NaN;
    if (u === u) {
      if (--nobs === 0) { sum = 0; comp = 0; }
      else { const y = -u - comp, t = sum + y; comp = t - sum - y; sum = t; }
    }
    if (v === v) { nobs++; const y = v - comp, t = sum + y; comp = t - sum - y; sum = t; }
    return nobs >= minPeriods ? sum : NaN;
  });
}

/** The exactly rounded sum of `values` (Shewchuk's partials, as Python's math.fsum). */
function exactSum(values: number[]): number {
  const partials: number[] = [];
  for (let v of values) {
    let k = 0;
    for (let p of partials) {
      if (Math.abs(v) < Math.abs(p)) [v, p] = [p, v];
      const hi = v + p, lo = p - (hi - v);
      if (lo !== 0) partials[k++] = lo;
      v = hi;
    }
    partials.length = k;
    partials.push(v);
  }
  return partials.reduce((a, b) => a + b, 0);
}

describe('a long series with many spikes', () => {
  it('keeps each rolling mean with minPeriods within 1e-12 relative of the exact one after 40 spikes', () => {
    const n = 10_000, w = 28;
    const x = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) * 1e-6 + 1e-6);
    for (let i = 250; i < n; i += 500) { x[i] = i % 1000 === 250 ? 1e15 : -7e14; x[i + 1] = 3e14; }
    const got = rollingMean(x, w, { minPeriods: 1 });
    const bad: string[] = [];
    for (let i = w; i < n; i += 7) {
      const win = Array.from(x.subarray(i - w + 1, i + 1));
      if (win.some((v) => Math.abs(v) > 1)) continue;
      const e = exactSum(win) / w;
      if (Math.abs(got[i] - e) > 1e-12 * e) bad.push(`[${i}] got ${got[i]}, exact ${e}`);
    }
    expect(bad).toEqual([]);
  });
});
