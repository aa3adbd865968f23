/**
 * `quiver run --entity --time --partitions P`: the real command in a child process; the file
 * holds one record batch per partition and equals the unpartitioned run cell for cell.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { tableFromColumns } from '../../adapters/arrow/table-from-columns';
import { writeArrowParts } from '../../adapters/files/write-arrow';
import { csvNote, project, quiver } from './support/cli';

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
    expect(parted.stderr).toBe(`note: ${csvNote('sales.csv')}\n`);
    expect(parted.code).toBe(0);
    const a = await readTable(path.join(dir, 'whole.arrow'));
    const b = await readTable(path.join(dir, 'parted.arrow'));
    expect(b.batches.length).toBe(5);
    expect(b.numRows).toBe(a.numRows);
    for (const name of ['ma3', 'lag1', 'share']) {
      expect(Array.from(b.getChild(name)!.toArray() as Float64Array)).toEqual(Array.from(a.getChild(name)!.toArray() as Float64Array));
    }
  });

  // the history as Arrow IPC: sorted by store (read one partition at a time), and interleaved by date (read whole)
  test.each([
    ['sorted.arrow', false],
    ['mixed.arrow', true],
  ])('from %s: the same cells as the unpartitioned run of the CSV', async (name, interleaved) => {
    const sales = await readTable(path.join(dir, 'sales.csv'));
    const order = Array.from({ length: sales.numRows }, (_, i) => i);
    const day = (i: number) => Number(sales.getChild('date')!.get(i));
    if (interleaved) order.sort((a, b) => day(a) - day(b) || a - b);
    const columns = sales.schema.fields.map((f) => f.name);
    const cut = columns.map((c) => order.map((i) => sales.getChild(c)!.get(i)));
    const numbers = (values: unknown[]) => Float64Array.from(values as number[], (v) => v ?? NaN);
    const table = tableFromColumns(columns, cut.map((values, k) => (k === 2 ? numbers(values) : values)));
    await writeArrowParts((function* () {
      for (let i = 0; i < table.numRows; i += 100) yield table.slice(i, i + 100);
    })(), path.join(dir, name));
    const args = ['run', 'features.ts', '--class', 'Store', '--inputs', name, '--entity', 'store', '--time', 'date'];
    const r = quiver([...args, '--quiet', '--outputs', 'ma3,lag1', '--out', `from-${name}`, '--partitions', '5'], dir);
    expect(r.code).toBe(0);
    const note = /^note: --partitions reads mixed.arrow whole: its "store" column is not one run per entity/;
    if (interleaved) expect(r.stderr).toMatch(note);
    else expect(r.stderr).toBe('');
    const a = await readTable(path.join(dir, 'whole.arrow'));
    const b = await readTable(path.join(dir, `from-${name}`));
    expect(b.batches.length).toBe(5);
    const values = (t: typeof a, c: string) => Array.from(t.getChild(c)!.toArray() as ArrayLike<unknown>);
    for (const c of ['store', 'date', 'ma3', 'lag1']) expect(values(b, c)).toEqual(values(a, c));
  });

  test('without --outputs, the table leads with the sorted entity and time columns, partitioned or not', async () => {
    const common = ['run', 'features.ts', '--class', 'Store', '--inputs', 'sales.csv', '--quiet'];
    common.push('--entity', 'store', '--time', 'date');
    expect(quiver([...common, '--out', 'keys-whole.arrow'], dir).code).toBe(0);
    expect(quiver([...common, '--out', 'keys-parted.arrow', '--partitions', '5'], dir).code).toBe(0);
    const given = rows.slice(1).map((line) => line.split(','));
    const key = (r: string[]) => `${r[0]} ${r[1]}`; // stores s00…s39 and ISO days sort as text
    const want = [...given].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
    for (const file of ['keys-whole.arrow', 'keys-parted.arrow']) {
      const t = await readTable(path.join(dir, file));
      const types = t.schema.fields.map((f) => `${f.name}:${f.type}`);
      expect(types.slice(0, 2)).toEqual(['store:Utf8', 'date:Timestamp<MILLISECOND>']);
      expect(Array.from(t.getChild('store')!.toArray())).toEqual(want.map((r) => r[0]));
      const iso = (ms: unknown) => new Date(Number(ms)).toISOString().slice(0, 10);
      const days = Array.from(t.getChild('date')!.toArray() as ArrayLike<number>, iso);
      expect(days).toEqual(want.map((r) => r[1]));
      // lag1 is the previous row's sales of the same store: the keys and the features are aligned
      const lag = Array.from(t.getChild('lag1')!.toArray() as Float64Array);
      const sales = want.map((r) => (r[2] === '' ? NaN : Number(r[2])));
      expect(lag).toEqual(sales.map((_, i) => (i > 0 && want[i - 1][0] === want[i][0] ? sales[i - 1] : NaN)));
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
