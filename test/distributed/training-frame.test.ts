/**
 * buildTrainingFrame({ distributed }) with a real redis-server and a real `quiver worker` process:
 * the train, validation and test tables equal the single-process frame's, cell for cell; the
 * options are checked before anything runs.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildTrainingFrame, InputError } from '../../src';
import { ShopFeatures } from '../fixtures/distributed-features';
import { hasRedis, startRedis, type RedisServer } from './support/redis-server';

const RUNNER = path.join(__dirname, '../cli/support/run-from-source.js');
const FEATURES = path.join(__dirname, '../fixtures/distributed-features.ts');

function history() {
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

const run = hasRedis ? describe : describe.skip;
if (!hasRedis) test.skip('distributed: /usr/bin/redis-server is not installed (.ci/run installs it)', () => undefined);

run('buildTrainingFrame({ distributed })', () => {
  let redis: RedisServer;
  let worker: ChildProcess;
  let store: string;
  beforeAll(async () => {
    redis = await startRedis();
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-frame-store-'));
    const stdio: ['ignore', 'pipe', 'inherit'] = ['ignore', 'pipe', 'inherit'];
    worker = spawn(process.execPath, [RUNNER, 'worker', '--redis', redis.url], { stdio });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      worker.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('taking partition jobs')) resolve();
      });
      worker.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
    });
  }, 60_000);
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      await new Promise((resolve) => {
        worker.once('exit', resolve);
        worker.kill('SIGKILL');
      });
    }
    await redis?.stop();
    if (store) fs.rmSync(store, { recursive: true, force: true });
  });

  test('the frame equals the single-process one, cell for cell', async () => {
    const options = {
      features: [ShopFeatures], data: history(), entity: 'shop', time: 'day', target: 'sales',
      splits: { validation: '2024-01-25', test: '2024-02-05' },
    };
    const whole = await buildTrainingFrame(options);
    const distributed = { redis: redis.url, partitions: 5, store, features: FEATURES };
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
    expect(fs.readdirSync(store)).toHaveLength(1);
  }, 120_000);

  test('bad distributed options are one InputError before anything runs', async () => {
    const options = { features: [ShopFeatures], data: history(), entity: 'shop', time: 'day', target: 'sales' };
    const distributed = { redis: 'http://x', partitions: 0, store: '' };
    const bad = buildTrainingFrame({ ...options, partitions: 2, distributed });
    await expect(bad).rejects.toThrow(InputError);
    await expect(bad).rejects.toThrow(/distributed.redis is "http:\/\/x"[\s\S]*distributed.partitions is 0/);
    await expect(bad).rejects.toThrow(/distributed.store is ""[\s\S]*partitions and distributed were both given/);
  });
});
