/**
 * fillCalendar against pandas 1.5's `set_index(time).asfreq(freq)` per entity (fixtures from
 * test/fixtures/pandas/generate.py: stocks.csv with rows dropped on a daily calendar; hourly
 * readings with gaps on 'h' and on a 2-hour step in ms), and its rules and messages.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tableFromArrays } from 'apache-arrow';
import { InputError } from '../../src/errors';
import { groupsOf, rollingMean } from '../../src/columns';
import { fillCalendar } from '../../src/timeseries';

type Frame = Record<string, (string | number | null)[]>;
const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/pandas/fill-calendar.json'), 'utf8')) as {
  stocks: { input: Frame; freq: string; expected: Frame };
  hourly: { input: Frame; cases: { freq: string | number; expected: Frame }[] };
};

/** The oracle's rows (pandas keeps the entities in order of appearance) in sorted entity order. */
function byEntity(frame: Frame, entity: string): Frame {
  const rows = frame[entity].map((_, i) => i);
  rows.sort((a, b) => (frame[entity][a]! < frame[entity][b]! ? -1 : frame[entity][a]! > frame[entity][b]! ? 1 : a - b));
  return Object.fromEntries(Object.entries(frame).map(([k, v]) => [k, rows.map((i) => v[i])]));
}

function check(input: Frame, entity: string, time: string, value: string, freq: string | number, expected: Frame) {
  const data = { ...input, [value]: Float64Array.from(input[value], (v) => (v === null ? NaN : (v as number))) };
  const filled = fillCalendar(data, { entity, time, freq });
  const want = byEntity(expected, entity);
  expect(filled.columns[entity]).toEqual(want[entity]);
  expect(Array.from(filled.columns[time] as Float64Array)).toEqual(want[time]);
  expect(Array.from(filled.columns[value] as Float64Array)).toEqual(want[value].map((v) => v ?? NaN));
  expect(filled.rows).toBe(want[time].length);
  expect(filled.added.length).toBe(want[time].length - input[time].length);
  for (const i of filled.added) expect(Number.isNaN((filled.columns[value] as Float64Array)[i])).toBe(true);
}

describe('fillCalendar matches pandas asfreq per entity', () => {
  it("stocks.csv (monthly, late starts, rows dropped) on a daily calendar", () => {
    const { input, freq, expected } = oracle.stocks;
    check(input, 'symbol', 'date', 'price', freq, expected);
  });
  const hourly = oracle.hourly.cases.map((c) => [String(c.freq), c] as const);
  it.each(hourly)('hourly readings with gaps, freq %s', (_, c) => {
    check(oracle.hourly.input, 'e', 't', 'v', c.freq, c.expected);
  });
});

describe('fillCalendar: the rules', () => {
  const D = 86_400_000;
  const data = {
    store: ['b', 'a', 'a', 'b'],
    day: ['2024-01-03', '2024-01-01', '2024-01-04', '2024-01-01'],
    sales: Int32Array.of(9, 5, 7, 8),
    open: [true, true, false, true],
  };

  it('sorts by (entity, time); fills entity and time, NaN for numbers (ints become floats), null for the rest', () => {
    const filled = fillCalendar(data, { entity: 'store', time: 'day', freq: 'D' });
    const day0 = Date.UTC(2024, 0, 1);
    expect(filled.columns.store).toEqual(['a', 'a', 'a', 'a', 'b', 'b', 'b']);
    expect(Array.from(filled.columns.day as Float64Array)).toEqual([0, 1, 2, 3, 0, 1, 2].map((k) => day0 + k * D));
    expect(filled.columns.sales).toEqual(Float64Array.of(5, NaN, NaN, 7, 8, NaN, 9));
    expect(filled.columns.open).toEqual([true, null, null, false, true, null, true]);
    expect(Array.from(filled.added)).toEqual([1, 2, 5]);
    expect(filled.rows).toBe(7);
  });

  it('makes a row window a time window again', () => {
    const filled = fillCalendar(data, { entity: 'store', time: 'day', freq: 'D' });
    const time = filled.columns.day as Float64Array;
    const sales = filled.columns.sales as Float64Array;
    const groups = groupsOf(filled.columns.store as string[]);
    const byRows = rollingMean(sales, 2, { minPeriods: 1, groups });
    expect(byRows[3]).toBe(7); // rows 2–3: NaN and 7, so day 3 alone — no longer day 0's 5
    expect(Array.from(byRows)).toEqual(Array.from(rollingMean(sales, '2D', { time, groups })));
  });

  it('reads an Arrow table and a step in ms or W (7 days from the first time)', () => {
    const table = tableFromArrays({ k: ['x', 'x'], t: Float64Array.of(0, 14 * D), v: Float64Array.of(1, 2) });
    expect(Array.from(fillCalendar(table, { entity: 'k', time: 't', freq: 'W' }).columns.v as Float64Array))
      .toEqual([1, NaN, 2]);
    expect(fillCalendar(table, { entity: 'k', time: 't', freq: 7 * D }).rows).toBe(3);
  });

  it('keeps a column named groups', () => {
    const filled = fillCalendar({ k: ['x', 'x'], t: [0, 2], groups: [1, 2] }, { entity: 'k', time: 't', freq: 1 });
    expect(filled.columns.groups).toEqual(Float64Array.of(1, NaN, 2));
  });
});

describe('fillCalendar: mistakes are InputErrors that name the fix', () => {
  const message = (fn: () => unknown) => {
    try { fn(); } catch (e) { expect(e).toBeInstanceOf(InputError); return (e as Error).message; }
    throw new Error('expected a throw');
  };

  it('names a row off the calendar instead of dropping it as pandas would', () => {
    expect(message(() => fillCalendar({ k: ['a', 'a', 'a'], t: ['2024-01-01', '2024-01-02T12:00', '2024-01-03'] },
      { entity: 'k', time: 't', freq: 'D' }))).toBe(
      'fillCalendar: entity "a" has a row at 2024-01-02T12:00:00.000Z (input row 1, counting from 0), ' +
        'which is not a whole number of 86400000 ms steps after its first time 2024-01-01. ' +
        'pandas asfreq would drop that row silently; round the times to the calendar first, or pick a finer freq.',
    );
  });

  it('names the row of the input, not of the sorted history (it said "row 2 after sorting" for input row 0)', () => {
    expect(message(() => fillCalendar({ k: ['b', 'a', 'b'], t: ['2024-01-02T12:00', '2024-01-01', '2024-01-01'] },
      { entity: 'k', time: 't', freq: 'D' }))).toContain('at 2024-01-02T12:00:00.000Z (input row 0, counting');
  });

  it('checks the grid exactly for fractional times and steps too', () => {
    // a whole step: a time 1 ms or 0.25 ms off the grid is refused, far from the first time as near it
    for (const off of [1, 0.25]) {
      const t = Float64Array.of(1.7e12, 1.7e12 + 5 * 86_400_000, 1.7e12 + 9 * 86_400_000 + off);
      expect(message(() => fillCalendar({ k: ['a', 'a', 'a'], t }, { entity: 'k', time: 't', freq: 'D' })))
        .toMatch(/^fillCalendar: entity "a" has a row at .* \(input row 2, counting from 0\), which is not a whole/);
    }
    // a fractional step: multiples of 0.5 ms are on the grid, 0.75 is not
    const half = fillCalendar({ k: ['a', 'a'], t: Float64Array.of(10, 11.5), v: Float64Array.of(1, 2) },
      { entity: 'k', time: 't', freq: '0.5ms' });
    expect(Array.from(half.columns.t as Float64Array)).toEqual([10, 10.5, 11, 11.5]);
    expect(Array.from(half.columns.v as Float64Array)).toEqual([1, NaN, NaN, 2]);
    const off = { k: ['a', 'a'], t: Float64Array.of(10, 10.75) };
    expect(() => fillCalendar(off, { entity: 'k', time: 't', freq: '0.5ms' })).toThrow(InputError);
  });

  it('lists the added rows when none, some and nearly all were added, across entities', () => {
    const none = fillCalendar({ k: ['a', 'a', 'b'], t: [0, 1, 7] }, { entity: 'k', time: 't', freq: 1 });
    expect(Array.from(none.added)).toEqual([]);
    const some = fillCalendar({ k: [2, 1, 2, 1], t: [0, 0, 3, 1], v: Float64Array.of(5, 6, 7, 8) },
      { entity: 'k', time: 't', freq: 1 });
    expect(Array.from(some.columns.k as number[])).toEqual([1, 1, 2, 2, 2, 2]);
    expect(Array.from(some.columns.v as Float64Array)).toEqual([6, 8, 5, NaN, NaN, 7]);
    expect(Array.from(some.added)).toEqual([3, 4]);
    const most = fillCalendar({ k: Int32Array.of(4, 4), t: [0, 5] }, { entity: 'k', time: 't', freq: 1 });
    expect(most.columns.k).toEqual(Int32Array.of(4, 4, 4, 4, 4, 4));
    expect(Array.from(most.added)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a duplicate (entity, time), an unknown option, a bad freq and a calendar too long', () => {
    expect(message(() => fillCalendar({ k: ['a', 'a'], t: [5, 5] }, { entity: 'k', time: 't', freq: 1 }))).toMatch(
      /^Duplicate \(entity, time\) pair: k "a" at 1970-01-01T00:00:00.005Z appears on rows 0 and 1/,
    );
    const misspelt = { entity: 'k', time: 't', freq: 'D', frq: 1 } as never;
    expect(message(() => fillCalendar({ k: ['a'], t: [5] }, misspelt))).toBe(
      'fillCalendar got an unknown option "frq" (did you mean "freq"?). Valid options: entity, time, freq, rowNames.',
    );
    expect(message(() => fillCalendar({ k: ['a'], t: [5] }, { entity: 'k', time: 't', freq: 'M' }))).toBe(
      'fillCalendar: freq: "M" has an unknown unit "M"; units are ms, s, min, h, D, W ' +
        '(months and years have no fixed length: use days).',
    );
    expect(message(() => fillCalendar({ k: ['a', 'a'], t: ['2000-01-01', '2024-01-01'] },
      { entity: 'k', time: 't', freq: 's' }))).toBe(
      'fillCalendar: a step of 1000 ms makes more than 50000000 rows; is freq right? ' +
        'Entity "a" alone spans 2000-01-01 to 2024-01-01.',
    );
  });
});
