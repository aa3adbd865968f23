/**
 * Graph build time at scale: the W1 graph with `--nodes` features (default 10,000). Times
 * defining the parameterized classes and `Builder().withFeatures(...).build()` (cold, then best
 * and median of `--reps`), then executes every output once at `--rows` (default 10) into the
 * Arrow table, checking the checksum against the floor, and once into `dictResult()`, which
 * separates the executor's cost from the table's.
 */
import { numberFlag } from '../harness/args';
import { bestAndMedian, peakRssMb, round } from '../harness/measure';
import type { Scenario } from '../harness/scenario';
import { Builder, dictResult } from '../../src';
import { checksumOf, compareChecksum } from '../w1/checksum';
import { floorW1 } from '../w1/floor';
import { generateRaw, rawList } from '../w1/generate';
import { w1FeatureClasses } from '../w1/quiver-features';
import { tableChecksum } from '../w1/quiver-impl';
import { hamiltonFigures, HAMILTON_OVERHEAD_US } from '../w1/reference';
import { w1Features } from '../w1/spec';

const scenario: Scenario = {
  name: 'graph-build',
  description: 'build time of the W1 graph at --nodes features (10,000 / 100,000), then one execution at --rows 10 into a table and one into dictResult()',
  async run(args) {
    const n = numberFlag(args, '--nodes', 10_000);
    const rows = numberFlag(args, '--rows', 10);
    const reps = numberFlag(args, '--reps', 3);
    const features = w1Features(n);
    const t0 = performance.now();
    const classes = w1FeatureClasses(features);
    const defineMs = performance.now() - t0;
    const builds: number[] = [];
    const cpu: number[] = []; // process CPU time: what a build costs when other processes share the cores
    let dr = new Builder().withFeatures(...classes).build();
    for (let i = 0; i <= reps; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      dr = new Builder().withFeatures(...classes).build();
      builds.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    const cold = builds.shift()!;
    cpu.shift();
    const b = bestAndMedian(builds);
    const raw = generateRaw(rows);
    const names = features.map((f) => f.name);
    const t1 = performance.now();
    const table = await dr.execute(names, { inputs: { ...raw } });
    const executeMs = performance.now() - t1;
    const got = tableChecksum(table as never, names);
    const drDict = new Builder().withFeatures(...classes).withResult(dictResult()).build();
    const t2 = performance.now();
    await drDict.execute(names, { inputs: { ...raw } });
    const executeDictMs = performance.now() - t2;
    const cmp = compareChecksum(got, checksumOf(floorW1(rawList(raw), features)));
    return {
      nodes: n,
      define_classes_ms: round(defineMs),
      build_cold_ms: round(cold),
      build_ms: round(b.best),
      build_ms_median: round(b.median),
      build_per_node_us: round((b.best * 1000) / n, 3),
      under_2s: b.best < 2000,
      build_cpu_ms: round(bestAndMedian(cpu).best),
      build_under_300ms: b.best <= 300,
      execute_rows: rows,
      execute_cold_ms: round(executeMs),
      execute_per_node_us: round((executeMs * 1000) / n, 3),
      execute_dict_ms: round(executeDictMs),
      execute_dict_per_node_us: round((executeDictMs * 1000) / n, 3),
      checksum_ok: cmp.ok,
      mismatch: cmp.why ?? null,
      peak_rss_mb: round(peakRssMb(), 0),
      hamilton_build_per_node_us: HAMILTON_OVERHEAD_US.build_per_node,
      hamilton_build_5000_s: hamiltonFigures(5_000, 10)?.graph_build_s ?? null,
    };
  },
};

export default scenario;
