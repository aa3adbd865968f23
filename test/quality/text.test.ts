/** How numbers read in messages. */
import { atRows, countOf, formatCount, formatNumber, formatPercent, formatValue } from '../../src/quality/text';

describe('text', () => {
  it.each([[0, '0'], [999, '999'], [1000, '1,000'], [1234567, '1,234,567'], [-45000, '-45,000']])('formatCount(%p)', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  it.each([
    [0, '0%'], [1, '100%'], [42 / 1e6, '0.004%'], [1 / 3, '33.3%'], [0.2, '20%'], [0.003, '0.3%'],
    [1e-9, '<0.001%'], [0.99999, '>99.9%'], [0.015, '1.5%'],
  ])('formatPercent(%p)', (f, text) => {
    expect(formatPercent(f)).toBe(text);
  });

  it.each([
    [-7.2000001, '-7.2'], [12.9, '12.9'], [1234567.5, '1,234,570'], [1e300, '1e+300'], [NaN, 'NaN'],
    [-Infinity, '-Infinity'], [0.000123456789, '0.000123457'], [Math.sqrt(5 / 3), '1.29099'],
  ])('formatNumber(%p)', (v, text) => {
    expect(formatNumber(v)).toBe(text);
  });

  it('counts with shares and rows', () => {
    expect(countOf(42, 1_000_000)).toBe('42 of 1,000,000 values (0.004%)');
    expect(atRows([17], 1)).toBe('at row 17');
    expect(atRows([17, 912], 2)).toBe('at rows 17, 912');
    expect(atRows([17, 912, 4410, 5000], 4)).toBe('first at rows 17, 912, 4410');
  });

  it('shows values as people write them', () => {
    expect([formatValue('a'), formatValue(3n), formatValue(new Date(0)), formatValue([1, 'b']), formatValue(new Map()), formatValue(null)])
      .toEqual(['"a"', '3n', '1970-01-01T00:00:00.000Z', '[1, "b"]', 'a Map', 'null']);
    expect(formatValue(Array.from({ length: 12 }, (_, i) => i))).toBe('[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, … 12 values]');
  });
});
