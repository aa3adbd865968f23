/**
 * Framework cost per node, warm, in one process: W1 at `--features` (5,000) × `--rows` (10), where
 * the kernels themselves cost almost nothing. Each of `--rounds` rounds (after `--warmup` untimed
 * ones) times, CPU and wall apart:
 *   build          `new Builder().withFeatures(...).build()`
 *   table          `execute(all N)` into the default Arrow table, on that round's driver
 *   dict           `execute(all N)` into `dictResult()` (executor without the table)
 *   kernels        the same kernel calls made directly in a loop (no framework): the floor of `dict`
 * and `build + table`, the figure issue 16 targets (≤ 2 µs a node). Between phases the process
 * yields once to the event loop, as a user's process would between requests; nothing calls `gc()`.
 * The table's checksum is compared with the floor's before any time counts.
 */
import { numberFlag } from '../harness/args';
import { bestAndMedian, round } from '../harness/measure';
import type { Scenario } from '../harness/scenario';
import { Builder, dictResult, abs, add, clip, diff, div, fillNaN, fused, rollingMean, shift, zscore } from '../../src';
import { checksumOf, compareChecksum } from '../w1/checksum';
import { floorW1 } from '../w1/floor';
import { generateRaw, rawList } from '../w1/generate';
import { w1FeatureClasses } from '../w1/quiver-features';
import { tableChecksum } from '../w1/quiver-impl';
import { w1Features, type W1Feature } from '../w1/spec';

/** One feature's kernel call, as the W1 feature classes make it (quiver-features.ts). */
function directKernel(f: W1Feature, cols: readonly Float64Array[]): Float64Array {
  const p = cols[f.p];
  switch (f.kind) {
    case 'ratio': return fused((p, s) => div(p, add(abs(s), 1)), p, cols[f.s]);
    case 'mean3': return rollingMean(p, 3);
    case 'mean7': return rollingMean(p, 7);
    case 'mean28': return rollingMean(p, 28);
    case 'shift1': return shift(p, 1);
    case 'shift3': return shift(p, 3);
    case 'shift7': return shift(p, 7);
    case 'zscore': return zscore(p);
    case 'diff': return diff(p);
    case 'clip': return fused((p) => fillNaN(clip(p, -3, 3), 0), p);
  }
}

/** All W1 outputs through the kernels directly, in output order. */
function directW1(raw: readonly Float64Array[], features: readonly W1Feature[]): Float64Array[] {
  const cols: Float64Array[] = raw.slice();
  for (const f of features) cols.push(directKernel(f, cols));
  return cols;
}

interface Sample {
  wall: number;
  cpu: number;
}

/** Time `fn` in wall and process CPU milliseconds. */
async function time<T>(fn: () => T | Promise<T>): Promise<Sample & { value: T }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  return { wall, cpu: (used.user + used.system) / 1000, value };
}

const yieldOnce = (): Promise<void> => new Promise((r) => setImmediate(r));

/** best / median in ms and µs a node, CPU and wall. */
function summary(samples: readonly Sample[], nodes: number): Record<string, number> {
  const w = bestAndMedian(samples.map((s) => s.wall));
  const c = bestAndMedian(samples.map((s) => s.cpu));
  const mean = samples.reduce((a, s) => a + s.cpu, 0) / samples.length;
  const us = (ms: number): number => round((ms * 1000) / nodes, 3);
  return {
    wall_best_ms: round(w.best, 3),
    wall_median_ms: round(w.median, 3),
    cpu_best_ms: round(c.best, 3),
    cpu_median_ms: round(c.median, 3),
    wall_best_us_per_node: us(w.best),
    wall_median_us_per_node: us(w.median),
    cpu_best_us_per_node: us(c.best),
    cpu_median_us_per_node: us(c.median),
    // The mean carries the garbage collections that land in some rounds and not others.
    cpu_mean_ms: round(mean, 3),
    cpu_mean_us_per_node: us(mean),
  };
}

const scenario: Scenario = {
  name: 'framework',
  description: 'framework cost per node, warm, one process: W1 at 5,000 × 10, build / → table / → dict / kernels alone',
  async run(args) {
    const n = numberFlag(args, '--features', 5_000);
    const rows = numberFlag(args, '--rows', 10);
    const rounds = numberFlag(args, '--rounds', 100);
    const warmup = numberFlag(args, '--warmup', 20);
    const features = w1Features(n);
    const names = features.map((f) => f.name);
    const classes = w1FeatureClasses(features);
    const raw = generateRaw(rows);
    const rawCols = rawList(raw);

    const want = checksumOf(floorW1(rawCols, features));
    const check = await new Builder().withFeatures(...classes).build().execute(names, { inputs: { ...raw } });
    const cmp = compareChecksum(tableChecksum(check as never, names), want);
    if (!cmp.ok) throw new Error(`framework: quiver's table disagrees with the floor: ${cmp.why}`);
    const direct = compareChecksum(checksumOf(directW1(rawCols, features).slice(4)), want);
    if (!direct.ok) throw new Error(`framework: the direct kernel loop disagrees with the floor: ${direct.why}`);

    const drDict = new Builder().withFeatures(...classes).withResult(dictResult()).build();
    const build: Sample[] = [];
    const table: Sample[] = [];
    const dict: Sample[] = [];
    const kernels: Sample[] = [];
    const total: Sample[] = [];
    let keep: unknown;
    for (let i = 0; i < warmup + rounds; i++) {
      const b = await time(() => new Builder().withFeatures(...classes).build());
      await yieldOnce();
      const t = await time(() => b.value.execute(names, { inputs: { ...raw } }));
      keep = t.value;
      await yieldOnce();
      const d = await time(() => drDict.execute(names, { inputs: { ...raw } }));
      keep = d.value;
      await yieldOnce();
      const k = await time(() => directW1(rawCols, features));
      keep = k.value;
      await yieldOnce();
      if (i < warmup) continue;
      build.push(b);
      table.push(t);
      dict.push(d);
      kernels.push(k);
      total.push({ wall: b.wall + t.wall, cpu: b.cpu + t.cpu });
    }
    void keep;
    return {
      features: n,
      rows,
      rounds,
      warmup,
      checksum_ok: true,
      build_plus_table: summary(total, n),
      build: summary(build, n),
      execute_table: summary(table, n),
      execute_dict: summary(dict, n),
      kernels_direct: summary(kernels, n),
      target_us_per_node: 2,
      target_met_cpu_best: (bestAndMedian(total.map((s) => s.cpu)).best * 1000) / n <= 2,
      target_met_cpu_median: (bestAndMedian(total.map((s) => s.cpu)).median * 1000) / n <= 2,
    };
  },
};

export default scenario;
