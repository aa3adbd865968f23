/**
 * The coordinator writes `--out` from the store one part at a time: the parts' types and
 * nullability are settled on their footers and batch metadata (`partColumns`, no data read), each
 * part (or record batch of a part, each led by its own history rows) is read, conformed and
 * written before the next is read, and the file equals the table the parts joined in memory gave
 * (types, nullability, cells, row order). End to end: `quiver run
 * --queue` on real workers writes one or more record batches per part, the single-process table
 * cell for cell, with a string column all null in its first partitions given its string type.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Table } from 'apache-arrow';
import { writeResult, writeSettledParts } from '../../adapters/files/formats';
import { tableFromColumns } from '../../adapters/arrow/table-from-columns';
import { settleTypes } from '../../adapters/arrow/settle-types';
import { joinBatches } from '../../adapters/arrow/join-batches';
import { writeArrow } from '../../adapters/files/write-arrow';
import { partColumns } from '../../adapters/files/part-columns';
import { leadByHistory, readSettledParts, settledSchemaOf } from '../../adapters/bullmq/settled-parts';
import { withLeadColumns } from '../../adapters/arrow/lead-columns';
import { csvNote, project, quiver } from '../cli/support/cli';
import { hasRedis, startRedis, type RedisServer } from './support/redis-server';
import { cells, expectSame } from './support/cells';

const RUNNER = path.join(__dirname, '../cli/support/run-from-source.js');

async function* each(tables: readonly Table[]): AsyncGenerator<Table> {
  yield* tables;
}

describe('parts settled on their footers', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-streamed-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // as workers write them: a string column all null in parts 1 and 3 (inferred Float64 there), a
  // number column with no null in part 1 (not nullable there), an empty part, a batch per 2 rows
  const parts = [
    tableFromColumns(['x', 'label', 'n'], [Float64Array.of(1, 2, 3), [null, null, null], Float64Array.of(1, 2, 3)]),
    tableFromColumns(['x', 'label', 'n'], [Float64Array.of(4, NaN), ['a', null], [5, null]]),
    tableFromColumns(['x', 'label', 'n'], [new Float64Array(0), [], new Float64Array(0)]),
    tableFromColumns(['x', 'label', 'n'], [Float64Array.of(7), [null], Float64Array.of(8)]),
  ];

  test('partColumns reads the schema and the all-null columns from the metadata alone', async () => {
    const files = await Promise.all(parts.map(async (t, i) => {
      const file = path.join(dir, `part-${i}.arrow`);
      await writeArrow(t, file);
      return file;
    }));
    const columns = await Promise.all(files.map(partColumns));
    expect(columns.map((c) => c.rows)).toEqual([3, 2, 0, 1]);
    expect(columns.map((c) => c.allNull)).toEqual([
      [false, true, false], [false, false, false], [true, true, true], [false, true, false],
    ]);
    expect(columns.map((c) => String(c.schema.fields[1].type))).toEqual(['Float64', 'Utf8', 'Float64', 'Float64']);
  });

  test('read one at a time and written, the file is the settled join: types, nullability, cells', async () => {
    const files = parts.map((_, i) => path.join(dir, `part-${i}.arrow`));
    const settled = settledSchemaOf(await Promise.all(files.map(partColumns)));
    // what the coordinator wrote before: every part in memory, settled, joined, written
    const held: Table[] = [];
    for await (const t of settleTypes(each(parts))) held.push(t);
    for (const ext of ['arrow', 'parquet']) {
      await writeResult(joinBatches(held), path.join(dir, `joined.${ext}`));
      await writeSettledParts(readSettledParts(files, settled), path.join(dir, `streamed.${ext}`));
      const a = await cells(path.join(dir, `joined.${ext}`));
      const b = await cells(path.join(dir, `streamed.${ext}`));
      expect(b.types).toEqual(a.types);
      expect(b.types.label).toBe('Utf8 (nullable)');
      expect(b.rows).toBe(6);
      expectSame(a.out, b.out);
    }
    expect((await cells(path.join(dir, 'streamed.arrow'))).batches).toBeGreaterThanOrEqual(3);
  });

  test('one record batch at a time, led by the history rows each batch holds: the joined table led', async () => {
    // 3 partitions of 4, 5 and 3 rows, label all null in the first; the parts written a row per batch
    const sizes = [4, 5, 3];
    const rows = 12;
    const store = Array.from({ length: rows }, (_, i) => `e${Math.floor(i / 2)}`);
    const epochMs = Float64Array.from({ length: rows }, (_, i) => Date.UTC(2024, 0, 1 + i));
    const history = { entity: 'store', time: 'date', inputs: { store, date: epochMs } };
    const partitions: { start: number; end: number }[] = [];
    const tables: Table[] = [];
    const files: string[] = [];
    let start = 0;
    for (const [k, n] of sizes.entries()) {
      partitions.push({ start, end: start + n });
      const x = Float64Array.from({ length: n }, (_, i) => 10 * (start + i));
      const label = Array.from({ length: n }, (_, i) => (k === 0 ? null : `r${start + i}`));
      const part = tableFromColumns(['x', 'label'], [x, label]);
      tables.push(part);
      const file = path.join(dir, `batched-${k}.arrow`);
      await writeArrow(part, file, { maxBatchBytes: 1 }); // as a worker writes its part, in batches of one row
      files.push(file);
      start += n;
    }
    const columns = await Promise.all(files.map(partColumns));
    expect(columns.map((c) => c.batches)).toEqual(sizes);
    const settled = settledSchemaOf(columns);
    const map = leadByHistory(history, partitions, settled.schema);
    const pieces: Table[] = [];
    for await (const t of readSettledParts(files, settled, { map, byBatch: true })) pieces.push(t);
    expect(pieces).toHaveLength(rows);
    const held: Table[] = [];
    for await (const t of settleTypes(each(tables))) held.push(t);
    const lead = { entity: { name: 'store', values: store }, time: { name: 'date', epochMs } };
    await writeResult(withLeadColumns(joinBatches(held), lead), path.join(dir, 'led-joined.arrow'));
    await writeSettledParts(each(pieces), path.join(dir, 'led-streamed.arrow'));
    const a = await cells(path.join(dir, 'led-joined.arrow'));
    const b = await cells(path.join(dir, 'led-streamed.arrow'));
    expect(b.types).toEqual(a.types);
    expect(b.batches).toBe(rows);
    expectSame(a.out, b.out);
    expect(b.out.store).toEqual(store);
    expect(b.out.x).toEqual(Array.from({ length: rows }, (_, i) => 10 * i));
  });
});

const FEATURES = `
import { feature, rollingMean, shift, type Groups } from 'quiver';
export class Store {
  @feature() ma3(sales: Float64Array, groups: Groups): Float64Array {
    return rollingMean(sales, 3, { groups, minPeriods: 2 });
  }
  @feature() lag1(sales: Float64Array, groups: Groups): Float64Array { return shift(sales, 1, { groups }); }
  // no value before store s150: the first partitions' parts hold this column all null
  @feature() tier(store: string[]): (string | null)[] { return store.map((s) => (s < 's150' ? null : s.slice(0, 2))); }
}
`;

const rows: string[] = ['store,date,sales'];
for (let s = 0; s < 300; s++) {
  for (let d = 0; d < 1 + ((s * 37) % 23); d++) {
    const sales = (s * 13 + d * 7) % 11 === 0 ? '' : (s * 13 + d * 7) % 97;
    rows.push(`s${String(s).padStart(3, '0')},2024-01-${String(1 + d).padStart(2, '0')},${sales}`);
  }
}

const run = hasRedis ? describe : describe.skip;
if (!hasRedis) test.skip('distributed: /usr/bin/redis-server is not installed (.ci/run installs it)', () => undefined);

run('quiver run --queue writes the parts one at a time', () => {
  let redis: RedisServer;
  let dir: string;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    dir = project({ 'features.ts': FEATURES, 'sales.csv': `${rows.join('\n')}\n` });
    for (let k = 0; k < 2; k++) {
      workers.push(spawn(process.execPath, [RUNNER, 'worker', '--redis', redis.url], {
        cwd: dir, env: { ...process.env, FORCE_COLOR: '0' }, stdio: 'ignore',
      }));
    }
  }, 30_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
      if (w.exitCode !== null || w.signalCode !== null) return resolve();
      w.once('exit', () => resolve());
      w.kill('SIGKILL');
    })));
    await redis?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('one or more record batches per part, the single-process table; an all-null part typed as the rest',
    async () => {
      const common = ['run', 'features.ts', '--inputs', 'sales.csv', '--entity', 'store', '--time', 'date', '--quiet'];
      for (const ext of ['arrow', 'parquet']) {
        expect(quiver([...common, '--out', `whole.${ext}`], dir).code).toBe(0);
        const dist = quiver([...common, '--out', `dist.${ext}`, '--queue', redis.url, '--partitions', '5',
          '--store', 'parts.store', '--report', `report-${ext}.html`], dir);
        expect(dist.stderr).toBe(`note: ${csvNote('sales.csv')}\n`);
        expect(dist.code).toBe(0);
        // the preview and missing-values line come from the parts' summary, as the single-process run's
        expect(dist.stdout).toMatch(/Wrote [\d,]+ rows × 5 columns/);
        expect(dist.stdout).toMatch(/tier/);
        const a = await cells(path.join(dir, `whole.${ext}`));
        const b = await cells(path.join(dir, `dist.${ext}`));
        expect(b.types).toEqual(a.types);
        expect(a.types.tier).toBe('Utf8 (nullable)');
        expect(b.rows).toBe(a.rows);
        expectSame(a.out, b.out);
        if (ext === 'arrow') expect(b.batches).toBeGreaterThanOrEqual(5);
        expect(fs.readFileSync(path.join(dir, `report-${ext}.html`), 'utf8')).toMatch(/tier/);
      }
      // the store's first parts hold tier all null, typed otherwise than Utf8: the settling was needed
      const [key] = fs.readdirSync(path.join(dir, 'parts.store'));
      const partFiles = fs.readdirSync(path.join(dir, 'parts.store', key)).filter((f) => /^part-\d+\.arrow$/.test(f));
      expect(partFiles).toHaveLength(5);
      const tiers = await Promise.all(partFiles.sort().map(async (f) => {
        const c = await partColumns(path.join(dir, 'parts.store', key, f));
        const j = c.schema.fields.findIndex((x) => x.name === 'tier');
        return `${String(c.schema.fields[j].type)}${c.allNull[j] ? ' all null' : ''}`;
      }));
      expect(tiers[0]).not.toBe('Utf8');
      expect(tiers[0]).toMatch(/all null/);
      expect(tiers[4]).toBe('Utf8');
    }, 120_000);
});
