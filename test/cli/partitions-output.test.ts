/**
 * `quiver run --partitions P` writes each partition to --out as it finishes: the real command in
 * child processes, 40 partitions of 1 to 61 rows to Arrow file, stream and Parquet, equal to the
 * unpartitioned run cell for cell with the entity and time leading; a feature that throws in a
 * late partition leaves the previous file as it was; the --report summarizes the whole result.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Table } from 'apache-arrow';
import 'reflect-metadata';
import { readTable } from '../../adapters/files/formats';
import { feature, rollingMean, type Groups } from '../../src';
import { buildTrainingFrame } from '../../src/timeseries/training-frame';
import { csvNote, project, quiver } from './support/cli';

class InProcess {
  @feature()
  ma3(sales: Float64Array, groups: Groups): Float64Array { return rollingMean(sales, 3, { groups, minPeriods: 2 }); }
}

const rows: string[] = ['store,date,sales,flag'];
for (let s = 0; s < 40; s++) {
  const n = 1 + ((s * 37) % 61);
  for (let d = 0; d < n; d++) {
    const date = `2024-${String(1 + Math.floor(d / 28)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`;
    const sales = (s * 13 + d * 7) % 11 === 0 ? '' : String((s * 13 + d * 7) % 97);
    rows.push(`s${String(s).padStart(2, '0')},${date},${sales},${s === 33 ? 1 : 0}`);
  }
}

const dir = project({
  'features.ts': `
import { feature, rollingMean, shift, type Groups } from 'quiver';
export class Store {
  @feature() ma3(sales: Float64Array, groups: Groups): Float64Array {
    return rollingMean(sales, 3, { groups, minPeriods: 2 });
  }
  @feature() lag1(sales: Float64Array, groups: Groups): Float64Array { return shift(sales, 1, { groups }); }
  @feature() big(sales: Float64Array): string[] {
    return Array.from(sales, (v) => (v > 50 ? 'big' : v === v ? 'small' : null)) as string[];
  }
}
export class Fails extends Store {
  @feature() boom(flag: Float64Array, ma3: Float64Array): Float64Array {
    if (flag.includes(1)) throw new Error('flagged store');
    return ma3;
  }
}
`,
  'sales.csv': `${rows.join('\n')}\n`,
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = ['run', 'features.ts', '--inputs', 'sales.csv', '--entity', 'store', '--time', 'date', '--quiet'];
const common = [...run, '--class', 'Store'];

function expectSameCells(a: Table, b: Table) {
  expect(b.numRows).toBe(a.numRows);
  const types = (t: Table) => t.schema.fields.map((f) => `${f.name}: ${f.type}`);
  expect(types(b)).toEqual(types(a));
  for (const f of a.schema.fields) {
    const x = Array.from({ length: a.numRows }, (_, i) => a.getChild(f.name)!.get(i));
    const y = Array.from({ length: b.numRows }, (_, i) => b.getChild(f.name)!.get(i));
    expect(y).toEqual(x);
  }
}

describe('quiver run --partitions writes partition by partition', () => {
  let whole: Table;
  beforeAll(async () => {
    const r = quiver([...common, '--out', 'whole.arrow', '--report', 'whole.html'], dir);
    expect(r.stderr).toBe('');
    whole = await readTable(path.join(dir, 'whole.arrow'));
  });

  test('the unpartitioned run: entity and time lead, then the outputs', () => {
    expect(whole.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual([
      'store: Utf8', 'date: Timestamp<MILLISECOND>', 'ma3: Float64', 'lag1: Float64', 'big: Utf8',
    ]);
    // s00 has one row, s01 38 from 2024-01-01
    expect([0, 1, 2].map((i) => whole.getChild('store')!.get(i))).toEqual(['s00', 's01', 's01']);
    expect([0, 1, 2].map((i) => whole.getChild('date')!.get(i))).toEqual([1, 1, 2].map((d) => Date.UTC(2024, 0, d)));
  });

  test('the same leading columns as buildTrainingFrame, whose rows are a subset of the run\'s', async () => {
    const data = await readTable(path.join(dir, 'sales.csv'));
    const options = { features: [InProcess], data, entity: 'store', time: 'date', target: 'sales' };
    const frame = await buildTrainingFrame(options);
    const lead = (t: Table) => t.schema.fields.slice(0, 2).map((f) => `${f.name}: ${f.type}`);
    expect(lead(frame.train)).toEqual(lead(whole));
    const key = (t: Table, i: number) => `${t.getChild('store')!.get(i)} ${t.getChild('date')!.get(i)}`;
    const keys = new Set(Array.from({ length: whole.numRows }, (_, i) => key(whole, i)));
    expect(frame.train.numRows).toBeGreaterThan(500);
    for (let i = 0; i < frame.train.numRows; i++) expect(keys.has(key(frame.train, i))).toBe(true);
  });

  // partition 1 (store s00, one row, no sales) has \`big\` all null: Float64 there until settled to Utf8
  test.each(['arrow', 'arrows', 'parquet'])('40 partitions of 1 to 61 rows to .%s: the same cells', async (ext) => {
    const report = ext === 'arrow' ? ['--report', 'p40.html'] : [];
    const r = quiver([...common, '--out', `p40.${ext}`, '--partitions', '40', ...report], dir);
    expect(r.stderr).toBe(`note: ${csvNote('sales.csv')}\n`);
    expect(r.code).toBe(0);
    const n = whole.numRows.toLocaleString('en-US');
    expect(r.stdout).toMatch(new RegExp(`^Wrote ${n} rows × 5 columns to p40\\.${ext}`));
    expect(r.stdout).toContain(`First 5 of ${n} rows, 5 of 5 columns:`);
    const parted = await readTable(path.join(dir, `p40.${ext}`));
    if (ext !== 'parquet') expect(parted.batches.length).toBe(40);
    expectSameCells(whole, parted);
  });

  test('the printed missing values and the report of the whole result match the unpartitioned run', () => {
    const a = quiver([...common, '--out', 'w2.csv'], dir).stdout;
    const b = quiver([...common, '--out', 'p2.csv', '--partitions', '7'], dir).stdout;
    const missing = (text: string) => /^Missing values.*$/m.exec(text)?.[0];
    expect(missing(b)).toBe(missing(a));
    expect(missing(a)).toMatch(/^Missing values \(null or NaN\) in 3 of 5 columns: /);
    const section = (file: string) =>
      /<section id="result">[\s\S]*?<\/section>/.exec(fs.readFileSync(path.join(dir, file), 'utf8'))?.[0];
    expect(section('p40.html')).toBe(section('whole.html'));
  });

  test('a feature that throws in partition 34 of 40: exit 1 naming it; the file that was there stays', () => {
    fs.writeFileSync(path.join(dir, 'kept.parquet'), 'previous run');
    const r = quiver([...run, '--class', 'Fails', '--outputs', 'boom', '--out', 'kept.parquet', '--partitions', '40'],
      dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/boom/);
    expect(r.stderr).toMatch(/in partition 34 of 40 \(history rows \d+–\d+, 1 entities\)/);
    expect(fs.readFileSync(path.join(dir, 'kept.parquet'), 'utf8')).toBe('previous run');
    expect(fs.readdirSync(dir).filter((f) => f.includes('kept') && f !== 'kept.parquet')).toEqual([]);
  });

  test('an output named like the entity column is a usage error (it leads the result already)', () => {
    const r = quiver([...common, '--outputs', 'ma3,store', '--out', 'clash.arrow', '--partitions', '4'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'The output "store" has the name of the --entity column, which leads the result already; leave it out',
    );
    expect(fs.existsSync(path.join(dir, 'clash.arrow'))).toBe(false);
  });
});
