/**
 * What the cache costs and saves (issue 15), three figures from one process:
 * 1. the weather main job (examples/weather, ~1,000 features): uncached, cold cache (empty
 *    directory: compute + hash + store), warm cache (every feature read back) — target warm ≥ 10×
 *    faster than cold; and the same three for the driver run of its features alone (graph build,
 *    keys, store; no frame work: history sort, warm-up, splits, leakage, split tables), which is
 *    the cache's own share;
 * 2. W1 at `--features` × `--rows` (default 1,000 × 100,000), fully cached: `execute` of every
 *    output into one Arrow table, against `readArrow` of that same table from one Arrow file —
 *    target ≤ 1.5×;
 * 3. hashing against an uncached W1 run — target ≤ 10% — measured inside `--reps` cold cached
 *    runs (benchmarks/harness/hash-meter.ts): data and code versions (fingerprints: inputs, config,
 *    and nodes always computed; a computed node's data version is its key, so its value is not
 *    fingerprinted), payload checksums (CRC-32 of every stored value, as the store writes it) and keys; and,
 *    for comparison, what content data versions would cost: fingerprinting W1's inputs and every
 *    output column on their own (as Hamilton versions every result).
 * The weather figures include the demo's warm run (main.ts passes an `openLineage` adapter):
 * `weather.lineage`, read whole from the cache with the lineage events replayed, or node by node.
 * Best of `--reps` (default 3) after a warm-up round; cache directories are made in the OS temp
 * folder and removed.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Builder, dictResult, entityHistory, openLineage, readArrow, writeArrow } from '../../src';
import { Fingerprints } from '../../src/cache/fingerprint';
import { loadHasher } from '../../src/cache/hasher';
import { readWeather } from '../../examples/weather/data';
import { Calendar, CityStatistics, WeatherSignals, WeatherWindows } from '../../examples/weather/features';
import { VALIDATION_FROM, weatherFrame } from '../../examples/weather/frame';
import { numberFlag } from '../harness/args';
import { meterHashing, type HashShare } from '../harness/hash-meter';
import { bestAndMedian, round, settle } from '../harness/measure';
import type { Scenario } from '../harness/scenario';
import { generateRaw, rawList } from '../w1/generate';
import { w1FeatureClasses } from '../w1/quiver-features';
import { w1Features } from '../w1/spec';

/**
 * Best wall-clock and best CPU milliseconds (user + system, this process's threads) of `reps`
 * rounds after a warm-up round. On a machine shared by several sessions the CPU figure is the
 * steadier one: it leaves out the time the process waited for a core.
 */
async function measure(reps: number, fn: () => Promise<unknown>, before?: () => void): Promise<Measured> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= reps; i++) {
    before?.();
    await settle();
    const t = performance.now();
    const c = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(c);
    if (i > 0) { // round 0 warms up
      wall.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { wall: bestAndMedian(wall).best, cpu: bestAndMedian(cpu).best };
}

async function best(reps: number, fn: () => Promise<unknown>, before?: () => void): Promise<number> {
  return (await measure(reps, fn, before)).wall;
}

type Measured = { wall: number; cpu: number };

const fresh = (label: string) => mkdtempSync(join(tmpdir(), `quiver-bench-${label}-`));

async function weather(reps: number) {
  const data = await readWeather();
  const uncached = await measure(reps, () => weatherFrame(data));
  let dir = fresh('weather');
  const cold = await measure(reps, () => weatherFrame(data, [], dir), () => {
    rmSync(dir, { recursive: true, force: true });
    dir = fresh('weather');
  });
  const check = await weatherFrame(data, [], dir);
  if (check.cache.misses.length > 0) throw new Error(`weather warm run computed ${check.cache.misses.length} nodes, e.g. ${check.cache.misses[0]}`);
  const warm = await measure(reps, () => weatherFrame(data, [], dir));
  const lineageFile = join(dir, 'lineage.ndjson');
  const fields = { groups: 'location' };
  const lineage = () => openLineage({ namespace: 'forecasting', job: 'weather', emit: lineageFile, fields });
  const lineageCheck = await weatherFrame(data, [lineage()], dir);
  const clearLineage = () => rmSync(lineageFile, { force: true });
  const warmLineage = await measure(reps, () => weatherFrame(data, [lineage()], dir), clearLineage);
  rmSync(dir, { recursive: true, force: true });
  return {
    features: check.features.length,
    ...figures(uncached, cold, warm),
    target_cold_over_warm: 10,
    // The demo's warm run (examples/weather/main.ts: an openLineage adapter): read whole, or node by node.
    lineage: {
      whole: lineageCheck.notes.every((n) => n.code !== 'frame-cache-off'),
      warm_ms: round(warmLineage.wall),
      warm_cpu_ms: round(warmLineage.cpu),
      cold_over_warm: round(cold.wall / warmLineage.wall, 2),
      cold_over_warm_cpu: round(cold.cpu / warmLineage.cpu, 2),
      over_plain_warm_cpu: round(warmLineage.cpu / warm.cpu, 2),
    },
    driver: await weatherDriver(data, reps),
  };
}

/** The weather features' driver run alone (built each time, as a job does): uncached, cold, warm. */
async function weatherDriver(data: Awaited<ReturnType<typeof readWeather>>, reps: number) {
  const history = entityHistory(data, { entity: 'location', time: 'date' });
  let dir = fresh('weather-driver');
  const driver = (cached: boolean) => {
    const builder = new Builder().withFeatures(WeatherSignals, WeatherWindows, CityStatistics, Calendar)
      .withConfig({ fitUntil: Date.parse(VALIDATION_FROM) }).withResult(dictResult());
    return (cached ? builder.withCache(dir) : builder).build();
  };
  const outputs = driver(false).listAvailableVariables().map((v) => v.name)
    .filter((n) => !(n in history.inputs) && n !== 'fitUntil');
  const run = (cached: boolean) => driver(cached).run(outputs, { inputs: history.inputs });
  const uncached = await measure(reps, () => run(false));
  const cold = await measure(reps, () => run(true), () => {
    rmSync(dir, { recursive: true, force: true });
    dir = fresh('weather-driver');
  });
  await run(true);
  const warm = await measure(reps, async () => {
    const { cache } = await run(true);
    if (cache.misses.length > 0) throw new Error(`weather driver warm run computed ${cache.misses.length} nodes`);
  });
  rmSync(dir, { recursive: true, force: true });
  return { outputs: outputs.length, ...figures(uncached, cold, warm) };
}

/** Wall and CPU ms of the three runs, and their ratios. */
function figures(uncached: Measured, cold: Measured, warm: Measured) {
  return {
    uncached_ms: round(uncached.wall),
    cold_ms: round(cold.wall),
    warm_ms: round(warm.wall),
    cold_over_warm: round(cold.wall / warm.wall, 2),
    warm_over_uncached: round(warm.wall / uncached.wall, 3),
    uncached_cpu_ms: round(uncached.cpu),
    cold_cpu_ms: round(cold.cpu),
    warm_cpu_ms: round(warm.cpu),
    cold_over_warm_cpu: round(cold.cpu / warm.cpu, 2),
    warm_over_uncached_cpu: round(warm.cpu / uncached.cpu, 3),
  };
}

async function w1(n: number, r: number, reps: number) {
  const raw = generateRaw(r);
  const features = w1Features(n);
  const names = features.map((f) => f.name);
  const classes = w1FeatureClasses(features);
  const plain = new Builder().withFeatures(...classes).build();
  const uncachedBoth = await measure(reps, () => plain.execute(names, { inputs: { ...raw } }));
  const uncached = uncachedBoth.wall;

  const hasher = await loadHasher();
  const dir = fresh('w1');
  const file = join(dir, 'w1.arrow');
  let contentVersions: number;
  {
    const table = await plain.execute(names, { inputs: { ...raw } });
    const columns = names.map((name) => table.getChild(name)!.toArray() as Float64Array);
    contentVersions = await best(reps, async () => {
      const prints = new Fingerprints(hasher);
      for (const c of rawList(raw)) prints.of(c);
      for (const c of columns) prints.of(c);
    });
    await writeArrow(table, file);
  } // the table is let go here: the reads below are measured without it in memory
  const arrowBoth = await measure(reps, () => readArrow(file));
  const arrowFile = arrowBoth.wall;
  const cacheDir = () => join(dir, 'cache');
  const cached = () => new Builder().withFeatures(...classes).withCache(cacheDir()).build();
  const shares = (): HashShare[] => [];
  const cold = { ms: [] as number[], cpu: [] as number[], versions: shares(), checksums: shares(), keys: shares() };
  for (let rep = 0; rep < reps; rep++) {
    rmSync(cacheDir(), { recursive: true, force: true });
    await settle();
    const meter = meterHashing(hasher);
    const t = performance.now();
    const c = process.cpuUsage();
    const coldHits = (await cached().run(names, { inputs: { ...raw } })).cache.hits.length; // its table is let go
    const used = process.cpuUsage(c);
    cold.ms.push(performance.now() - t);
    cold.cpu.push((used.user + used.system) / 1000);
    const hashed = meter.stop();
    if (coldHits > 0) throw new Error('W1 cold run read from a cache that should be empty');
    cold.versions.push(hashed.versions);
    cold.checksums.push(hashed.checksums);
    cold.keys.push(hashed.keys);
  }
  const warmDriver = cached();
  const warmRun = async () => {
    const run = await warmDriver.run(names, { inputs: { ...raw } });
    if (run.cache.misses.length > 0) throw new Error(`W1 warm run computed ${run.cache.misses.length} nodes`);
  };
  const warmBoth = await measure(reps, warmRun);
  const warm = warmBoth.wall;
  const warmShares = shares();
  for (let rep = 0; rep < reps; rep++) {
    await settle();
    const meter = meterHashing(hasher);
    await warmRun();
    warmShares.push(meter.stop().checksums);
  }
  rmSync(dir, { recursive: true, force: true });
  const least = (shares: HashShare[]) => shares.reduce((a, b) => (b.ms < a.ms ? b : a));
  const leastTypical = (shares: HashShare[]) => Math.min(...shares.map((x) => x.typicalMs));
  const warmChecksums = least(warmShares);
  const typicalHashing = Math.min(
    ...cold.versions.map((v, k) => v.typicalMs + cold.checksums[k].typicalMs + cold.keys[k].typicalMs),
  );
  const versions = least(cold.versions);
  const checksums = least(cold.checksums);
  const keys = least(cold.keys);
  const hashing = Math.min(...cold.versions.map((v, k) => v.ms + cold.checksums[k].ms + cold.keys[k].ms));
  return {
    features: n,
    rows: r,
    uncached_ms: round(uncached),
    cold_cached_ms: round(Math.min(...cold.ms)),
    cold_over_uncached: round(Math.min(...cold.ms) / uncached, 2),
    warm_cached_ms: round(warm),
    read_arrow_file_ms: round(arrowFile),
    warm_over_arrow_file: round(warm / arrowFile, 2),
    target_warm_over_arrow_file: 1.5,
    cold_versions_ms: round(versions.ms),
    cold_versions_mb: round(versions.mb),
    cold_checksums_ms: round(checksums.ms),
    cold_checksums_mb: round(checksums.mb),
    cold_keys_ms: round(keys.ms),
    hashing_ms: round(hashing),
    versions_over_uncached: round(versions.ms / uncached, 4),
    checksums_over_uncached: round(checksums.ms / uncached, 3),
    hashing_over_uncached: round(hashing / uncached, 3),
    target_hashing_over_uncached: 0.1,
    content_versions_ms: round(contentVersions),
    content_versions_over_uncached: round(contentVersions / uncached, 3),
    warm_checksums_ms: round(warmChecksums.ms),
    warm_checksums_mb: round(warmChecksums.mb),
    warm_checksums_over_warm: round(warmChecksums.ms / warm, 3),
    // CPU (user + system): on a machine shared with other sessions, the figures that leave out waiting for a core
    uncached_cpu_ms: round(uncachedBoth.cpu),
    cold_cached_cpu_ms: round(Math.min(...cold.cpu)),
    cold_over_uncached_cpu: round(Math.min(...cold.cpu) / uncachedBoth.cpu, 2),
    warm_cached_cpu_ms: round(warmBoth.cpu),
    read_arrow_file_cpu_ms: round(arrowBoth.cpu),
    warm_over_arrow_file_cpu: round(warmBoth.cpu / arrowBoth.cpu, 2),
    // hashing at its calls' median speed (see HashShare.typicalMs) over the runs' CPU time
    cold_checksums_typical_ms: round(leastTypical(cold.checksums)),
    checksums_typical_over_uncached_cpu: round(leastTypical(cold.checksums) / uncachedBoth.cpu, 3),
    hashing_typical_ms: round(typicalHashing),
    hashing_typical_over_uncached_cpu: round(typicalHashing / uncachedBoth.cpu, 3),
    warm_checksums_typical_ms: round(leastTypical(warmShares)),
    warm_checksums_typical_over_warm_cpu: round(leastTypical(warmShares) / warmBoth.cpu, 3),
    payload_checksum: hasher.crc32 ? `crc32 (${hasher.crc32Native ? '@node-rs/crc32' : 'zlib.crc32'})` : 'xxh64',
  };
}

const scenario: Scenario = {
  name: 'cache',
  description: 'cache: weather warm vs cold (≥10×); W1 fully cached vs reading one Arrow file (≤1.5×); hashing vs an uncached run (≤10%)',
  async run(args) {
    const reps = numberFlag(args, '--reps', 3);
    const n = numberFlag(args, '--features', 1000);
    const r = numberFlag(args, '--rows', 100_000);
    return { reps, weather: await weather(reps), w1: await w1(n, r, reps) };
  },
};

export default scenario;
