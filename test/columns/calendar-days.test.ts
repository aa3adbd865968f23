/** isIn: 1 when the UTC day of t is in the calendar (epoch ms, Dates or YYYY-MM-DD), else 0; NaN for NaN. */
import { DateDay, vectorFromArray } from 'apache-arrow';
import { InputError } from '../../src/errors';
import { isIn } from '../../src/columns';
import { f64, thrown } from './helpers';

const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

describe('isIn', () => {
  const t = f64(utc(2024, 12, 25, 0), utc(2024, 12, 25, 23, 59), utc(2024, 12, 26), NaN, utc(2025, 1, 1, 12), utc(1969, 7, 20, 20, 17));

  it.each<[string, Iterable<number | Date | string>]>([
    ['YYYY-MM-DD strings', ['2024-12-25', '2025-01-01', '1969-07-20']],
    ['Dates at any time of day', [new Date(utc(2024, 12, 25, 18)), new Date(utc(2025, 1, 1)), new Date(utc(1969, 7, 20, 3))]],
    ['epoch ms, also as a Float64Array', f64(utc(2024, 12, 25, 9), utc(2025, 1, 1), utc(1969, 7, 20, 23, 59))],
    ['a Set of mixed entries', new Set<number | Date | string>(['2024-12-25', new Date(utc(2025, 1, 1)), utc(1969, 7, 20)])],
  ])('matches on the UTC day: %s', (_, calendar) => {
    expect(Array.from(isIn(t, calendar))).toEqual([1, 1, 0, NaN, 1, 1]);
  });

  it('gives 0 for an empty calendar and keeps NaN', () => {
    expect(Array.from(isIn(f64(utc(2024, 1, 1), NaN), []))).toEqual([0, NaN]);
  });

  it('handles calendars spanning more days than a bitmap holds', () => {
    expect(Array.from(isIn(f64(utc(2024, 5, 1, 8), utc(2024, 5, 2)), [-8e15, utc(2024, 5, 1)]))).toEqual([1, 0]);
  });

  it('keeps years 0–99 as written', () => {
    expect(Array.from(isIn(f64(Date.UTC(2050, 5, 1), new Date('0050-06-01T10:00:00Z').getTime()), ['0050-06-01']))).toEqual([0, 1]);
  });

  it('reads Arrow date vectors', () => {
    const v = vectorFromArray([new Date(utc(2024, 12, 25)), null, new Date(utc(2024, 12, 24))], new DateDay());
    expect(Array.from(isIn(v as never, ['2024-12-25']))).toEqual([1, NaN, 0]);
  });

  it.each<[string, unknown, string]>([
    ['an impossible date', ['2024-01-01', '2023-02-29'], 'isIn: calendar entry 1 ("2023-02-29") is not a day; use epoch milliseconds, a valid Date or a "YYYY-MM-DD" string.'],
    ['another date format', ['25/12/2024'], 'isIn: calendar entry 0 ("25/12/2024") is not a day; use epoch milliseconds, a valid Date or a "YYYY-MM-DD" string.'],
    ['an invalid Date', [new Date('nope')], 'isIn: calendar entry 0 (Invalid Date) is not a day; use epoch milliseconds, a valid Date or a "YYYY-MM-DD" string.'],
    ['NaN', [NaN], 'isIn: calendar entry 0 (NaN) is not a day; use epoch milliseconds, a valid Date or a "YYYY-MM-DD" string.'],
    ['a single string', '2024-12-25', 'isIn: calendar must be a list of days (epoch ms, Dates or "YYYY-MM-DD" strings).'],
  ])('refuses %s, naming the entry', (_, calendar, message) => {
    const e = thrown(() => isIn(t, calendar as never));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(message);
  });
});
