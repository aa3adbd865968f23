/**
 * Offset windows (`rollingMean(x, '28D', { time, groups })` …) against pandas 1.5's
 * `rolling(offset, on=time)` per entity: fixtures made by test/fixtures/pandas/generate.py from
 * vega-datasets' stocks.csv (rows dropped at random, some prices NaN), an irregular series with
 * duplicate times, equal runs and values sharing a large offset, and a series holding ±Infinity.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../src/errors';
import {
  groupsOf, rollingMax, rollingMean, rollingMin, rollingStd, rollingSum, rollingVar, type WindowOptions,
} from '../../src/columns';
import { expectClose, f64, thrown } from './helpers';

type Kernel = (x: Float64Array, window: string, opts?: WindowOptions) => Float64Array;
const kernels: Record<string, Kernel> = {
  mean: rollingMean, sum: rollingSum, var: rollingVar, std: rollingStd, min: rollingMin, max: rollingMax,
};

interface Case { stat: string; window: string; minPeriods: number; expected: (number | null)[] }
/** x as the fixture holds it: null for NaN, "Infinity" / "-Infinity" for ±Infinity (JSON has neither). */
interface Series { entity: string[]; time: number[]; x: (number | string | null)[]; cases: Case[] }
const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/pandas/offset-windows.json'), 'utf8')) as
  Record<'stocks' | 'irregular' | 'infinite', Series>;
const nan = (values: (number | string | null)[]) => Float64Array.from(values, (v) => (v === null ? NaN : Number(v)));
const D = 86_400_000;
const UNIT: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, D, W: 7 * D };

/** Sample variance (two-pass, ddof 1) of the window of row i, from the values less their first one. */
function exactVar(x: Float64Array, t: Float64Array, entity: string[], i: number, c: Case, std: boolean): number {
  const [, count, unit] = /^(\d+)(\D+)$/.exec(c.window)!;
  const width = Number(count) * UNIT[unit];
  const values: number[] = [];
  for (let j = i; j >= 0 && entity[j] === entity[i] && t[j] > t[i] - width; j--) if (x[j] === x[j]) values.push(x[j]);
  if (values.length < Math.max(2, c.minPeriods)) return NaN;
  const base = values[0];
  const d = values.map((v) => v - base);
  const m = d.reduce((a, b) => a + b, 0) / d.length;
  const v = d.reduce((a, b) => a + (b - m) ** 2, 0) / (d.length - 1);
  return std ? Math.sqrt(v) : v;
}

// "infinite" holds ±Infinity among its values: pandas' rolling reads it as NaN (skipped, not counted).
describe.each(['stocks', 'irregular', 'infinite'] as const)('offset windows match pandas 1.5 on %s', (name) => {
  const series = oracle[name];
  const x = nan(series.x);
  const time = Float64Array.from(series.time);
  const groups = groupsOf(series.entity);
  it.each(series.cases.map((c) => [`${c.stat} '${c.window}' minPeriods ${c.minPeriods}`, c] as const))('%s', (_, c) => {
    const got = kernels[c.stat](x, c.window, { time, groups, minPeriods: c.minPeriods });
    const expected = nan(c.expected);
    // Entity "c" holds 1e9 + k/8: there pandas' online variance loses digits, so var/std are held
    // to the exact result (the API's rule), computed here window by window.
    if (c.stat === 'var' || c.stat === 'std') {
      for (let i = 0; i < x.length; i++) {
        if (series.entity[i] === 'c') expected[i] = exactVar(x, time, series.entity, i, c, c.stat === 'std');
      }
    }
    expectClose(got, expected, 1e-9);
  });
});

describe('offset windows: the rules', () => {
  // days 0, 1, 1, 3, 10: a duplicate time and a gap longer than the window
  const time = f64(0, D, D, 3 * D, 10 * D);
  const x = f64(1, 2, NaN, 4, 5);

  it("holds the rows in (t − offset, t]: closed right, so a row exactly one offset back is out", () => {
    expect(Array.from(rollingSum(x, '3D', { time }))).toEqual([1, 3, 3, 6, 5]);
    expect(Array.from(rollingSum(x, '2D', { time }))).toEqual([1, 3, 3, 4, 5]);
  });

  it('sees a duplicate time only from the later row (as pandas: the window ends at the row itself)', () => {
    const y = f64(1, 2, 3);
    expect(Array.from(rollingSum(y, '1D', { time: f64(0, 0, 0) }))).toEqual([1, 3, 6]);
  });

  it('keeps row i in its own window when the offset is below the rounding of t − offset', () => {
    // 1e-4 ms is under half an ulp of 1.7e12, so t − offset rounds to t; t[i] − t[j] ≥ offset does not.
    const t = f64(1.7e12, 1.7e12 + 1, 1.7e12 + 2);
    const y = f64(1, 2, 4);
    for (const k of [rollingSum, rollingMean, rollingMin, rollingMax]) {
      expect(Array.from(k(y, '0.0001ms', { time: t }))).toEqual([1, 2, 4]);
    }
    expect(Array.from(rollingSum(y, '1.5ms', { time: t }))).toEqual([1, 3, 6]);
  });

  it('skips NaN and counts it out: minPeriods defaults to 1', () => {
    expect(Array.from(rollingMean(f64(NaN, 2, NaN), '1D', { time: f64(0, D, 2 * D) }))).toEqual([NaN, 2, NaN]);
    expect(Array.from(rollingMean(x, '3D', { time, minPeriods: 2 }))).toEqual([NaN, 1.5, 1.5, 3, NaN]);
  });

  it('gives exactly 0 for std of equal values and exact extremes', () => {
    const y = f64(7.1, 7.1, 7.1, 3);
    const t = f64(0, 1, 2, 3);
    expect(Array.from(rollingStd(y, '3ms', { time: t }))).toEqual([NaN, 0, 0, rollingStd(f64(7.1, 7.1, 3), 3)[2]]);
    expect(Array.from(rollingMin(y, '2ms', { time: t }))).toEqual([7.1, 7.1, 7.1, 3]);
    expect(Array.from(rollingMax(y, '2ms', { time: t }))).toEqual([7.1, 7.1, 7.1, 7.1]);
  });

  it('never crosses from one entity into the next', () => {
    const groups = groupsOf(['a', 'a', 'b', 'b']);
    expect(Array.from(rollingSum(f64(1, 2, 3, 4), '10D', { time: f64(0, D, 0, D), groups }))).toEqual([1, 3, 3, 7]);
  });

  it('reads an offset in each unit, W as 7 days', () => {
    const t = f64(0, 1000, 60_000, 3_600_000, D, 7 * D);
    const y = f64(1, 1, 1, 1, 1, 1);
    expect(Array.from(rollingSum(y, '1000ms', { time: t }))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(rollingSum(y, '2s', { time: t }))).toEqual([1, 2, 1, 1, 1, 1]);
    expect(Array.from(rollingSum(y, '61s', { time: t }))).toEqual([1, 2, 3, 1, 1, 1]);
    expect(Array.from(rollingSum(y, '90min', { time: t }))).toEqual([1, 2, 3, 4, 1, 1]);
    expect(Array.from(rollingSum(y, '24h', { time: t }))).toEqual([1, 2, 3, 4, 4, 1]);
    expect(Array.from(rollingSum(y, '1W', { time: t }))).toEqual([1, 2, 3, 4, 5, 5]);
    expect(Array.from(rollingSum(y, 'W', { time: t }))).toEqual(Array.from(rollingSum(y, '7D', { time: t })));
  });

  it('writes into opts.out and leaves the input alone', () => {
    const out = new Float64Array(5);
    const copy = x.slice();
    expect(rollingMax(x, '3D', { time, out })).toBe(out);
    expect(Array.from(x)).toEqual(Array.from(copy));
  });
});

describe('offset windows: mistakes are InputErrors that say what to do', () => {
  const time = f64(0, 2, 1, 3);
  const x = f64(1, 2, 3, 4);

  it('names the entity and the rows when time goes back within an entity', () => {
    const groups = groupsOf(['a', 'a', 'b', 'b']);
    const e = thrown(() => rollingMean(x, '1D', { time: f64(0, D, 5 * D, 4 * D), groups }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(
      'rollingMean: opts.time is not ascending in entity "b" (rows 2–3): ' +
        'rows 2 and 3 hold 1970-01-06 then 1970-01-05. ' +
        "An offset window needs each entity's rows in time order: sort by (entity, time) first (entityHistory does).",
    );
  });

  it('names the column when there are no groups', () => {
    expect(thrown(() => rollingSum(x, '2ms', { time })).message).toBe(
      'rollingSum: opts.time is not ascending in the column (no opts.groups): rows 1 and 2 hold ' +
        '1970-01-01T00:00:00.002Z then 1970-01-01T00:00:00.001Z. ' +
        "An offset window needs each entity's rows in time order: sort by (entity, time) first (entityHistory does).",
    );
  });

  it('refuses a missing time', () => {
    expect(thrown(() => rollingStd(x, '1D', { time: f64(0, NaN, 2, 3) })).message).toBe(
      'rollingStd: opts.time has no time at row 1 (NaN) in the column (no opts.groups); every row needs a time.',
    );
  });

  it('refuses a missing or infinite time in sum and mean too (checked inside their loop)', () => {
    const groups = groupsOf(['a', 'a', 'b', 'b']);
    const sum = thrown(() => rollingSum(x, '1D', { time: f64(0, 1, 2, NaN), groups }));
    expect(sum).toBeInstanceOf(InputError);
    expect(sum.message).toBe(
      'rollingSum: opts.time has no time at row 3 (NaN) in entity "b" (rows 2–3); every row needs a time.',
    );
    expect(thrown(() => rollingMean(x, '1D', { time: f64(0, Infinity, 2, 3), groups })).message).toBe(
      'rollingMean: opts.time has no time at row 1 (Infinity) in entity "a" (rows 0–1); every row needs a time.',
    );
    expect(thrown(() => rollingSum(x, '1D', { time: f64(NaN, 1, 2, 3) })).message).toBe(
      'rollingSum: opts.time has no time at row 0 (NaN) in the column (no opts.groups); every row needs a time.',
    );
  });

  it('finds a time out of order or missing inside the loop of var, std, min and max too', () => {
    const groups = groupsOf(['a', 'a', 'b', 'b']);
    for (const [name, k] of Object.entries({ rollingVar, rollingStd, rollingMin, rollingMax })) {
      const back = thrown(() => k(x, '1D', { time: f64(0, D, 5 * D, 4 * D), groups }));
      expect(back).toBeInstanceOf(InputError);
      expect(back.message).toMatch(new RegExp(`^${name}: opts.time is not ascending in entity "b" \\(rows 2–3\\): `));
      expect(thrown(() => k(x, '1D', { time: f64(0, 1, 2, -Infinity), groups })).message).toBe(
        `${name}: opts.time has no time at row 3 (-Infinity) in entity "b" (rows 2–3); every row needs a time.`,
      );
    }
  });

  it('needs opts.time for an offset, and no opts.time for a row count', () => {
    expect(thrown(() => rollingMean(x, '28D')).message).toBe(
      'rollingMean: an offset window needs opts.time, the time of each row ' +
        '(epoch ms or an Arrow Date/Timestamp vector); ' +
        'pass { time } or give the window as a number of rows.',
    );
    expect(thrown(() => rollingMean(x, 28, { time })).message).toBe(
      "rollingMean: the window 28 is a number of rows, but opts.time is given too. " +
        "For a time window pass an offset such as '28D'; " +
        'for a row window leave opts.time out.',
    );
  });

  it('refuses an unknown unit with a suggestion, and a zero length', () => {
    const e = thrown(() => rollingMin(x, '28d', { time: f64(0, 1, 2, 3) }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(
      'rollingMin: "28d" has an unknown unit "d" (did you mean "D"?); units are ms, s, min, h, D, W ' +
        '(months and years have no fixed length: use days).',
    );
    expect(thrown(() => rollingMax(x, '28M', { time: f64(0, 1, 2, 3) })).message).toMatch(/unknown unit "M"/);
    expect(thrown(() => rollingMax(x, '0D', { time: f64(0, 1, 2, 3) })).message).toBe(
      'rollingMax: the offset "0D" has length 0; give a positive length such as "1D".',
    );
    expect(thrown(() => rollingMax(x, 'soon', { time: f64(0, 1, 2, 3) })).message).toMatch(/unknown unit "soon"/);
    expect(thrown(() => rollingMax(x, '-2D', { time: f64(0, 1, 2, 3) })).message).toBe(
      'rollingMax: the offset must be a count and a unit such as "28D" (units ms, s, min, h, D, W); got "-2D".',
    );
  });

  it('checks that time and x have the same rows', () => {
    expect(thrown(() => rollingVar(x, '1D', { time: f64(0, 1) })).message).toBe(
      'rollingVar: opts.time has 2 rows but x has 4; give one time per row of x.',
    );
  });
});
