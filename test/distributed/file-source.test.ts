/**
 * `quiver run --queue` on an Arrow IPC file (many record batches) and a Parquet file (many row
 * groups) sorted by entity: the coordinator reads no history (no inputs.arrow in the store), each
 * `quiver worker` reads its partition's rows of the user's file, and the result equals the
 * single-process run cell for cell and row for row, the entity and time columns included. A
 * history of 300 entities of 1–9 rows (times descending inside some, NaN values), entities
 * straddling batches and row groups; real redis-server on a free loopback port, real workers.
 * A file touched between the coordinator's index and a worker's read fails the run naming it.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tableToIPC, type Table } from 'apache-arrow';
import { readDataset, readManifest } from '../../adapters/files/dataset';
import { tableFromColumns } from '../../adapters/arrow/table-from-columns';
import { writeArrowParts } from '../../adapters/files/write-arrow';
import { writeParquet } from '../../adapters/files/write-parquet';
import { connectRedis } from '../../adapters/bullmq/connection';
import { csvNote, project, quiver } from '../cli/support/cli';
import { writeCsv } from '../../adapters/csv/write-csv';
import { hasRedis, startRedis, type RedisServer } from './support/redis-server';
import { cells as cellsOf, expectSame } from './support/cells';

const RUNNER = path.join(__dirname, '../cli/support/run-from-source.js');

const FEATURES = `
import { ewmMean, feature, rollingMean, rollingStd, shift, tag, type Groups } from 'quiver';
export class Store {
  @feature() ma3(x: Float64Array, groups: Groups): Float64Array { return rollingMean(x, 3, { groups, minPeriods: 1 }); }
  @feature() sd4(x: Float64Array, groups: Groups): Float64Array { return rollingStd(x, 4, { groups, minPeriods: 2 }); }
  @feature() lag1(x: Float64Array, groups: Groups): Float64Array { return shift(x, 1, { groups }); }
  @feature() ewm4(x: Float64Array, groups: Groups): Float64Array { return ewmMean(x, { span: 4, groups }); }
  @feature() label(store: string[]): string[] { return store.map((s) => s.slice(0, 2)); }
}
export class Global {
  @tag({ entityScope: 'global' }) total(x: Float64Array): number {
    let t = 0;
    for (const v of x) if (v === v) t += v;
    return t;
  }
  @feature() share(x: Float64Array, total: number): Float64Array { return x.map((v) => v / total); }
}
`;

/**
 * 300 entities of 1–9 rows, sorted by entity (times descending inside every 9th unless `ascending`:
 * then the worker leads its part with the file's own entity strings), some x NaN.
 */
function history(ascending = false): Table {
  const store: string[] = [];
  const date: number[] = [];
  const x: number[] = [];
  for (let e = 0; e < 300; e++) {
    const n = 1 + ((e * 7) % 9);
    for (let t = 0; t < n; t++) {
      const day = e % 9 === 4 && !ascending ? n - 1 - t : t;
      store.push(`e${String(e).padStart(3, '0')}`);
      date.push(Date.UTC(2024, 0, 1 + day));
      x.push((e * 31 + t * 7) % 13 === 0 ? NaN : e + t / 10);
    }
  }
  return tableFromColumns(['store', 'date', 'x'], [store, Float64Array.from(date), Float64Array.from(x)]);
}

const run = hasRedis ? describe : describe.skip;
if (!hasRedis) test.skip('distributed: /usr/bin/redis-server is not installed (.ci/run installs it)', () => undefined);

let redis: RedisServer;
let dir: string;
/** The cells of a file in the test's folder. */
const cells = (file: string) => cellsOf(path.join(dir, file));
const workers: ChildProcess[] = [];

function worker(): ChildProcess & { lines: string[] } {
  const child = spawn(process.execPath, [RUNNER, 'worker', '--redis', redis.url], {
    cwd: dir, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { lines: string[] };
  child.lines = [];
  child.stdout!.on('data', (d: Buffer) => child.lines.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (d: Buffer) => child.lines.push(...d.toString().split('\n').filter(Boolean)));
  workers.push(child);
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The run keys' folders of a store, and the files in each. */
function storeFiles(store: string): string[][] {
  return fs.readdirSync(path.join(dir, store)).map((k) => fs.readdirSync(path.join(dir, store, k)));
}

run('quiver run --queue: each worker reads its rows of the user\'s Arrow / Parquet file', () => {
  beforeAll(async () => {
    redis = await startRedis();
    dir = project({ 'features.ts': FEATURES });
    const table = history();
    await writeArrowParts((function* () {
      for (let i = 0; i < table.numRows; i += 50) yield table.slice(i, i + 50); // entities straddle batches
    })(), path.join(dir, 'history.arrow'));
    await writeParquet(table, path.join(dir, 'history.parquet'), { rowGroupSize: 64 });
    const ascending = history(true);
    await writeArrowParts((function* () {
      for (let i = 0; i < ascending.numRows; i += 50) yield ascending.slice(i, i + 50);
    })(), path.join(dir, 'ascending.arrow'));
    worker();
    worker();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => stop(w)));
    await redis?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const args = (inputs: string) => ['run', 'features.ts', '--class', 'Store', '--inputs', inputs,
    '--entity', 'store', '--time', 'date', '--quiet'];

  for (const [inputs, what] of [['history.arrow', 'a sorted Arrow IPC file of 30 record batches'],
    ['history.parquet', 'a sorted Parquet file of 24 row groups'],
    ['ascending.arrow', 'an Arrow file sorted by entity and time']] as const) {
    test(`${what}: the single-process table cell for cell, no history in the store; a rerun computes nothing`,
      async () => {
        const base = inputs.replace('.', '-');
        const whole = quiver([...args(inputs), '--out', `${base}-whole.arrow`], dir);
        expect(whole.stderr).toBe('');
        const store = `${base}.store`;
        const dist = quiver([...args(inputs), '--out', `${base}-dist.arrow`, '--queue', redis.url,
          '--partitions', '7', '--store', store], dir);
        expect(dist.stderr).toBe(''); // no note: the file is not read whole
        expect(dist.code).toBe(0);
        const a = await cells(`${base}-whole.arrow`);
        const b = await cells(`${base}-dist.arrow`);
        expect(Object.keys(a.out).slice(0, 2)).toEqual(['store', 'date']);
        expect(b.types).toEqual(a.types);
        expect(b.rows).toBe(a.rows);
        expect(b.batches).toBe(7);
        expectSame(a.out, b.out);
        // the coordinator wrote no history into the store: the workers read the user's file
        const [files] = storeFiles(store);
        expect(files).not.toContain('inputs.arrow');
        expect(files.filter((f) => /^part-\d+\.arrow$/.test(f))).toHaveLength(7);

        const again = quiver([...args(inputs).filter((x) => x !== '--quiet'), '--out', `${base}-again.arrow`,
          '--queue', redis.url, '--partitions', '7', '--store', store], dir);
        expect(again.code).toBe(0);
        expect(again.stderr).toMatch(/all 7 already in the store/);
        expectSame(a.out, (await cells(`${base}-again.arrow`)).out);
      }, 120_000);
  }

  test('--dataset from the workers\' own reads: one part per partition, the single-process table', async () => {
    const dist = quiver([...args('history.arrow'), '--out', 'ds', '--dataset', '--queue', redis.url,
      '--partitions', '4', '--store', 'ds.store'], dir);
    expect(dist.code).toBe(0);
    expect(dist.stderr).toBe('');
    const manifest = await readManifest(path.join(dir, 'ds'));
    expect(manifest.parts).toHaveLength(4);
    const t = await readDataset(path.join(dir, 'ds'));
    const out: Record<string, unknown[]> = {};
    for (const f of t.schema.fields) {
      out[f.name] = Array.from(t.getChild(f.name)!, (v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
    }
    expectSame((await cells('history-arrow-whole.arrow')).out, out);
  }, 120_000);

  test('the file rewritten after a run: a new run key, the parts computed from the new rows', async () => {
    const table = history();
    const file = path.join(dir, 'changing.arrow');
    await writeArrowParts((function* () {
      for (let i = 0; i < table.numRows; i += 40) yield table.slice(i, i + 40);
    })(), file);
    const q = (out: string) => quiver([...args('changing.arrow'), '--out', out, '--queue', redis.url,
      '--partitions', '5', '--store', 'changing.store'], dir);
    expect(q('changing-1.arrow').code).toBe(0);
    const doubled = tableFromColumns(['store', 'date', 'x'], [
      Array.from(table.getChild('store')!), table.getChild('date')!.toArray(),
      (table.getChild('x')!.toArray() as Float64Array).map((v) => v * 2),
    ]);
    await writeArrowParts((function* () {
      for (let i = 0; i < doubled.numRows; i += 40) yield doubled.slice(i, i + 40);
    })(), file);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000)); // a new modification time, whatever the clock
    expect(q('changing-2.arrow').code).toBe(0);
    expect(storeFiles('changing.store')).toHaveLength(2);
    const one = (await cells('changing-1.arrow')).out.lag1 as number[];
    const two = (await cells('changing-2.arrow')).out.lag1 as number[];
    const bad = one.findIndex((v, i) => !Object.is(v * 2, two[i]));
    expect(bad === -1 ? 'all doubled' : `lag1[${bad}]: ${one[bad]} then ${two[bad]}`).toBe('all doubled');
  }, 120_000);

  test('global features, a CSV file: read whole by the coordinator as before, with the --partitions note', async () => {
    const globals = quiver(['run', 'features.ts', '--class', 'Global', '--inputs', 'history.arrow',
      '--entity', 'store', '--time', 'date', '--quiet', '--out', 'g-dist.arrow', '--queue', redis.url,
      '--partitions', '3', '--store', 'g.store'], dir);
    expect(globals.code).toBe(0);
    expect(globals.stderr).toMatch(/note: --partitions reads history\.arrow whole: the global feature "total" needs/);
    expect(storeFiles('g.store')[0]).toContain('inputs.arrow');
    const whole = quiver(['run', 'features.ts', '--class', 'Global', '--inputs', 'history.arrow',
      '--entity', 'store', '--time', 'date', '--quiet', '--out', 'g-whole.arrow'], dir);
    expect(whole.code).toBe(0);
    expectSame((await cells('g-whole.arrow')).out, (await cells('g-dist.arrow')).out);

    await writeCsv(history(), path.join(dir, 'history.csv'));
    const csv = quiver([...args('history.csv'), '--out', 'csv-dist.arrow', '--queue', redis.url,
      '--partitions', '3', '--store', 'csv.store'], dir);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toBe(`note: ${csvNote('history.csv')}\n`);
    expect(storeFiles('csv.store')[0]).toContain('inputs.arrow');
    expectSame((await cells('history-arrow-whole.arrow')).out, (await cells('csv-dist.arrow')).out);
  }, 120_000);

  test('an Arrow IPC stream is read whole with its note; a missing file is the read\'s own error', async () => {
    fs.writeFileSync(path.join(dir, 'history.arrows'), tableToIPC(history(), 'stream'));
    const stream = quiver([...args('history.arrows'), '--out', 'stream-dist.arrow', '--queue', redis.url,
      '--partitions', '3', '--store', 'stream.store'], dir);
    expect(stream.code).toBe(0);
    expect(stream.stderr).toMatch(/^note: --queue reads history\.arrows whole: an Arrow IPC stream has no footer/);
    expect(storeFiles('stream.store')[0]).toContain('inputs.arrow');
    expectSame((await cells('history-arrow-whole.arrow')).out, (await cells('stream-dist.arrow')).out);
    const missing = quiver([...args('missing.arrow'), '--out', 'm.arrow', '--queue', redis.url,
      '--partitions', '3'], dir);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/missing\.arrow/);
    expect(missing.stderr).not.toMatch(/ENOENT: no such file or directory, stat/);
  }, 120_000);

  test('the file touched between the coordinator\'s index and the worker\'s read: the run fails', async () => {
    await Promise.all(workers.splice(0).map((w) => stop(w)));
    const file = path.join(dir, 'touched.arrow');
    fs.copyFileSync(path.join(dir, 'history.arrow'), file);
    const queue = ['--queue', redis.url, '--partitions', '3', '--store', 'touched.store'];
    const argv = [RUNNER, ...args('touched.arrow'), '--out', 'touched-dist.arrow', ...queue];
    const coordinator = spawn(process.execPath, argv, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    coordinator.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => coordinator.once('exit', (code) => resolve(code)));
    const client = await connectRedis(redis.url);
    try {
      const end = Date.now() + 60_000;
      const queued = async () => (await client.zcard('quiver:partitions:prioritized')) +
        (await client.llen('quiver:partitions:wait'));
      while ((await queued()) < 3) {
        if (Date.now() > end) throw new Error('the coordinator added no jobs within 60 s');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await client.quit();
    }
    fs.utimesSync(file, new Date(), new Date(Date.now() + 60_000)); // rewritten, as far as anyone can tell
    worker();
    expect(await exited).toBe(1);
    expect(stderr).toMatch(/DistributedError: A partition job failed on a worker of redis:/);
    expect(stderr).toMatch(/touched\.arrow on worker .* is not the one the coordinator indexed: it was \d+ bytes, mod/);
    expect(fs.existsSync(path.join(dir, 'touched-dist.arrow'))).toBe(false);
  }, 120_000);
});
