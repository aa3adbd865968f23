/** The two report formats: formatQuality's text and qualityTable's Arrow table. */
import { Bool, Utf8 } from 'apache-arrow';
import { qualityTable } from '../../adapters/arrow/quality-table';
import { formatQuality, type QualityResult } from '../../src/quality';

const r = (node: string, check: string, importance: 'warn' | 'fail', passes: boolean, message: string, diagnostics: Record<string, unknown> = {}): QualityResult =>
  ({ node, check, importance, passes, message, diagnostics });

const results: QualityResult[] = [
  r('avg3wkSpend', 'range', 'warn', true, 'all 10 values within [0, 1]'),
  r('avg3wkSpend', 'allowNaNs', 'warn', false, '2 of 10 values (20%) are missing (NaN, null or undefined); at rows 0, 1', { count: 2, firstRows: [0, 1] }),
  r('spendZ', 'range', 'fail', false, '42 of 1,000,000 values (0.004%) outside [-5, 5]; first at rows 17, 912, 4410; observed min -7.2, max 12.9', { count: 42n, min: -Infinity, rows: Int32Array.of(17, 912) }),
  r('spendZ', 'dataType', 'fail', true, 'float64 as expected (Float64Array of 10 values)'),
  r('signups', 'custom', 'warn', false, 'two problems:\nfirst\nsecond'),
];

describe('formatQuality', () => {
  it("lists failures ('fail' first, then run order) in aligned columns, then the passed count", () => {
    expect(formatQuality(results)).toBe([
      'FAIL  spendZ       range      42 of 1,000,000 values (0.004%) outside [-5, 5]; first at rows 17, 912, 4410; observed min -7.2, max 12.9',
      'WARN  avg3wkSpend  allowNaNs  2 of 10 values (20%) are missing (NaN, null or undefined); at rows 0, 1',
      'WARN  signups      custom     two problems:',
      '                              first',
      '                              second',
      '2 checks passed',
    ].join('\n'));
  });

  it('says when everything passed, and when nothing ran', () => {
    expect(formatQuality([results[0]])).toBe('1 check passed');
    expect(formatQuality([results[0], results[3]])).toBe('2 checks passed');
    expect(formatQuality([])).toBe('no data-quality checks ran');
  });

  it('counts 0 passed when all failed', () => {
    expect(formatQuality([results[1]])).toBe('WARN  avg3wkSpend  allowNaNs  2 of 10 values (20%) are missing (NaN, null or undefined); at rows 0, 1\n0 checks passed');
  });
});

describe('qualityTable', () => {
  const table = qualityTable(results);

  it('has one row per result and the six columns, typed', () => {
    expect(table.numRows).toBe(5);
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
      ['node', String(new Utf8())], ['check', String(new Utf8())], ['importance', String(new Utf8())],
      ['passes', String(new Bool())], ['message', String(new Utf8())], ['diagnostics', String(new Utf8())],
    ]);
  });

  it('holds the results in order, diagnostics as JSON text that keeps bigints, infinities and typed arrays', () => {
    const rows = table.toArray().map((row) => row.toJSON());
    expect(rows[2]).toEqual({
      node: 'spendZ', check: 'range', importance: 'fail', passes: false, message: results[2].message,
      diagnostics: '{"count":"42","min":"-Infinity","rows":[17,912]}',
    });
    expect(rows.map((row) => row.passes)).toEqual([true, false, false, true, false]);
    expect(JSON.parse(rows[1].diagnostics)).toEqual({ count: 2, firstRows: [0, 1] });
  });

  it('is an empty table with the same columns when there are no results', () => {
    const empty = qualityTable([]);
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.map((f) => f.name)).toEqual(['node', 'check', 'importance', 'passes', 'message', 'diagnostics']);
  });
});
