/**
 * `quiver run --entity --time --partitions P`: the real command in a child process; the file
 * holds one record batch per partition and equals the unpartitioned run cell for cell.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { project, quiver } from './support/cli';

const rows: string[] = ['store,date,sales'];
for (let s = 0; s < 40; s++) {
  const n = 1 + ((s * 37) % 61);
  for (let d = 0; d < n; d++) rows.push(`s${String(s).padStart(2, '0')},2024-${String(1 + Math.floor(d / 28)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')},${(s * 13 + d * 7) % 11 === 0 ? '' : (s * 13 + d * 7) % 97}`);
}

const dir = project({
  'features.ts': `
import { feature, rollingMean, shift, tag, type Groups } from 'quiver';
export class Store {
  @feature() ma3(sales: Float64Array, groups: Groups): Float64Array { return rollingMean(sales, 3, { groups, minPeriods: 2 }); }
  @feature() lag1(sales: Float64Array, groups: Groups): Float64Array { return shift(sales, 1, { groups }); }
  @tag({ entityScope: 'global' }) total(sales: Float64Array): number { let t = 0; for (const v of sales) if (v === v) t += v; return t; }
  @feature() share(sales: Float64Array, total: number): Float64Array { return sales.map((v) => v / total); }
}
export class Leaky {
  @feature() crossLag(sales: Float64Array): Float64Array { return shift(sales, 1); }
}
`,
  'sales.csv': `${rows.join('\n')}\n`,
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('quiver run --partitions', () => {
  test('same table as the unpartitioned run, one batch per partition', async () => {
    const common = ['run', 'features.ts', '--class', 'Store', '--inputs', 'sales.csv', '--entity', 'store', '--time', 'date', '--quiet', '--outputs', 'ma3,lag1,share'];
    const whole = quiver([...common, '--out', 'whole.arrow'], dir);
    expect(whole.stderr).toBe('');
    expect(whole.code).toBe(0);
    const parted = quiver([...common, '--out', 'parted.arrow', '--partitions', '5'], dir);
    expect(parted.stderr).toBe('');
    expect(parted.code).toBe(0);
    const a = await readTable(path.join(dir, 'whole.arrow'));
    const b = await readTable(path.join(dir, 'parted.arrow'));
    expect(b.batches.length).toBe(5);
    expect(b.numRows).toBe(a.numRows);
    for (const name of ['ma3', 'lag1', 'share']) {
      expect(Array.from(b.getChild(name)!.toArray() as Float64Array)).toEqual(Array.from(a.getChild(name)!.toArray() as Float64Array));
    }
  });

  test('a cross-entity feature is refused, named, exit 1', () => {
    const r = quiver(['run', 'features.ts', '--class', 'Leaky', '--inputs', 'sales.csv', '--entity', 'store', '--time', 'date', '--quiet', '--out', 'x.arrow', '--partitions', '3'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Partitioned run refused: feature "crossLag" is not entity-local/);
    expect(fs.existsSync(path.join(dir, 'x.arrow'))).toBe(false);
  });

  test('--partitions without --entity is a usage error', () => {
    const r = quiver(['run', 'features.ts', '--class', 'Store', '--inputs', 'sales.csv', '--quiet', '--out', 'y.arrow', '--partitions', '3'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--partitions needs --entity <column> and --time <column>/);
  });
});
