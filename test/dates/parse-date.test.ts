/** The one date parser: ISO 8601 and month-name dates, impossible days rejected, and every reader agreeing. */
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { civilDays, parseDateText, parseIsoDate } from '../../src/dates/parse-date';
import { entityHistory, InputError, isIn, readCsv } from '../../src';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('parseIsoDate', () => {
  it.each([
    ['2012-01-02', Date.UTC(2012, 0, 2)],
    ['2012-01-01T10:30', Date.UTC(2012, 0, 1, 10, 30)],
    ['2012-01-01 10:30:15.250', Date.UTC(2012, 0, 1, 10, 30, 15, 250)],
    ['2012-01-01T10:30:15.123456789Z', Date.UTC(2012, 0, 1, 10, 30, 15, 123)],
    ['2012-01-01T10:30:00+02:00', Date.UTC(2012, 0, 1, 8, 30)],
    ['2012-01-01T10:30:00-0130', Date.UTC(2012, 0, 1, 12, 0)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
    ['0050-06-01', new Date('0050-06-01T00:00:00Z').getTime()],
    ['1969-12-31T23:59:59.999Z', -1],
  ])('%s', (text, ms) => {
    expect(parseIsoDate(text)).toBe(ms);
  });

  it.each([
    '2023-02-31', '2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00',
    '2012-01-01T24:00', '2012-01-01T10:60', '2012-01-01T10:30:60', '2012-01-01T10:30+24:00',
    '2012-1-1', '2012-01-01T', '20120101', 'Jan 1 2000', ' 2012-01-01', '',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  it('agrees with Date.UTC on every real day and time, and rejects what Date.UTC would roll over', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }),
      fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }),
      (y, m, d, h, mi, s) => {
        const utc = Date.UTC(y, m - 1, d, h, mi, s);
        const real = new Date(utc).getUTCDate() === d;
        const text = `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
        expect(parseIsoDate(text)).toBe(real ? utc : undefined);
      },
    ), { numRuns: 2000 });
  });

  it('civilDays counts days from 1970-01-01', () => {
    expect(civilDays(1970, 1, 1)).toBe(0);
    expect(civilDays(1969, 12, 31)).toBe(-1);
    expect(civilDays(2000, 3, 1)).toBe(11017);
    expect(civilDays(2023, 2, 29)).toBeUndefined();
  });
});

describe('parseDateText', () => {
  it.each([
    ['Jan 1 2000', Date.UTC(2000, 0, 1)],
    ['January 1, 2000', Date.UTC(2000, 0, 1)],
    ['1 Jan 2000', Date.UTC(2000, 0, 1)],
    ['sep 30 2001 10:15', Date.UTC(2001, 8, 30, 10, 15)],
    ['2000-01-01', Date.UTC(2000, 0, 1)],
  ])('%s', (text, ms) => {
    expect(parseDateText(text)).toBe(ms);
  });

  it.each(['Feb 30 2000', 'Feb 29 2001', 'Foo 1 2000', '1/2/2000', 'Jan 1 2000 25:00', 'not a date'])('rejects %j', (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });
});

describe('every reader of dates uses the one parser', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-dates-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('entityHistory refuses 2023-02-31 instead of rolling it over to 2023-03-03', () => {
    let error: unknown;
    try {
      entityHistory({ city: ['a', 'a'], date: ['2023-02-28', '2023-02-31'], x: Float64Array.of(1, 2) }, { entity: 'city', time: 'date' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'Time column "date" has values that are not times: row 1 holds "2023-02-31". Every row needs a time: ' +
        'epoch milliseconds, a Date, or an ISO 8601 string such as "2012-01-31"; drop or fix those rows first.',
    );
  });

  it('entityHistory reads a space-separated date-time as readCsv does', () => {
    const history = entityHistory({ city: ['a'], date: ['2012-01-01 10:30'] }, { entity: 'city', time: 'date' });
    expect((history.columns.date as Float64Array)[0]).toBe(Date.UTC(2012, 0, 1, 10, 30));
  });

  it('readCsv, entityHistory and isIn agree on which days exist', async () => {
    const days = ['2024-02-29', '2023-02-29', '2023-02-31', '2023-04-30', '2023-04-31', '1900-02-29', '2000-02-29'];
    const file = path.join(dir, 'days.csv');
    for (const day of days) {
      fs.writeFileSync(file, `d\n${day}\n`);
      const table = await readCsv(file, { schema: { d: 'timestamp' } }).catch(() => undefined);
      const csv = table ? Number(table.getChild('d')!.get(0)) : undefined;
      let history: number | undefined;
      try {
        history = (entityHistory({ e: ["a"], d: [day] }, { entity: "e", time: "d" }).columns.d as Float64Array)[0];
      } catch {
        history = undefined;
      }
      let calendar: number | undefined;
      try {
        calendar = isIn(Float64Array.of(0), [day]) && parseIsoDate(day);
      } catch {
        calendar = undefined;
      }
      expect({ day, csv, history, calendar }).toEqual({ day, csv: parseIsoDate(day), history: parseIsoDate(day), calendar: parseIsoDate(day) });
    }
  });
});
