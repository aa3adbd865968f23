/**
 * `quiver run --entity --time --calendar --join`: real files, the real command in a child process.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { parseJoin } from '../../cli/time-inputs';
import { UsageError } from '../../cli/errors';
import { project, quiver } from './support/cli';

const dir = project({
  'features.ts': `
import { feature, rollingMean, type Groups } from 'quiver';
export class Store {
  @feature() rainSeen(w_rain: Float64Array): Float64Array { return w_rain; }
  @feature() sales2(sales: Float64Array, groups: Groups): Float64Array {
    return rollingMean(sales, 2, { groups, minPeriods: 1 });
  }
}
`,
  // store b is given first; store a misses 2024-01-03
  'sales.csv':
    'store,date,sales\nb,2024-01-01,20\nb,2024-01-02,22\na,2024-01-01,10\na,2024-01-02,12\na,2024-01-04,16\n',
  // rain per store; a's 2024-01-02 value is stamped at noon, after that day's row
  'weather.csv': 'store,stamp,rain\na,2024-01-01T00:00:00Z,1\na,2024-01-02T12:00:00Z,2\nb,2024-01-02T00:00:00Z,7\n',
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('quiver run with --calendar and --join', () => {
  test('fills the calendar, joins as of each row time and lists both in the report', async () => {
    const r = quiver([
      'run', 'features.ts', '--inputs', 'sales.csv', '--out', 'out.arrow', '--entity', 'store', '--time', 'date',
      '--calendar', 'D', '--join', 'weather.csv:on=stamp,by=store,prefix=w_', '--report', 'run.html', '--quiet',
    ], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote 6 rows × 4 columns to out\.arrow/);
    const table = await readTable(path.join(dir, 'out.arrow'));
    // a: Jan 1–4 (Jan 3 added), b: Jan 1–2; the rows are sorted, so the table leads with their keys
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'store:Utf8', 'date:Timestamp<MILLISECOND>', 'rainSeen:Float64', 'sales2:Float64',
    ]);
    expect(Array.from(table.getChild('store')!.toArray())).toEqual(['a', 'a', 'a', 'a', 'b', 'b']);
    const iso = (t: unknown) => new Date(Number(t)).toISOString().slice(0, 10);
    const days = Array.from(table.getChild('date')!.toArray() as ArrayLike<number>, iso);
    expect(days).toEqual(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-01', '2024-01-02']);
    expect(Array.from(table.getChild('rainSeen')!.toArray() as Float64Array)).toEqual([1, 1, 2, 2, NaN, 7]);
    expect(Array.from(table.getChild('sales2')!.toArray() as Float64Array)).toEqual([10, 11, 12, 16, 20, 21]);
    const html = fs.readFileSync(path.join(dir, 'run.html'), 'utf8');
    expect(html).toContain('D (1 row added)');
    expect(html).toContain('weather.csv as of stamp by store');
    expect(html).toContain('w_rain');
    // the joins section: one row per table, 5 of the 6 rows matched (b's Jan 1 has no earlier rain)
    const section = /<section id="joins">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    const cells = [...section.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(cells.slice(0, 9)).toEqual(['weather.csv', 'stamp', 'store', 'none', 'w_', 'w_rain', '3', '5', '1']);
    expect(section).toContain('83.3% of rows matched');
  });

  test('validate takes --entity/--time; without them a missing "groups" says how to get it', () => {
    const ok = quiver(['validate', 'features.ts', '--inputs', 'sales.csv', '--entity', 'store', '--time', 'date',
      '--join', 'weather.csv:on=stamp,by=store,prefix=w_'], dir);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: features\.ts can compute 2 outputs from sales\.csv/);
    const hint = 'On the command line, --entity <column> --time <column> gives the features "groups" ' +
      '(one group per entity), e.g. --entity store --time date.';
    for (const args of [['validate'], ['run', '--out', 'no-groups.arrow']]) {
      const r = quiver([args[0], 'features.ts', '--inputs', 'sales.csv', ...args.slice(1), '--outputs', 'sales2'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Missing input "groups", needed by "sales2".');
      expect(r.stderr).toContain(hint);
    }
    expect(fs.existsSync(path.join(dir, 'no-groups.arrow'))).toBe(false);
  });

  test('--calendar without --entity and --time is a usage error (exit 2)', () => {
    const r = quiver(['run', 'features.ts', '--inputs', 'sales.csv', '--out', 'x.arrow', '--calendar', 'D'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--calendar needs both --entity <column> and --time <column>, e.g. --entity city --time date.',
    );
  });
});

describe('parseJoin', () => {
  it('reads FILE:key=value pairs, repeatable', () => {
    expect(parseJoin('data/w.csv:on=date,by=city,tolerance=3D,prefix=w_', [{ file: 'a.csv' }])).toEqual([
      { file: 'a.csv' }, { file: 'data/w.csv', on: 'date', by: 'city', tolerance: '3D', prefix: 'w_' },
    ]);
    expect(parseJoin('C:/data/w.csv:on=date')).toEqual([{ file: 'C:/data/w.csv', on: 'date' }]);
  });

  it('names what is wrong', () => {
    expect(() => parseJoin('w.csv')).toThrow(new UsageError(
      '--join takes FILE:on=COLUMN[,by=COLUMN][,tolerance=3D][,prefix=w_] (got "w.csv"), ' +
        'e.g. --join weather.csv:on=date,by=city.',
    ));
    expect(() => parseJoin('w.csv:on=date,bye=city')).toThrow(
      '--join "w.csv:on=date,bye=city": unknown key "bye" (did you mean "by"?); keys are on, by, tolerance, prefix.',
    );
    expect(() => parseJoin('w.csv:on=')).toThrow('--join "w.csv:on=": on= needs a value.');
  });
});
