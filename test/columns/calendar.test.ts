/**
 * Calendar fields (UTC) checked against JavaScript's own Date getters and ISO 8601's definition
 * (a week belongs to the year of its Thursday), plus Arrow Date/Timestamp vectors of every unit.
 */
import {
  DateDay, DateMillisecond, makeData, makeVector, TimestampMicrosecond, TimestampMillisecond, TimestampNanosecond,
  TimestampSecond, vectorFromArray,
} from 'apache-arrow';
import { InputError } from '../../src/errors';
import { dayOfMonth, dayOfWeek, dayOfYear, isoWeek, isoYear, month, quarter, year } from '../../src/columns';
import { expectClose, f64, thrown } from './helpers';

const DAY = 86400000;
const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

/** ISO week and year from the definition: the week's Thursday decides the year; week 1 holds 4 January. */
function isoReference(ms: number): [number, number] {
  const date = new Date(ms);
  const mondayBased = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - mondayBased + 3));
  const y = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const week1Monday = Date.UTC(y, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  return [Math.round((thursday.getTime() - week1Monday) / (7 * DAY)) + 1, y];
}

describe('ISO weeks around year boundaries', () => {
  it.each<[string, number, number, number]>([
    ['2015-12-31 (Thursday)', 53, 2015, utc(2015, 12, 31)],
    ['2016-01-03 (Sunday)', 53, 2015, utc(2016, 1, 3)],
    ['2016-01-04 (Monday)', 1, 2016, utc(2016, 1, 4)],
    ['2018-12-31 (Monday)', 1, 2019, utc(2018, 12, 31)],
    ['2020-12-31', 53, 2020, utc(2020, 12, 31)],
    ['2021-01-01', 53, 2020, utc(2021, 1, 1)],
    ['2008-12-29', 1, 2009, utc(2008, 12, 29)],
    ['2010-01-03 23:00', 53, 2009, utc(2010, 1, 3, 23)],
    ['1969-12-31 (before the epoch)', 1, 1970, utc(1969, 12, 31, 12)],
  ])('%s is week %p of %p', (_, week, y, ms) => {
    expect(Array.from(isoWeek(f64(ms)))).toEqual([week]);
    expect(Array.from(isoYear(f64(ms)))).toEqual([y]);
  });
});

describe('dayOfYear in leap and common years', () => {
  it.each<[string, number, number]>([
    ['2024-02-29', 60, utc(2024, 2, 29)],
    ['2024-03-01 (leap)', 61, utc(2024, 3, 1)],
    ['2023-03-01', 60, utc(2023, 3, 1)],
    ['2024-12-31', 366, utc(2024, 12, 31)],
    ['2023-12-31', 365, utc(2023, 12, 31)],
    ['2000-12-31 (divisible by 400: leap)', 366, utc(2000, 12, 31)],
    ['1900-12-31 (divisible by 100: common)', 365, utc(1900, 12, 31)],
    ['2100-03-01', 60, utc(2100, 3, 1)],
  ])('%s is day %p', (_, doy, ms) => {
    expect(Array.from(dayOfYear(f64(ms)))).toEqual([doy]);
  });
});

describe('every field on every day from 1896 to 2104, at varying times of day', () => {
  const start = utc(1896, 1, 1), end = utc(2104, 12, 31);
  const days = (end - start) / DAY + 1;
  const t = Float64Array.from({ length: days }, (_, i) => start + i * DAY + ((i * 7919) % DAY));
  const dates = Array.from(t, (ms) => new Date(ms));

  it.each<[string, (t: Float64Array) => Float64Array, (d: Date) => number]>([
    ['year', year, (d) => d.getUTCFullYear()],
    ['month', month, (d) => d.getUTCMonth() + 1],
    ['quarter', quarter, (d) => Math.floor(d.getUTCMonth() / 3) + 1],
    ['dayOfMonth', dayOfMonth, (d) => d.getUTCDate()],
    ['dayOfWeek (Monday 0)', dayOfWeek, (d) => (d.getUTCDay() + 6) % 7],
    ['dayOfYear', dayOfYear, (d) => Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY) + 1],
    ['isoWeek', isoWeek, (d) => isoReference(d.getTime())[0]],
    ['isoYear', isoYear, (d) => isoReference(d.getTime())[1]],
  ])('%s', (_, kernel, reference) => {
    const got = kernel(t);
    const wrong = dates.map((d, i) => [d.toISOString(), got[i], reference(d)]).filter(([, g, r]) => g !== r);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('inputs', () => {
  it('gives NaN for NaN and infinite timestamps', () => {
    expectClose(month(f64(NaN, Infinity, -Infinity, utc(2024, 5, 5))), [NaN, NaN, NaN, 5]);
  });

  it('accepts number[] and writes into opts.out', () => {
    const out = new Float64Array(1);
    expect(year([utc(1999, 12, 31, 23)] as never, { out })).toBe(out);
    expect(out[0]).toBe(1999);
  });

  const instants = [utc(2016, 1, 3, 23) + 59 * 60000 + 59000, null, utc(1969, 12, 31, 1), utc(2018, 12, 31)];
  const dates = instants.map((ms) => (ms === null ? null : new Date(ms)));
  // expected per row from JavaScript's Date: the UTC day of the instant, NaN for null
  const expected = (f: (d: Date) => number) => dates.map((d) => (d === null ? NaN : f(d)));

  it.each([
    ['DateDay', new DateDay()],
    ['DateMillisecond', new DateMillisecond()],
    ['TimestampSecond', new TimestampSecond()],
    ['TimestampMillisecond', new TimestampMillisecond()],
    ['TimestampMicrosecond', new TimestampMicrosecond()],
    ['TimestampNanosecond', new TimestampNanosecond('UTC')],
  ])('reads an Arrow %s vector by its unit, nulls as NaN', (_, type) => {
    const v = vectorFromArray(dates, type as never);
    expectClose(dayOfWeek(v as never), expected((d) => (d.getUTCDay() + 6) % 7));
    expectClose(dayOfMonth(v as never), expected((d) => d.getUTCDate()));
    expectClose(isoWeek(v as never), expected((d) => isoReference(d.getTime())[0]));
  });

  it('reads sliced and multi-chunk Arrow vectors', () => {
    const a = vectorFromArray(dates, new TimestampMillisecond());
    const joined = a.concat(a.slice(1));
    expect(joined.data.length).toBe(2);
    const days = expected((d) => d.getUTCDate());
    expectClose(dayOfMonth(joined as never), [...days, ...days.slice(1)]);
  });

  it('floors nanoseconds to the day exactly, even one nanosecond before midnight', () => {
    const beforeMidnight = BigInt(utc(2016, 1, 4)) * 1_000_000n - 1n; // Sunday 23:59:59.999999999
    const beforeEpoch = -1n; // 1969-12-31T23:59:59.999999999, a Wednesday
    const data = makeData({ type: new TimestampNanosecond(), length: 2, nullCount: 0, data: BigInt64Array.of(beforeMidnight, beforeEpoch) });
    expect(Array.from(dayOfWeek(makeVector(data) as never))).toEqual([6, 2]);
    const micro = makeData({ type: new TimestampMicrosecond(), length: 1, nullCount: 0, data: BigInt64Array.of(BigInt(utc(2016, 1, 4)) * 1000n - 1n) });
    expect(Array.from(dayOfWeek(makeVector(micro) as never))).toEqual([6]);
  });

  it('refuses Arrow vectors that are not dates and things that are not columns', () => {
    const e = thrown(() => month(vectorFromArray(['2024-01-01']) as never));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/^month: t must be epoch milliseconds \(a Float64Array\) or an Arrow Date\/Timestamp vector; got an Arrow vector of type Dictionary<Int32, Utf8>\. Parse the column into dates first\.$/);
    expect(thrown(() => year(new Date() as never)).message).toBe(
      'year: t must be a Float64Array, another typed array or an array of numbers; got Date. Copy an Arrow vector with Float64Array.from(vector, (v) => v ?? NaN), so nulls become NaN.',
    );
  });
});
