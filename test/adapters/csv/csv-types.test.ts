import { inferCsvType } from '../../../adapters';
import { parseIsoTimestamp, parseNumber, parseInt32, parseInt64, parseAnyTimestamp } from '../../../adapters/csv/csv-tokens';

describe('inferCsvType', () => {
  it.each([
    [['true', 'False', null], 'bool'],
    [['1', '-2', null, '+3'], 'int32'],
    [['2147483647', '-2147483648'], 'int32'],
    [['2147483648', '1'], 'int64'],
    [['9223372036854775807'], 'int64'],
    [['9223372036854775808'], 'float64'],
    [['1', '2.5', '1e3', '-.5', 'inf'], 'float64'],
    [['2012-01-01', '2012-12-31'], 'timestamp'],
    [['2012-01-01T10:30:00Z', '2012-01-01 10:30'], 'timestamp'],
    [['2012-02-30'], 'utf8'],
    [['0x10'], 'utf8'],
    [['Seattle', 'New York'], 'utf8'],
    [[null, null], 'float64'],
    [[], 'float64'],
  ])('%j → %s', (fields, type) => {
    expect(inferCsvType(fields as (string | null)[]).type).toBe(type);
  });

  it('says which field kept a mostly numeric column from being numbers', () => {
    expect(inferCsvType(['1', '2', 'n/a', '4'])).toEqual({ type: 'utf8', notANumber: { row: 2, value: 'n/a' } });
  });

  it('says nothing for a text column with a few numbers in it', () => {
    expect(inferCsvType(['Oslo', '1984', 'Lima'])).toEqual({ type: 'utf8' });
  });
});

describe('CSV tokens', () => {
  it('parses numbers strictly', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('-1e-3')).toBe(-0.001);
    expect(parseNumber('-Infinity')).toBe(-Infinity);
    expect(parseNumber('1,5')).toBeUndefined();
    expect(parseNumber('12 apples')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('checks integer ranges', () => {
    expect(parseInt32('2147483647')).toBe(2147483647);
    expect(parseInt32('2147483648')).toBeUndefined();
    expect(parseInt64('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(parseInt64('1.0')).toBeUndefined();
  });

  it('reads ISO dates and date-times as UTC epoch milliseconds', () => {
    expect(parseIsoTimestamp('2012-01-01')).toBe(Date.UTC(2012, 0, 1));
    expect(parseIsoTimestamp('2012-01-01T10:30')).toBe(Date.UTC(2012, 0, 1, 10, 30));
    expect(parseIsoTimestamp('2012-01-01 10:30:15.250')).toBe(Date.UTC(2012, 0, 1, 10, 30, 15, 250));
    expect(parseIsoTimestamp('2012-01-01T10:30:00+02:00')).toBe(Date.UTC(2012, 0, 1, 8, 30));
    expect(parseIsoTimestamp('2012-01-01T10:30:00-0130')).toBe(Date.UTC(2012, 0, 1, 12, 0));
    expect(parseIsoTimestamp('2012-02-30')).toBeUndefined();
    expect(parseIsoTimestamp('2012-01-01T24:00')).toBeUndefined();
    expect(parseIsoTimestamp('Jan 1 2000')).toBeUndefined();
  });

  it('reads other date forms, as UTC, only for a declared timestamp column', () => {
    expect(parseAnyTimestamp('Jan 1 2000')).toBe(Date.UTC(2000, 0, 1));
    expect(parseAnyTimestamp('not a date')).toBeUndefined();
  });
});
