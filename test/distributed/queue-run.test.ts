/**
 * Distributed runs end to end on the real parts: Debian's redis-server on a free loopback port,
 * `quiver worker` child processes and the `quiver run --queue` coordinator as a user runs them.
 * The result equals the single-process run cell for cell (a synthetic history of 300 entities
 * with a global feature, and the weather data); a throwing feature fails the run naming node and
 * partition and cancels the jobs not started; a SIGKILLed worker's job is taken over by another
 * (and a SIGKILLed coordinator's rerun rejoins its flow);
 * a rerun computes nothing; an unreachable or lost Redis fails within seconds naming the URL;
 * buildTrainingFrame({ distributed }) gives the single-process frame. One redis-server and one
 * pair of workers serve the tests in turn (worker start-up is most of their time).
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { readDataset, readManifest } from '../../adapters/files/dataset';
import { connectRedis } from '../../adapters/bullmq/connection';
import { buildTrainingFrame, DataValidationError, InputError } from '../../src';
import { CheckedShops, ShopFeatures } from '../fixtures/distributed-features';
import { csvNote, project, quiver } from '../cli/support/cli';
import { freePort, hasRedis, startRedis, type RedisServer } from './support/redis-server';

const RUNNER = path.join(__dirname, '../cli/support/run-from-source.js');
const WEATHER = path.join(__dirname, '../../node_modules/vega-datasets/data/weather.csv');
const SHOP_FEATURES = path.join(__dirname, '../fixtures/distributed-features.ts');

/** 120 shops of 10–46 days, some sales NaN: the history of the buildTrainingFrame test. */
function shops() {
  const shop: string[] = [];
  const day: number[] = [];
  const sales: number[] = [];
  for (let s = 0; s < 120; s++) {
    const n = 10 + ((s * 31) % 37);
    for (let d = 0; d < n; d++) {
      shop.push(`shop${s}`);
      day.push(Date.UTC(2024, 0, 1 + d));
      sales.push((s * 7 + d * 3) % 13 === 0 ? NaN : ((s * 17 + d * 5) % 41) + 0.25);
    }
  }
  return { shop, day, sales: Float64Array.from(sales) };
}

const rows: string[] = ['store,date,sales,region'];
for (let s = 0; s < 300; s++) {
  const n = 1 + ((s * 37) % 53);
  for (let d = 0; d < n; d++) {
    const v = (s * 13 + d * 7) % 97;
    const day = `2024-${String(1 + Math.floor(d / 28)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`;
    const sales = (s * 13 + d * 7) % 11 === 0 ? '' : v;
    rows.push(`s${String(s).padStart(3, '0')},${day},${sales},${s % 3 === 0 ? 'north' : 'south'}`);
  }
}

const FEATURES = `
import { checkOutput, feature, rollingMean, rollingStd, shift, tag, type Groups } from 'quiver';
const spin = (ms: number) => { const end = Date.now() + ms; while (Date.now() < end) { /* busy */ } };
export class Store {
  @feature() ma3(sales: Float64Array, groups: Groups): Float64Array {
    return rollingMean(sales, 3, { groups, minPeriods: 2 });
  }
  @feature() sd5(sales: Float64Array, groups: Groups): Float64Array {
    return rollingStd(sales, 5, { groups, minPeriods: 3 });
  }
  @feature() lag1(sales: Float64Array, groups: Groups): Float64Array {
    if (process.env.QUIVER_TEST_HANG === '1') spin(600_000);
    return shift(sales, 1, { groups });
  }
  @tag({ entityScope: 'global' }) total(sales: Float64Array): number {
    let t = 0;
    for (const v of sales) if (v === v) t += v;
    return t;
  }
  @tag({ entityScope: 'global' }) rank(sales: Float64Array): Float64Array {
    return sales.map((v) => (v === v ? v / 97 : NaN));
  }
  @feature() share(sales: Float64Array, total: number, rank: Float64Array): Float64Array {
    return sales.map((v, i) => v / total + rank[i]);
  }
}
export class Slow {
  @feature() slowLag(sales: Float64Array, groups: Groups, store: string[]): Float64Array {
    spin(300);
    if (store[0] === 's000') throw new RangeError('no history for s000');
    return shift(sales, 1, { groups });
  }
}
export class Checked {
  // -1 on store s150's rows only: the check fails in the one partition that holds s150
  @checkOutput({ range: [0, 1], importance: 'fail' })
  flag(sales: Float64Array, store: string[]): Float64Array {
    return Float64Array.from(store, (s) => (s === 's150' ? -1 : 0));
  }
}
`;

const WEATHER_FEATURES = `
import { feature, rollingMean, shift, type Groups } from 'quiver';
export class Weather {
  @feature() tmax7(temp_max: Float64Array, groups: Groups): Float64Array {
    return rollingMean(temp_max, 7, { groups });
  }
  @feature() windLag(wind: Float64Array, groups: Groups): Float64Array { return shift(wind, 1, { groups }); }
}
`;

const run = hasRedis ? describe : describe.skip;
if (!hasRedis) test.skip('distributed: /usr/bin/redis-server is not installed (.ci/run installs it)', () => undefined);

let redis: RedisServer;
let dir: string;
const workers: ChildProcess[] = [];

/** A `quiver worker` child process; its stdout lines are collected in `.lines`. */
function worker(extra: string[] = [], env: Record<string, string> = {}): ChildProcess & { lines: string[] } {
  const child = spawn(process.execPath, [RUNNER, 'worker', '--redis', redis.url, ...extra], {
    cwd: dir, env: { ...process.env, FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { lines: string[] };
  child.lines = [];
  child.stdout!.on('data', (d: Buffer) => child.lines.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (d: Buffer) => child.lines.push(...d.toString().split('\n').filter(Boolean)));
  workers.push(child);
  return child;
}

async function until(what: string, test: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function columns(file: string) {
  const t = await readTable(path.join(dir, file));
  const out: Record<string, number[]> = {};
  for (const f of t.schema.fields) out[f.name] = Array.from(t.getChild(f.name)!.toArray() as Float64Array);
  return { out, batches: t.batches.length, rows: t.numRows };
}

/** Every cell equal, NaN to NaN, -0 to -0. */
function expectSame(a: Record<string, number[]>, b: Record<string, number[]>) {
  expect(Object.keys(b)).toEqual(Object.keys(a));
  for (const name of Object.keys(a)) {
    expect(b[name].length).toBe(a[name].length);
    const bad = a[name].findIndex((v, i) => !Object.is(v, b[name][i]));
    expect(bad === -1 ? 'all equal' : `${name}[${bad}]: ${a[name][bad]} vs ${b[name][bad]}`).toBe('all equal');
  }
}

run('quiver run --queue with quiver worker processes', () => {
  beforeAll(async () => {
    redis = await startRedis();
    dir = project({ 'features.ts': FEATURES, 'weather.ts': WEATHER_FEATURES, 'sales.csv': `${rows.join('\n')}\n` });
    fs.copyFileSync(WEATHER, path.join(dir, 'weather.csv'));
  }, 30_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => stop(w, 'SIGKILL')));
    await redis?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const common = ['--inputs', 'sales.csv', '--entity', 'store', '--time', 'date', '--quiet'];
  const store = ['run', 'features.ts', '--class', 'Store', ...common];

  test('300 entities on two workers: the single-process table, cell for cell; a rerun computes nothing', async () => {
    const w1 = worker();
    const w2 = worker(['--concurrency', '2']);
    const whole = quiver(['run', 'features.ts', '--class', 'Store', ...common, '--out', 'whole.arrow'], dir);
    expect(whole.stderr).toBe('');
    const dist = quiver([...store, '--out', 'dist.arrow', '--queue', redis.url, '--partitions', '7'], dir);
    // a CSV file is read whole by the coordinator, with the note `quiver run --partitions` gives
    expect(dist.stderr).toBe(`note: ${csvNote('sales.csv')}\n`);
    expect(dist.code).toBe(0);
    const a = await columns('whole.arrow');
    const b = await columns('dist.arrow');
    expect(b.batches).toBe(7);
    expect(b.rows).toBe(a.rows);
    expectSame(a.out, b.out);
    const started = () => [...w1.lines, ...w2.lines].filter((l) => l.includes(': started')).length;
    expect(started()).toBe(7);
    expect(fs.readdirSync(path.join(dir, 'dist.arrow.store'))).toHaveLength(1);

    const loud = store.filter((a) => a !== '--quiet');
    const again = quiver([...loud, '--out', 'again.arrow', '--queue', redis.url, '--partitions', '7',
      '--store', 'dist.arrow.store'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/all 7 already in the store/);
    expectSame(a.out, (await columns('again.arrow')).out);
    expect(started()).toBe(7);
  }, 120_000);

  test('a changed helper module the features import: a new run key, the parts computed again with it', async () => {
    fs.mkdirSync(path.join(dir, 'lib'), { recursive: true });
    const helper = (k: number) => `export const scale = (v: number): number => v * ${k};\n`;
    fs.writeFileSync(path.join(dir, 'lib', 'scale.ts'), helper(2));
    fs.writeFileSync(path.join(dir, 'helped.ts'), `import { feature } from 'quiver';
import { scale } from './lib/scale';
export class Helped {
  @feature() scaled(sales: Float64Array): Float64Array { return sales.map(scale); }
}
`);
    const args = ['run', 'helped.ts', ...common.filter((a) => a !== '--quiet'), '--queue', redis.url,
      '--partitions', '3', '--store', 'helped.store'];
    const first = quiver([...args, '--out', 'helped-1.arrow'], dir);
    expect(first.code).toBe(0);
    fs.writeFileSync(path.join(dir, 'lib', 'scale.ts'), helper(3));
    const second = quiver([...args, '--out', 'helped-2.arrow'], dir);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/already in the store/);
    expect(fs.readdirSync(path.join(dir, 'helped.store'))).toHaveLength(2);
    const a = (await columns('helped-1.arrow')).out.scaled;
    const b = (await columns('helped-2.arrow')).out.scaled;
    const bad = a.findIndex((v, i) => !Object.is(v * 1.5, b[i]));
    expect(bad === -1 ? 'all times 3' : `scaled[${bad}]: ${a[bad]} then ${b[bad]}`).toBe('all times 3');
  }, 120_000);

  test('--dataset: a folder of one part per partition and a checked manifest, the single-process table', async () => {
    const a = await columns('whole.arrow');
    const read = async (folder: string) => {
      const t = await readDataset(path.join(dir, folder));
      const out: Record<string, number[]> = {};
      for (const f of t.schema.fields) out[f.name] = Array.from(t.getChild(f.name)!.toArray() as Float64Array);
      return out;
    };
    const queued = quiver([...store, '--out', 'dist.dataset', '--dataset', '--queue', redis.url,
      '--partitions', '7'], dir);
    expect(queued.stderr).toBe(`note: ${csvNote('sales.csv')}\n`);
    const manifest = await readManifest(path.join(dir, 'dist.dataset'));
    expect(manifest.parts.map((p) => p.file)).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => `part-0000${k}.arrow`));
    expect(manifest.rows).toBe(a.rows);
    expectSame(a.out, await read('dist.dataset'));

    const local = quiver([...store, '--out', 'local.dataset', '--dataset', 'parquet', '--partitions', '3'], dir);
    expect(local.stderr).toBe(`note: ${csvNote('sales.csv')}\n`);
    expect((await readManifest(path.join(dir, 'local.dataset'))).parts.map((p) => p.file)).toEqual(
      ['part-00000.parquet', 'part-00001.parquet', 'part-00002.parquet'],
    );
    expectSame(a.out, await read('local.dataset'));

    const alone = quiver([...store, '--out', 'x.dataset', '--dataset'], dir);
    expect(alone.code).not.toBe(0);
    expect(alone.stderr).toMatch(/--dataset goes with --partitions/);
  }, 120_000);

  test('buildTrainingFrame({ distributed }): the frame equals the single-process one, cell for cell', async () => {
    const options = {
      features: [ShopFeatures], data: shops(), entity: 'shop', time: 'day', target: 'sales',
      splits: { validation: '2024-01-25', test: '2024-02-05' },
    };
    const whole = await buildTrainingFrame(options);
    const frameStore = path.join(dir, 'frame.store');
    const distributed = { redis: redis.url, partitions: 5, store: frameStore, features: SHOP_FEATURES };
    const dist = await buildTrainingFrame({ ...options, distributed });
    expect(dist.features).toEqual(whole.features);
    expect(dist.counts).toEqual(whole.counts);
    for (const split of ['train', 'validation', 'test'] as const) {
      const a = whole[split];
      const b = dist[split];
      expect(b.numRows).toBe(a.numRows);
      expect(a.numRows).toBeGreaterThan(0);
      for (const field of a.schema.fields) {
        const x = Array.from(a.getChild(field.name)!.toArray() as ArrayLike<unknown>);
        const y = Array.from(b.getChild(field.name)!.toArray() as ArrayLike<unknown>);
        expect(y.every((v, i) => Object.is(v, x[i]))).toBe(true);
      }
    }
    expect(fs.readdirSync(frameStore)).toHaveLength(1);
  }, 120_000);

  test('buildTrainingFrame: bad distributed options are one InputError before anything runs', async () => {
    const options = { features: [ShopFeatures], data: shops(), entity: 'shop', time: 'day', target: 'sales' };
    const distributed = { redis: 'http://x', partitions: 0, store: '' };
    const bad = buildTrainingFrame({ ...options, partitions: 2, distributed });
    await expect(bad).rejects.toThrow(InputError);
    await expect(bad).rejects.toThrow(/distributed.redis is "http:\/\/x"[\s\S]*distributed.partitions is 0/);
    await expect(bad).rejects.toThrow(/distributed.store is ""[\s\S]*partitions and distributed were both given/);
  });

  test('weather data (two cities, 2012–2015): the same table as the single-process run', async () => {
    const opts = ['--inputs', 'weather.csv', '--entity', 'location', '--time', 'date', '--quiet'];
    expect(quiver(['run', 'weather.ts', ...opts, '--out', 'w-whole.arrow'], dir).code).toBe(0);
    const dist = quiver(['run', 'weather.ts', ...opts,
      '--out', 'w-dist.arrow', '--queue', redis.url, '--partitions', '2'], dir);
    expect(dist.stderr).toBe(`note: ${csvNote('weather.csv')}\n`);
    const a = await columns('w-whole.arrow');
    const b = await columns('w-dist.arrow');
    expect(a.rows).toBe(2922);
    expect(b.batches).toBe(2);
    expectSame(a.out, b.out);
  }, 120_000);

  test('a throwing feature fails the run naming node and partition; the jobs not started are cancelled', async () => {
    const r = quiver(['run', 'features.ts', '--class', 'Slow', ...common,
      '--out', 'slow.arrow', '--queue', redis.url, '--partitions', '12'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FeatureExecutionError: Feature "slowLag" \(Slow\.slowLag\) threw RangeError: no history/);
    expect(r.stderr).toMatch(/— in partition 1 of 12 \(history rows 0–\d+, \d+ entities\)/);
    expect(fs.existsSync(path.join(dir, 'slow.arrow'))).toBe(false);
    const client = await connectRedis(redis.url);
    const waiting = (await client.zcard('quiver:partitions:prioritized')) +
      (await client.llen('quiver:partitions:wait'));
    await client.quit();
    expect(waiting).toBe(0);
    const store = path.join(dir, 'slow.arrow.store');
    const parts = fs.readdirSync(path.join(store, fs.readdirSync(store)[0]))
      .filter((f) => f.endsWith('.json') && f !== 'batches.json');
    expect(parts.length).toBeLessThan(11);
  }, 120_000);

  test("a worker's failed 'fail' check: the caller gets DataValidationError naming the partition", async () => {
    const args = ['run', 'features.ts', '--class', 'Checked', ...common, '--out', 'checked.arrow'];
    const whole = quiver(args, dir);
    expect(whole.code).toBe(1);
    expect(whole.stderr).toMatch(/DataValidationError: Data quality check failed on "flag"/);
    const r = quiver([...args, '--queue', redis.url, '--partitions', '6', '--store', 'checked.store'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DataValidationError: Data quality check failed on "flag" \(importance 'fail'\)/);
    // the offending rows as the single-process run names them (the whole history's), not the partition's own
    const firstAt = /first at rows [\d, ]+;/.exec(whole.stderr)![0];
    expect(r.stderr).toContain(firstAt);
    expect(r.stderr).toMatch(/— in partition [1-6] of 6 \(history rows \d+–\d+, \d+ entities\)/);
    expect(r.stderr).not.toMatch(/DistributedError|FeatureExecutionError/);
    expect(fs.existsSync(path.join(dir, 'checked.arrow'))).toBe(false);

    // the API caller: the same class, with .partition, its results' rows counted in the whole history
    const data = shops();
    const first37 = data.shop.indexOf('shop37');
    const frameStore = path.join(dir, 'checked-frame.store');
    const distributed = { redis: redis.url, partitions: 4, store: frameStore, features: SHOP_FEATURES };
    const options = { features: [CheckedShops], data, entity: 'shop', time: 'day', target: 'sales', distributed };
    const error = await buildTrainingFrame(options).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    const failed = error as DataValidationError & { partition: number };
    expect(failed.node).toBe('flag');
    expect(failed.partition).toBeGreaterThanOrEqual(0);
    expect(failed.message).toMatch(new RegExp(`— in partition ${failed.partition + 1} of 4 \\(history rows`));
    const [range] = failed.results;
    expect(range).toMatchObject({ node: 'flag', importance: 'fail', passes: false });
    // rows counted in the whole sorted history (shops sorted by name), told as the input row
    const names = [...new Set(data.shop)].sort();
    const before = names.slice(0, names.indexOf('shop37'));
    const sortedAt = before.reduce((n, s) => n + data.shop.filter((x) => x === s).length, 0);
    expect((range.diagnostics.firstRows as number[])[0]).toBe(sortedAt);
    expect(failed.message).toContain(`first at shop="shop37", day=2024-01-01 (input row ${first37})`);
  }, 120_000);

  test('a worker and its coordinator SIGKILLed mid-job: the rerun rejoins, another worker takes the job', async () => {
    await Promise.all(workers.splice(0).map((w) => stop(w)));
    const lock = ['--lock-duration', '1000', '--stalled-interval', '500'];
    const doomed = worker(lock, { QUIVER_TEST_HANG: '1' });
    await until('the first worker to connect', () => doomed.lines.some((l) => l.includes('taking partition jobs')));
    const args = [...store, '--out', 'killed.arrow', '--queue', redis.url, '--partitions', '3',
      '--store', 'killed.store'];
    const coordinate = () => {
      const child = spawn(process.execPath, [RUNNER, ...args], {
        cwd: dir, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      return { child, exited, stderr: () => stderr };
    };
    const first = coordinate();
    await until('the first worker to take a job', () => doomed.lines.some((l) => l.includes(': started')));
    await Promise.all([stop(doomed, 'SIGKILL'), stop(first.child, 'SIGKILL')]);
    const again = coordinate();
    const rescuer = worker(lock);
    expect(await again.exited).toBe(0);
    expect(again.stderr()).toBe(`note: ${csvNote('sales.csv')}\n`);
    // the flow the first coordinator added, not a second one: 3 jobs in all, the stalled one among them
    expect(rescuer.lines.filter((l) => l.includes(' of 3: started'))).toHaveLength(3);
    expectSame((await columns('whole.arrow')).out, (await columns('killed.arrow')).out);
  }, 120_000);

  test('Redis lost mid-run: the coordinator fails within seconds naming the URL', async () => {
    const own = await startRedis();
    const stuck = spawn(process.execPath, [RUNNER, 'worker', '--redis', own.url], {
      cwd: dir, env: { ...process.env, QUIVER_TEST_HANG: '1' }, stdio: ['ignore', 'pipe', 'ignore'],
    });
    workers.push(stuck);
    let said = '';
    stuck.stdout!.on('data', (d: Buffer) => (said += d.toString()));
    try {
      const args = [...store, '--out', 'lost.arrow', '--queue', own.url, '--partitions', '2', '--store', 'lost.store'];
      const coordinator = spawn(process.execPath, [RUNNER, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      coordinator.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => coordinator.once('exit', (code) => resolve(code)));
      await until('the worker to take a job', () => said.includes(': started'));
      await own.stop();
      const lostAt = Date.now();
      expect(await exited).toBe(1);
      expect(Date.now() - lostAt).toBeLessThan(20_000);
      expect(stderr).toContain(`QueueUnavailableError: Redis at ${own.url} was lost mid-run`);
    } finally {
      await stop(stuck, 'SIGKILL');
      await own.stop();
    }
  }, 60_000);

  test('Redis unreachable: the coordinator and a worker fail within seconds naming the URL', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const began = Date.now();
    const r = quiver([...store, '--out', 'none.arrow', '--queue', url, '--partitions', '3'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`QueueUnavailableError: Redis at ${url} could not be reached`);
    const w = quiver(['worker', '--redis', url], dir);
    expect(w.code).toBe(1);
    expect(w.stderr).toContain(`Redis at ${url} could not be reached`);
    expect(Date.now() - began).toBeLessThan(30_000);
  }, 60_000);
});
