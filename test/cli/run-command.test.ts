import * as fs from 'fs';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { project, quiver, USER_FILES } from './support/cli';

const dir = project(USER_FILES);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SPEND = [1.5, 2.5, 3.5, 4];

describe('quiver run', () => {
  test('computes every feature of the chosen class, writes the table and prints the quality report', async () => {
    const r = quiver(['run', 'features.ts', '--class', 'Spend', '--inputs', 'data.csv', '--out', 'out/features.arrow', '--config', 'bonus=1'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote 4 rows × 3 columns to out\/features\.arrow in [\d.]+ m?s\.\n/);
    // tripled = 4.5, 7.5, 10.5, 12: two of four above 10, a warning (exit code stays 0)
    expect(r.stdout).toContain('Data quality:\nWARN  tripled  range  2 of 4 values (50%) outside [0, 10]');
    expect(r.stdout).toContain('0 checks passed');

    const table = await readTable(path.join(dir, 'out/features.arrow'));
    expect(table.schema.fields.map((f) => f.name)).toEqual(['doubled', 'tripled', 'total']);
    expect(Array.from(table.getChild('doubled')!.toArray() as Float64Array)).toEqual(SPEND.map((v) => v * 2));
    // total = bonus + Σ(2·spend + 3·spend) = 1 + 5 · 11.5
    expect(table.getChild('total')!.get(0)).toBe(1 + 5 * SPEND.reduce((a, b) => a + b, 0));
  });

  test('--tag chooses the outputs; --report writes the HTML report', async () => {
    const r = quiver(['run', 'features.ts', '--tag', 'owner=ds', '--inputs', 'data.csv', '--out', 'ds.csv', '--report', 'reports/run.html', '--quiet'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote 4 rows × 1 column to ds.csv');
    expect(r.stdout).toContain('Report: reports/run.html');
    expect(fs.readFileSync(path.join(dir, 'ds.csv'), 'utf8')).toBe('doubled\n3.0\n5.0\n7.0\n8.0\n');
    const html = fs.readFileSync(path.join(dir, 'reports/run.html'), 'utf8');
    expect(html).toContain('<span class="status ok" id="status">succeeded</span>');
    expect(html).toContain('<title>quiver run features.ts</title>');
  });

  test('a failed fail-check: exit 1, the API message without a stack, and a report of the failure', () => {
    const r = quiver(['run', 'features.ts', '--class', 'Strict', '--inputs', 'data.csv', '--out', 'strict.arrow', '--report', 'strict.html'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DataValidationError: Data quality check failed on "strictTripled" (importance \'fail\'):\n  - range: 2 of 4 values (50%) outside [0, 10]');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, 'strict.arrow'))).toBe(false);
    const html = fs.readFileSync(path.join(dir, 'strict.html'), 'utf8');
    expect(html).toContain('<h2>The run failed: DataValidationError</h2>');
  });

  test('--verbose adds the stack trace', () => {
    const r = quiver(['run', 'features.ts', '--class', 'Strict', '--inputs', 'data.csv', '--out', 'strict.arrow', '--verbose'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^DataValidationError: Data quality check failed/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  test('an unknown output: exit 2 with the API message and a suggestion', () => {
    const r = quiver(['run', 'features.ts', '--class', 'Spend', '--inputs', 'data.csv', '--out', 'x.arrow', '--outputs', 'doubled,tripld'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('InputError: Unknown output "tripld": no feature, input or config has that name. Did you mean "tripled"?\n');
  });

  test('a missing input column: exit 1, naming the input and who needs it', () => {
    const r = quiver(['run', 'features.ts', '--class', 'Spend', '--inputs', 'no-spend.csv', '--out', 'x.arrow', '--outputs', 'doubled'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'InputError: Missing input "spend", needed by "doubled". Add a column "spend" to the --inputs file, or give it ' +
        'with --config spend=….',
    );
    expect(r.stderr).not.toContain('Pass it in inputs');
  });

  test('a number column read as text: the type error names the file, the line, the value and --schema', () => {
    fs.writeFileSync(path.join(dir, 'text-spend.csv'), 'spend\n1.5\nn/a?\n2\n3\n');
    const args = ['--class', 'Spend', '--inputs', 'text-spend.csv', '--out', 'x.arrow', '--outputs', 'doubled'];
    const r = quiver(['run', 'features.ts', ...args], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'InputError: Input "spend" is a Vector<Utf8> of length 4, but "doubled" declares it as Float64Array. Pass a ' +
        'Float64Array. (Column "spend" of "text-spend.csv" is read as utf8: most of its fields are numbers, but ' +
        'line 3 holds "n/a?". To read numbers, pass nullValues including "n/a?" (on the command line: ' +
        '--null-value \'n/a?\'), or schema: { "spend": ' +
        '\'float64\' } (on the command line: --schema spend=float64).)',
    );
  });

  test('an --inputs column named like a feature: the fix a command-line user has, not "overrides"', () => {
    fs.writeFileSync(path.join(dir, 'with-doubled.csv'), 'spend,doubled\n1.5,0\n2.5,0\n');
    const fix =
      'Input "doubled" names the feature "doubled" (Spend.doubled); an input cannot replace a feature. The command ' +
      'line has no overrides: to compute "doubled", rename or drop the column "doubled" in the --inputs file; to use ' +
      'the column instead, leave the class that defines "doubled" out with --class <the other classes>.';
    for (const command of ['run', 'validate']) {
      const out = command === 'run' ? ['--out', 'named.arrow'] : [];
      const r = quiver([command, 'features.ts', '--class', 'Spend', '--inputs', 'with-doubled.csv', ...out], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`InputError: ${fix}\n`);
    }
    expect(fs.existsSync(path.join(dir, 'named.arrow'))).toBe(false);
  });

  test.each([
    [['run', 'nope.ts', '--inputs', 'data.csv', '--out', 'x.arrow'], /^error: Cannot read the feature file "nope\.ts": no such file \(looked in .*nope\.ts\)\. Check the path/],
    [['run', 'features.ts', '--inputs', 'missing.csv', '--out', 'x.arrow'], /^error: Cannot read CSV from "missing\.csv": no such file \(looked in .*missing\.csv\)\. Check the path and the working directory\./],
    [['run', 'features.ts', '--inputs', 'data.csv'], /^error: required option '--out <file>' not specified\n\(add --help for usage\)/],
    [['run', 'features.ts', '--inputs', 'data.csv', '--out', 'x.xlsx'], /^error: Cannot write a table to "x\.xlsx": quiver does not know the extension "\.xlsx"\. Use one of \.arrow, /],
    [['run', 'features.ts', '--inputs', 'data.csv', '--out', 'x.arrow', '--outputs', 'doubled', '--all'], /^error: option '--outputs <names>' cannot be used with option '--all'/],
    [['run', 'features.ts', '--inputs', 'data.csv', '--out', 'x.arrow', '--config', 'bonus'], /^error: --config takes key=value \(got "bonus"\), e\.g\. --config region=US\./],
    [['run', 'features.ts', '--class', 'Spnd', '--inputs', 'data.csv', '--out', 'x.arrow'], /^error: features\.ts exports no class named "Spnd" \(--class\)\. Exported classes: Spend, Strict\./],
    [['run', 'features.ts', '--class', 'Spend', '--tag', 'owner=nobody', '--inputs', 'data.csv', '--out', 'x.arrow'], /^error: No feature matches --tag owner=nobody\. Tags in use: owner=ds\./],
    [['run', 'features.ts', '--inputs', 'data.csv', '--out', 'x.arrow', '--bogus'], /^error: unknown option '--bogus'/],
  ])('bad usage exits 2 with a message: %j', (args, message) => {
    const r = quiver(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
