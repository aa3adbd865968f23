/**
 * `quiver run` / `quiver validate` errors about rows of the `--inputs` file: a CSV's rows are named
 * by the file's lines (1-based, the header is line 1, a quoted field's line breaks and blank lines
 * counted), since "rows 0 and 2 (counting from 0)" matched no line the user sees; other formats
 * keep row numbers and say they count from 0.
 */
import * as fs from 'fs';
import { project, quiver } from './support/cli';

const dir = project({
  'features.ts': `
import { feature, rollingMean, type Groups } from 'quiver';
export class Store {
  @feature() sales2(sales: Float64Array, groups: Groups): Float64Array {
    return rollingMean(sales, 2, { groups, minPeriods: 1 });
  }
}
`,
  // header line 1; row 0 on lines 2–3 (a quoted line break); blank line 4; row 1 line 5; row 2 line 6
  'sales.csv': 'store,date,sales,note\na,2024-01-01,1,"two\nlines"\n\nb,2024-01-01,2,x\na,2024-01-01,3,y\n',
  'missing.csv': 'store,date,sales\na,2024-01-01,1\n,2024-01-02,2\na,2024-01-03,3\n',
  'not-a-time.csv': 'store,date,sales\na,2024-01-01,1\na,2024-01-02,2\na,soon,3\na,2024-01-04,4\n',
  'off-grid.csv': 'store,date,sales\nb,2024-01-01,5\na,2024-01-01,1\na,2024-01-02T05:00:00Z,2\na,2024-01-03,3\n',
  'sales.ndjson':
    '{"store":"a","date":"2024-01-01","sales":1}\n{"store":null,"date":"2024-01-01","sales":2}\n' +
    '{"store":"a","date":"2024-01-01","sales":3}\n',
  'dup.ndjson':
    '{"store":"a","date":"2024-01-01","sales":1}\n{"store":"b","date":"2024-01-01","sales":2}\n' +
    '{"store":"a","date":"2024-01-01","sales":3}\n',
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (inputs: string, ...more: string[]) =>
  quiver(['run', 'features.ts', '--inputs', inputs, '--out', 'out.arrow', '--entity', 'store', '--time', 'date',
    '--quiet', ...more], dir);

describe('errors about rows of the --inputs file', () => {
  test('run: a duplicate (entity, time) pair in a CSV names its lines', () => {
    const r = run('sales.csv');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      'Duplicate (entity, time) pair: store "a" at 2024-01-01 appears on lines 2 and 6 of sales.csv. ' +
        'Keep one row per entity and time',
    );
    expect(r.stderr).not.toContain('counting from 0');
  });

  test('validate: a missing entity and a time that is not one name the CSV lines', () => {
    const validate = (inputs: string) =>
      quiver(['validate', 'features.ts', '--inputs', inputs, '--entity', 'store', '--time', 'date'], dir);
    const missing = validate('missing.csv');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Entity column "store" is missing on line 3 of missing.csv. Every row');
    const time = validate('not-a-time.csv');
    expect(time.code).not.toBe(0);
    expect(time.stderr).toContain(
      'Time column "date" has values that are not times: line 4 of not-a-time.csv holds "soon".',
    );
  });

  test('run --calendar: a row off the calendar is named by its line, not its row after sorting', () => {
    const r = run('off-grid.csv', '--calendar', 'D');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('has a row at 2024-01-02T05:00:00.000Z (line 4 of off-grid.csv), which is not a whole');
  });

  test('an NDJSON file keeps row numbers and says they count from 0', () => {
    const missing = run('sales.ndjson');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Entity column "store" is missing on row 1 (counting from 0).');
    const dup = run('dup.ndjson');
    expect(dup.stderr).toContain('appears on rows 0 and 2 (counting from 0).');
  });
});
