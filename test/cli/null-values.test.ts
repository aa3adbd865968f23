/**
 * `quiver run --null-value TEXT` (repeatable) and `--no-default-null-values`: which texts of a CSV
 * `--inputs` file are missing values, as pandas' `na_values` and `keep_default_na=False`. The note
 * that says a column was read as text names the flag; a binary input refuses it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { project, quiver } from './support/cli';

const dir = project({
  'features.ts': `
import { feature } from 'quiver';
export class Sales {
  @feature() amountTwice(amount: Float64Array): Float64Array { return amount.map((a) => a * 2); }
  @feature() regionText(region: Iterable<unknown>): string[] { return Array.from(region, (r) => String(r)); }
}
`,
  // "-" marks a missing amount; "NA" is North America, not a missing region
  'sales.csv': 'region,amount\nEU,1\nNA,-\nAS,3\n',
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => quiver(['run', 'features.ts', '--quiet', ...args], dir);
const column = async (file: string, name: string) =>
  Array.from((await readTable(path.join(dir, file))).getChild(name)!);

test('without --null-value a "-" makes the column text, and the note names the flag', () => {
  const r = run('--inputs', 'sales.csv', '--out', 'plain.arrow', '--outputs', 'amountTwice');
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('pass nullValues including "-" (on the command line: --null-value -)');
  expect(fs.existsSync(path.join(dir, 'plain.arrow'))).toBe(false);
});

test('--null-value adds a missing-value text: "-" is NaN in the Float64Array, as pandas na_values', async () => {
  const args = ['--inputs', 'sales.csv', '--out', 'na.arrow', '--outputs', 'amountTwice,regionText'];
  const r = run(...args, '--null-value', '-');
  expect(r.code).toBe(0);
  const twice = await column('na.arrow', 'amountTwice');
  expect(twice[0]).toBe(2);
  expect(Number.isNaN(twice[1])).toBe(true);
  expect(twice[2]).toBe(6);
  // the defaults still hold: "NA" is missing too
  expect(await column('na.arrow', 'regionText')).toEqual(['EU', 'null', 'AS']);
});

test('--no-default-null-values: only the given texts are missing, so "NA" stays a region', async () => {
  const args = ['--inputs', 'sales.csv', '--out', 'own.arrow', '--outputs', 'amountTwice,regionText'];
  const r = run(...args, '--null-value', '-', '--no-default-null-values');
  expect(r.code).toBe(0);
  expect(await column('own.arrow', 'regionText')).toEqual(['EU', 'NA', 'AS']);
  expect(Number.isNaN((await column('own.arrow', 'amountTwice'))[1])).toBe(true);
});

test('quiver validate takes --null-value too', () => {
  const plain = quiver(['validate', 'features.ts', '--inputs', 'sales.csv', '--outputs', 'amountTwice'], dir);
  expect(plain.code).toBe(1);
  const args = ['validate', 'features.ts', '--inputs', 'sales.csv', '--outputs', 'amountTwice'];
  const given = quiver([...args, '--null-value', '-'], dir);
  expect(given.code).toBe(0);
});

test('an Arrow input with --null-value is refused, not ignored: the file marks its own nulls', () => {
  const made = run('--inputs', 'sales.csv', '--out', 'sales.arrow', '--null-value', '-', '--outputs', 'amountTwice');
  expect(made.code).toBe(0);
  for (const extra of [[], ['--entity', 'region', '--time', 'amount', '--partitions', '2']]) {
    const r = run('--inputs', 'sales.arrow', '--out', 'again.arrow', '--null-value', '-', ...extra);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'null values (texts read as missing) were given, but this format marks missing values itself',
    );
    expect(r.stderr).toContain('they apply to CSV and TSV files');
  }
});

test('readTable refuses nullValues for JSON too, and passes them to CSV', async () => {
  fs.writeFileSync(path.join(dir, 'sales.json'), JSON.stringify([{ region: 'EU', amount: 1 }]));
  const json = readTable(path.join(dir, 'sales.json'), { nullValues: ['-'] });
  await expect(json).rejects.toThrow('they apply to CSV and TSV files');
  const t = await readTable(path.join(dir, 'sales.csv'), { nullValues: ['-'] });
  expect(Array.from(t.getChild('region')!)).toEqual(['EU', 'NA', 'AS']);
});

test("the note's fix, --no-default-null-values --null-value '': NA kept, empty fields missing", async () => {
  fs.writeFileSync(path.join(dir, 'gaps.csv'), 'region,amount\nEU,1\nNA,\nAS,3\n');
  const args = ['--inputs', 'gaps.csv', '--out', 'gaps.arrow', '--outputs', 'amountTwice,regionText'];
  const r = run(...args, '--no-default-null-values', '--null-value', '');
  expect(r.code).toBe(0);
  expect(await column('gaps.arrow', 'regionText')).toEqual(['EU', 'NA', 'AS']);
  expect(Number.isNaN((await column('gaps.arrow', 'amountTwice'))[1])).toBe(true);
});
