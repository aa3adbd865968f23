/**
 * Distributed runs (BullMQ on Redis) against the single-process run, all as a user runs them:
 * `quiver run` on a history of `--entities` entities × `--rows` rows (an Arrow file) with
 * `--features` per-entity rolling features, then `quiver run --queue` with 1, 2 and 4 local
 * `quiver worker` processes on a real redis-server. Every distributed table must equal the
 * single-process one, cell for cell. The machine has 2 cores shared with others, so 4 workers
 * measure overhead, not speed-up.
 *
 * The history is an Arrow IPC file of record batches of `--batch` rows (`--format parquet`: a
 * Parquet file of row groups of `--batch` rows), sorted by entity, so
 * each worker reads its rows of it (the coordinator indexes the entity column and reads no history).
 *
 * Reported: wall time of each command (process start included), throughput ratio against the
 * single-process run, the coordinator's peak RSS (`/usr/bin/time`'s maximum resident set), the
 * workers' compute rate (rows/s per worker, from the parts' reports), the bytes each worker read
 * (its `/proc/<pid>/io` rchar over the run: files, and the Redis socket), bytes written to the
 * store (inputs once, when the coordinator writes them; parts), Redis commands per job (INFO's
 * total_commands_processed over the run, all clients), and the per-job overhead: the extra wall
 * time of `--partitions 64` over `--partitions 4` on one worker, per extra job.
 *
 * `--old DIR` (a built checkout of an older quiver, its `bin/quiver.js`) runs each distributed
 * configuration with that build's coordinator and workers too, alternating old and new
 * `--rounds` times, and reports both (best and median).
 *
 *   npm run bench -- distributed [--entities 1000] [--rows 200] [--features 20] [--workers 1,2,4]
 *     [--batch 2000] [--format arrow|parquet] [--old /tmp/old-quiver] [--rounds 1]
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tableFromColumns } from '../../adapters/arrow/table-from-columns';
import { readTable } from '../../adapters/files/formats';
import { writeArrowParts } from '../../adapters/files/write-arrow';
import { writeParquet } from '../../adapters/files/write-parquet';
import { commandsProcessed, connectRedis } from '../../adapters/bullmq/connection';
import { numberFlag, stringFlag } from '../harness/args';
import { bestAndMedian, round } from '../harness/measure';
import { hasRedis, startRedis, type RedisServer } from '../harness/redis-server';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'quiver.js');

function featuresSource(n: number): string {
  const lines = ["import { feature, rollingMean, rollingStd, shift, type Groups } from 'quiver';"];
  lines.push('export class Bench {');
  for (let i = 0; i < n; i++) {
    const w = 3 + (i % 17);
    const kernel = i % 3 === 0 ? 'rollingStd' : i % 3 === 1 ? 'rollingMean' : 'shift';
    const call = kernel === 'shift'
      ? `shift(x, ${1 + (i % 5)}, { groups })`
      : `${kernel}(x, ${w}, { groups, minPeriods: 2 })`;
    const x = i % 2 === 0 ? 'a' : 'b';
    lines.push(`  @feature() f${i}(${x}: Float64Array, groups: Groups): Float64Array {`);
    lines.push(`    const x = ${x}; return ${call};`, '  }');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

async function writeHistory(
  file: string, entities: number, rows: number, batch: number,
): Promise<number> {
  const n = entities * rows;
  const entity = new Array<string>(n);
  const time = new Float64Array(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let k = 0;
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let e = 0; e < entities; e++) {
    const name = `e${String(e).padStart(5, '0')}`;
    for (let r = 0; r < rows; r++, k++) {
      entity[k] = name;
      time[k] = Date.UTC(2020, 0, 1) + r * 86_400_000;
      a[k] = rand() < 0.03 ? NaN : rand() * 100;
      b[k] = rand() * 10 - 5;
    }
  }
  const table = tableFromColumns(['entity', 'day', 'a', 'b'], [entity, time, a, b]);
  if (file.endsWith('.parquet')) {
    await writeParquet(table, file, { rowGroupSize: batch });
    return n;
  }
  await writeArrowParts((function* () {
    for (let i = 0; i < n; i += batch) yield table.slice(i, i + batch);
  })(), file);
  return n;
}

/** Wall time and peak RSS (MB, `/usr/bin/time`'s %M) of one `quiver` command of build `bin`. */
function measured(args: string[], cwd: string, bin = BIN): { ms: number; rssMb: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'quiver-max-rss-kb=%M', process.execPath, bin, ...args],
    { cwd, encoding: 'utf8', timeout: 600_000 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`quiver ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = /quiver-max-rss-kb=(\d+)/.exec(r.stderr);
  return { ms, rssMb: kb ? round(Number(kb[1]) / 1024, 1) : Number.NaN };
}

function timed(args: string[], cwd: string, bin = BIN): number {
  return measured(args, cwd, bin).ms;
}

/** Bytes process `pid` has read (rchar: every read(2), files and sockets), or NaN without /proc. */
function bytesRead(pid: number | undefined): number {
  try {
    return Number(/rchar: (\d+)/.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))![1]);
  } catch {
    return Number.NaN;
  }
}

function startWorkers(count: number, url: string, cwd: string, bin = BIN): Promise<ChildProcess[]> {
  return Promise.all(Array.from({ length: count }, () => new Promise<ChildProcess>((resolve, reject) => {
    const stdio: ['ignore', 'pipe', 'inherit'] = ['ignore', 'pipe', 'inherit'];
    const child = spawn(process.execPath, [bin, 'worker', '--redis', url], { cwd, stdio });
    let out = '';
    const timer = setTimeout(() => reject(new Error('a worker did not start within 60 s')), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('taking partition jobs')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`a worker exited ${code}: ${out}`)));
  })));
}

function stopWorkers(workers: readonly ChildProcess[]): Promise<unknown> {
  return Promise.all(workers.map((w) => new Promise((resolve) => {
    w.removeAllListeners('exit');
    w.once('exit', resolve);
    w.kill('SIGTERM');
  })));
}

async function redisCommands(redis: RedisServer): Promise<number> {
  const client = await connectRedis(redis.url);
  try {
    return await commandsProcessed(client);
  } finally {
    await client.quit();
  }
}

async function sameTable(a: string, b: string): Promise<boolean> {
  const [x, y] = [await readTable(a), await readTable(b)];
  if (x.numRows !== y.numRows || x.numCols !== y.numCols) return false;
  for (const f of x.schema.fields) {
    const u = x.getChild(f.name)!.toArray() as Float64Array;
    const v = y.getChild(f.name)?.toArray() as Float64Array | undefined;
    if (!v) return false;
    for (let i = 0; i < u.length; i++) if (!Object.is(u[i], v[i])) return false;
  }
  return true;
}

function storeBytes(dir: string): { inputs: number; parts: number; partFiles: number } {
  let inputs = 0;
  let parts = 0;
  let partFiles = 0;
  for (const key of fs.readdirSync(dir)) {
    for (const f of fs.readdirSync(path.join(dir, key))) {
      const size = fs.statSync(path.join(dir, key, f)).size;
      if (f === 'inputs.arrow') inputs += size;
      else if (f.endsWith('.arrow')) {
        parts += size;
        partFiles++;
      }
    }
  }
  return { inputs, parts, partFiles };
}

function workerRate(dir: string): { rowsPerS: number; ms: number } {
  let rows = 0;
  let ms = 0;
  for (const key of fs.readdirSync(dir)) {
    for (const f of fs.readdirSync(path.join(dir, key))) {
      if (!/^part-\d+\.json$/.test(f)) continue;
      const r = JSON.parse(fs.readFileSync(path.join(dir, key, f), 'utf8')) as { rows: number; ms: number };
      rows += r.rows;
      ms += r.ms;
    }
  }
  return { rowsPerS: rows / (ms / 1000), ms };
}

export default {
  name: 'distributed',
  description: 'quiver run --queue on 1, 2, 4 local workers (real redis-server) vs one process: ratios, per-job cost',
  async run(args: string[]): Promise<Record<string, unknown>> {
    const entities = numberFlag(args, '--entities', 1000);
    const rowsPer = numberFlag(args, '--rows', 200);
    const features = numberFlag(args, '--features', 20);
    const batch = numberFlag(args, '--batch', 2000);
    const rounds = numberFlag(args, '--rounds', 1);
    const old = stringFlag(args, '--old', '');
    const format = stringFlag(args, '--format', 'arrow') === 'parquet' ? 'parquet' : 'arrow';
    const history = `history.${format}`;
    const counts = stringFlag(args, '--workers', '1,2,4').split(',').map(Number);
    if (!hasRedis) {
      return { scenario: 'distributed', error: 'redis-server is not installed (apt-get install redis-server).' };
    }
    const builds: [string, string][] = [['new', BIN]];
    if (old !== '') builds.push(['old', path.join(path.resolve(old), 'bin', 'quiver.js')]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-bench-dist-'));
    const redis = await startRedis();
    try {
      fs.writeFileSync(path.join(dir, 'features.ts'), featuresSource(features));
      const rows = await writeHistory(path.join(dir, history), entities, rowsPer, batch);
      const historyBytes = fs.statSync(path.join(dir, history)).size;
      const common = ['run', 'features.ts', '--inputs', history, '--entity', 'entity', '--time', 'day'];
      common.push('--quiet');
      // compiles features.ts into each build's loader cache
      for (const [name, bin] of builds) timed([...common, '--out', `warm-${name}.arrow`], dir, bin);
      const single = measured([...common, '--out', 'single.arrow'], dir);
      const singleMs = single.ms;
      let round_ = 0;
      const once = async (bin: string, workers: number, partitions: number) => {
        round_++;
        const pool = await startWorkers(workers, redis.url, dir, bin);
        try {
          const store = path.join(dir, `store-${round_}`);
          const out = path.join(dir, `dist-${round_}.arrow`);
          const before = await redisCommands(redis);
          const readBefore = pool.map((w) => bytesRead(w.pid));
          const queue = ['--queue', redis.url, '--partitions', String(partitions), '--store', store];
          const { ms, rssMb } = measured([...common, '--out', out, ...queue], dir, bin);
          const read = pool.map((w, k) => bytesRead(w.pid) - readBefore[k]);
          const ops = (await redisCommands(redis)) - before;
          const bytes = storeBytes(store);
          const rate = workerRate(store);
          const sample = {
            ms, rssMb, equal: await sameTable(path.join(dir, 'single.arrow'), out), rate: rate.rowsPerS,
            workerReadBytes: read.reduce((a, b) => a + b, 0) / workers, inputsBytes: bytes.inputs,
            partBytesPerPartition: Math.round(bytes.parts / Math.max(1, bytes.partFiles)), ops,
          };
          fs.rmSync(store, { recursive: true, force: true });
          fs.rmSync(out, { force: true });
          return sample;
        } finally {
          await stopWorkers(pool);
        }
      };
      const runs: Record<string, unknown>[] = [];
      const distributed = async (workers: number, partitions: number) => {
        const samples = new Map<string, Awaited<ReturnType<typeof once>>[]>(builds.map(([name]) => [name, []]));
        for (let r = 0; r < rounds; r++) {
          // old and new alternate, each going first in turn
          for (const [name, bin] of r % 2 === 0 ? builds : [...builds].reverse()) {
            samples.get(name)!.push(await once(bin, workers, partitions));
          }
        }
        const records: Record<string, Record<string, unknown>> = {};
        for (const [name, list] of samples) {
          const ms = bestAndMedian(list.map((x) => x.ms));
          const rss = bestAndMedian(list.map((x) => x.rssMb));
          const last = list[list.length - 1];
          const record = {
            build: name, workers, partitions, ms: round(ms.median), bestMs: round(ms.best),
            rowsPerS: Math.round(rows / (ms.median / 1000)), vsSingle: round(singleMs / ms.median, 3),
            coordinatorRssMb: rss.median, bestCoordinatorRssMb: rss.best,
            equal: list.every((x) => x.equal), workerRowsPerS: Math.round(last.rate),
            workerReadMb: round(bestAndMedian(list.map((x) => x.workerReadBytes)).median / 2 ** 20, 2),
            inputsBytes: last.inputsBytes, partBytesPerPartition: last.partBytesPerPartition,
            redisOpsPerJob: Math.round(last.ops / partitions),
          };
          runs.push(record);
          records[name] = record;
        }
        return records;
      };
      for (const w of counts) await distributed(w, 4 * w);
      const few = await distributed(1, 4);
      const many = await distributed(1, 64);
      const perJobOverheadMs: Record<string, number> = {};
      for (const [name] of builds) {
        perJobOverheadMs[name] = round(((many[name].ms as number) - (few[name].ms as number)) / 60, 2);
      }
      return {
        scenario: 'distributed', entities, rows, features, format, historyBytes, batchRows: batch, rounds,
        singleMs: round(singleMs), singleRssMb: single.rssMb,
        singleRowsPerS: Math.round(rows / (singleMs / 1000)), runs, perJobOverheadMs,
        allEqual: runs.every((r) => r.equal === true),
      };
    } finally {
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
