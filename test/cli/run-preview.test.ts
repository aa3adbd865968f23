/**
 * What `quiver run` prints after writing: a preview of the table, missing values as pandas counts
 * them, the pandas/polars line that opens the file, the run's notes and at most 20 failed checks.
 */
import * as fs from 'fs';
import { makeTable, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { missingLine, openHint, previewTable } from '../../cli/run-preview';
import { project, quiver } from './support/cli';

describe('previewTable and missingLine', () => {
  const table = tableFromArrays({
    ma7: Float64Array.of(NaN, NaN, 1.23456789, 4, 5, 6, 7),
    city: ['Seattle', 'New York', null, 'a very long city name indeed', 'x', 'y', 'z'],
    n: Int32Array.of(1, 2, 3, 4, 5, 6, 7),
  });

  test('the first rows of the first columns, aligned; long text cut', () => {
    expect(previewTable(table, { rows: 4, columns: 2 })).toBe(
      [
        'First 4 of 7 rows, 2 of 3 columns:',
        '  ma7      city',
        '  NaN      Seattle',
        '  NaN      New York',
        '  1.23457  null',
        '  4        a very long cit…',
      ].join('\n'),
    );
    expect(previewTable(table.slice(0, 0))).toBe('The table has 0 rows and 3 columns.');
  });

  test('missing values: NaN and null, most first; none said so', () => {
    expect(missingLine(table)).toBe('Missing values (null or NaN) in 2 of 3 columns: ma7 2, city 1.');
    expect(missingLine(table.selectAt([2]))).toBe('No missing values.');
    const many = tableFromArrays(Object.fromEntries(Array.from({ length: 7 }, (_, j) => [`c${j}`, Float64Array.of(NaN, j)])));
    expect(missingLine(many, 2)).toBe('Missing values (null or NaN) in 7 of 7 columns: c0 1, c1 1, … 5 more.');
    // a float column with Arrow nulls: the null counted once, NaN beside it counted too
    const withNulls = makeTable({ x: vectorFromArray([1.5, null, NaN], undefined) as never });
    expect(missingLine(withNulls)).toBe('Missing values (null or NaN) in 1 of 1 columns: x 2.');
  });

  test('the Python one-liner follows the extension', () => {
    expect(openHint('out/f.arrow')).toBe('Open it in Python: pd.read_feather("out/f.arrow") or pl.read_ipc("out/f.arrow") (pandas needs pyarrow)');
    expect(openHint('f.parquet')).toBe('Open it in Python: pd.read_parquet("f.parquet") or pl.read_parquet("f.parquet") (pandas needs pyarrow)');
    expect(openHint('f.arrows')).toBe('Open it in Python: pa.ipc.open_stream("f.arrows").read_pandas() or pl.read_ipc_stream("f.arrows") (pandas needs pyarrow)');
    expect(openHint('f.ndjson')).toBe('Open it in Python: pd.read_json("f.ndjson", lines=True) or pl.read_ndjson("f.ndjson")');
    expect(openHint('f.tsv')).toBe('Open it in Python: pd.read_csv("f.tsv", sep="\\t") or pl.read_csv("f.tsv", separator="\\t")');
  });
});

describe('quiver run output', () => {
  const methods = Array.from({ length: 25 }, (_, j) =>
    `  @checkOutput({ range: [0, 1], importance: 'warn' }) f${String(j).padStart(2, '0')}(x: Float64Array): Float64Array { return x.map((v) => v + ${j}); }`);
  const dir = project({
    'features.ts': `import { checkOutput } from 'quiver';\nexport class Many {\n${methods.join('\n')}\n}\n`,
    'data.csv': 'x\n1\n2\n3\n',
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('preview, Python line, the widening note, and 20 of 25 failed checks', () => {
    const r = quiver(['run', 'features.ts', '--inputs', 'data.csv', '--out', 'out/many.parquet', '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote 3 rows × 25 columns to out\/many\.parquet in .*\nFirst 3 of 3 rows, 6 of 25 columns:\n  f00  f01  f02  f03  f04  f05\n  1    2    3    4    5    6\n/);
    expect(r.stdout).toContain('No missing values.\nOpen it in Python: pd.read_parquet("out/many.parquet") or pl.read_parquet("out/many.parquet") (pandas needs pyarrow)\n');
    expect(r.stderr).toContain('note: Input "x" is an Int32Array;');
    const warns = r.stdout.split('\n').filter((line) => line.startsWith('WARN'));
    expect(warns).toHaveLength(20);
    expect(r.stdout).toContain('… and 5 more failed checks (--report FILE lists them all).');
  });
});
