/**
 * `quiver run --entity --time` checks entity isolation before it writes: a feature that forgets
 * `{ groups }` ends the run (exit 1, no file), named with the way out; `--isolation-ignore` and
 * `--no-isolation-check` are that way out. The real command in a child process, on a real CSV.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { project, quiver } from './support/cli';

const dir = project({
  'features.ts': `
import { feature, rollingMean, shift, tag, type Groups } from 'quiver';
export class Store {
  @feature() sales2(sales: Float64Array, groups: Groups): Float64Array {
    return rollingMean(sales, 2, { groups, minPeriods: 1 });
  }
}
export class Leaky {
  // forgets { groups }: its first row for store b reads store a's last sale
  @feature() salesLag1(sales: Float64Array): Float64Array { return shift(sales, 1); }
}
export class Global {
  @tag({ entityScope: 'global' })
  salesLagAll(sales: Float64Array): Float64Array { return shift(sales, 1); }
}
`,
  // integer sales (widened to Float64Array), store b given first
  'sales.csv': 'store,date,sales\nb,2024-01-01,20\nb,2024-01-02,22\nb,2024-01-03,23\na,2024-01-01,10\na,2024-01-02,12\na,2024-01-03,16\n',
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const base = ['run', 'features.ts', '--inputs', 'sales.csv', '--entity', 'store', '--time', 'date', '--quiet'];
const column = async (file: string, name: string) =>
  Array.from((await readTable(path.join(dir, file))).getChild(name)!.toArray() as Float64Array);

test('a per-entity feature passes, and the run says what was checked', async () => {
  const r = quiver([...base, '--class', 'Store', '--out', 'ok.arrow'], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Entity isolation: 1 feature checked on store a | b (6 rows): each reads only its own entity.');
  expect(await column('ok.arrow', 'sales2')).toEqual([10, 11, 14, 20, 21, 22.5]);
});

test('a feature that reads across entities ends the run before anything is written', () => {
  const r = quiver([...base, '--out', 'leaky.arrow', '--report', 'leaky.html'], dir);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('EntityIsolationError: Entity isolation: 1 feature reads across entities');
  expect(r.stderr).toContain("'salesLag1'");
  expect(r.stderr).toContain('On the command line: --isolation-ignore salesLag1 leaves it out of the check, --no-isolation-check turns the check off. Nothing was written.');
  expect(r.stderr).not.toContain('Feature "salesLagAll"'); // tagged global: left out
  expect(fs.existsSync(path.join(dir, 'leaky.arrow'))).toBe(false);
  expect(fs.readFileSync(path.join(dir, 'leaky.html'), 'utf8')).toContain('EntityIsolationError');
});

test('--isolation-ignore leaves a feature out; --no-isolation-check skips the check', async () => {
  const ignored = quiver([...base, '--out', 'ignored.arrow', '--isolation-ignore', 'salesLag1'], dir);
  expect(ignored.code).toBe(0);
  expect(ignored.stdout).toContain('Entity isolation: 1 feature checked on store a | b (6 rows): each reads only its own entity; left out: salesLag1, salesLagAll.');
  // the file holds what the feature computes, crossing included (the user asked for it)
  expect(await column('ignored.arrow', 'salesLag1')).toEqual([NaN, 10, 12, 16, 20, 22]);

  const off = quiver([...base, '--out', 'off.arrow', '--no-isolation-check'], dir);
  expect(off.code).toBe(0);
  expect(off.stdout).not.toContain('Entity isolation');
  expect(fs.existsSync(path.join(dir, 'off.arrow'))).toBe(true);
});

test('misused options are usage errors naming the fix', () => {
  const typo = quiver([...base, '--out', 'typo.arrow', '--isolation-ignore', 'salesLag'], dir);
  expect(typo.code).toBe(2);
  expect(typo.stderr).toContain('"salesLag", which is no feature of these classes (did you mean "salesLag1"?)');
  const alone = quiver(['run', 'features.ts', '--inputs', 'sales.csv', '--out', 'x.arrow', '--isolation-ignore', 'salesLag1'], dir);
  expect(alone.code).toBe(2);
  expect(alone.stderr).toContain('--isolation-ignore only applies with --entity <column> --time <column>');
});

test('a long window that forgets { groups } is caught: the sample covers the longest warm-up', () => {
  // 200 days per store, a 150-day window: two default 64-row sides (128 rows) would give NaN both ways
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const rows = ['a', 'b'].flatMap((s, k) => Array.from({ length: 200 }, (_, i) => `${s},${day(i)},${k * 1000 + i}`));
  const long = project({
    'features.ts': `
import { feature, rollingMean } from 'quiver';
export class Long {
  @feature() sales150(sales: Float64Array): Float64Array { return rollingMean(sales, 150); }
}
`,
    'sales.csv': `store,date,sales\n${rows.join('\n')}\n`,
  });
  try {
    const r = quiver(['run', 'features.ts', '--inputs', 'sales.csv', '--out', 'long.arrow', '--entity', 'store', '--time', 'date', '--quiet'], long);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Feature "sales150" on store "b"');
    expect(fs.existsSync(path.join(long, 'long.arrow'))).toBe(false);
  } finally {
    fs.rmSync(long, { recursive: true, force: true });
  }
});
