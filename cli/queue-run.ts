/**
 * `quiver run … --entity C --time T --queue URL --partitions P [--store DIR]`: the coordinator of
 * a distributed run. It checks that the outputs are entity-local, computes the global features
 * once, writes the sorted history (and the global columns) into the store once — one record batch
 * per partition — adds one BullMQ flow for the partitions not in the store yet, shows progress,
 * and joins the parts, in partition order, into the one result table.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Table } from 'apache-arrow';
import type { Driver } from '../src/driver';
import type { EntityHistory } from '../src/timeseries/history';
import type { QualityResult } from '../src/quality/result';
import { checkPartitionable, globalFeatures, globalValues, planPartitions } from '../src/partition';
import { inHistoryRows } from '../src/partition/collect';
import {
  encodeScalar, GLOBAL_PREFIX, runKey, type EncodedScalar, type PartitionJob, type PartReport,
} from '../src/distributed/job';
import { tableFromColumns } from '../adapters/arrow/table-from-columns';
import { joinBatches } from '../adapters/arrow/join-batches';
import { readBatches, writePartitioned } from '../adapters/files/partition-store';
import { runFlow } from '../adapters/bullmq/flow';
import { probeRedis } from '../adapters/bullmq/connection';
import type { AdapterNote } from '../adapters/notes';
import { packageVersion } from '../adapters/report/versions';
import { UsageError } from './errors';
import { storePaths } from './partition-job';

/** What the coordinator needs from `quiver run`'s options. */
export interface QueueRunOptions {
  readonly queue: string;
  readonly partitions?: number;
  readonly store?: string;
  readonly out: string;
  readonly inputs: string;
  readonly class?: string[];
  readonly config?: Record<string, unknown>;
  readonly entity?: string;
  readonly time?: string;
  readonly calendar?: string;
  readonly join?: readonly unknown[];
  readonly threads?: number;
  readonly quiet?: boolean;
  /** Outputs named with --outputs (not chosen for the user). */
  readonly chosen: boolean;
}

/** Measured figures of the run (for the cost model and the benchmark). */
export interface QueueRunStats {
  readonly partitions: number;
  /** Partitions computed by workers in this run (the rest were in the store). */
  readonly computed: number;
  readonly inputsBytes: number;
  readonly partBytes: number;
  readonly redisOps: number;
  readonly workerMs: number;
}

/** What the coordinator returns: the joined table and what `quiver run` reports about a run. */
export interface QueueRun {
  readonly result: Table;
  readonly quality: QualityResult[];
  readonly timings: Record<string, number>;
  readonly cache: { hits: string[]; misses: string[] };
  readonly notes: AdapterNote[];
  readonly stats: QueueRunStats;
}

/**
 * The store folder: `--store`, or `<out>.store` beside the output file.
 *
 * @example
 * defaultStore('out/frame.arrow'); // '/abs/out/frame.arrow.store'
 */
export function defaultStore(out: string): string {
  return path.resolve(`${out}.store`);
}

/**
 * Runs the partitions on the workers of `opts.queue` and joins their parts.
 *
 * @example
 * const { result } = await runByQueue(dr, outputs, history, 'features.ts', opts, (s) => io.err(s));
 */
export async function runByQueue(
  dr: Driver<Table>, outputs: readonly string[], history: EntityHistory | undefined, featuresFile: string,
  opts: QueueRunOptions, say: (line: string) => void,
): Promise<QueueRun> {
  if (history === undefined || opts.entity === undefined || opts.time === undefined) {
    throw new UsageError(
      '--queue needs --entity <column> and --time <column>: the partitions sent to the workers are whole entities.',
    );
  }
  if (opts.partitions === undefined) {
    throw new UsageError('--queue needs --partitions <n>: how many partition jobs to split the entities into.');
  }
  await probeRedis(opts.queue);
  await checkPartitionable(dr as Driver<unknown>, outputs, history);
  const parts = planPartitions(history.groups, history.rows, opts.partitions);
  const globals = await globalValues(dr as Driver<unknown>, outputs, history.inputs);
  const globalColumns: string[] = [];
  const globalScalars: Record<string, EncodedScalar> = {};
  const names = Object.keys(history.columns);
  const values: unknown[] = names.map((n) => history.columns[n]);
  for (const name of globalFeatures(dr as Driver<unknown>, outputs)) {
    const value = globals[name];
    if ((value as { length?: unknown } | null)?.length === history.rows && typeof value === 'object') {
      globalColumns.push(name);
      names.push(GLOBAL_PREFIX + name);
      values.push(value);
    } else {
      globalScalars[name] = encodeScalar(name, value);
    }
  }
  const file = path.resolve(featuresFile);
  const inputsStat = fs.statSync(opts.inputs);
  const key = runKey({
    quiver: packageVersion(__dirname, 'quiver'),
    features: [file, fs.readFileSync(file, 'utf8')],
    inputs: [path.resolve(opts.inputs), inputsStat.size, inputsStat.mtimeMs, history.rows],
    classes: opts.class ?? [], config: opts.config ?? {}, outputs, chosen: opts.chosen,
    entity: opts.entity, time: opts.time, calendar: opts.calendar ?? null, join: opts.join ?? [],
    partitions: parts.map((p) => [p.start, p.end]),
  });
  const store = opts.store !== undefined ? path.resolve(opts.store) : defaultStore(opts.out);
  const paths = storePaths(store, key);
  await fs.promises.mkdir(paths.dir, { recursive: true });
  const missing = parts.filter((p) => !fs.existsSync(paths.report(p.index)));
  const ranges = parts.map((p) => [p.start, p.end] as const);
  let batches: [number, number][];
  const batchesFile = path.join(paths.dir, 'batches.json');
  if (fs.existsSync(paths.inputs) && fs.existsSync(batchesFile)) {
    batches = JSON.parse(fs.readFileSync(batchesFile, 'utf8')) as [number, number][];
  } else {
    batches = await writePartitioned(tableFromColumns(names, values), paths.inputs, ranges);
    fs.writeFileSync(batchesFile, JSON.stringify(batches));
  }
  const jobs: PartitionJob[] = missing.map((p) => ({
    key, featuresFile: file, classes: opts.class, config: opts.config, outputs, chosen: opts.chosen,
    entity: opts.entity!, time: opts.time!, store, partition: p.index, partitions: parts.length,
    rows: [p.start, p.end], batches: batches[p.index], globalColumns, globalScalars, threads: opts.threads ?? 0,
  }));
  let redisOps = 0;
  if (jobs.length > 0) {
    const began = performance.now();
    const rowsOf = new Map(missing.map((p) => [p.index, p.end - p.start]));
    const flow = await runFlow({
      url: opts.queue, key, jobs,
      onProgress: opts.quiet ? undefined : (done, total) => {
        let rows = 0;
        for (const p of missing) if (fs.existsSync(paths.report(p.index))) rows += rowsOf.get(p.index) ?? 0;
        const s = (performance.now() - began) / 1000;
        const rate = done > 0 ? `, ${Math.round(rows / Math.max(s, 1e-3)).toLocaleString('en-US')} rows/s` : '';
        say(`partitions: ${done} of ${total} done${rate}`);
      },
      onNote: (m) => say(`note: ${m}`),
    });
    redisOps = flow.redisOps;
  } else if (!opts.quiet) {
    say(`partitions: all ${parts.length} already in the store ${paths.dir}; nothing to compute.`);
  }
  const tables: Table[] = [];
  const quality: QualityResult[] = [];
  const timings: Record<string, number> = {};
  const notes: AdapterNote[] = [];
  let partBytes = 0;
  let workerMs = 0;
  for (const p of parts) {
    tables.push(await readBatches(paths.part(p.index)));
    partBytes += fs.statSync(paths.part(p.index)).size;
    const report = JSON.parse(fs.readFileSync(paths.report(p.index), 'utf8')) as PartReport;
    if (missing.includes(p)) workerMs += report.ms;
    for (const q of report.quality as QualityResult[]) quality.push(inHistoryRows(q, p.start));
    for (const [name, ms] of Object.entries(report.timings)) timings[name] = (timings[name] ?? 0) + ms;
    notes.push(...(report.notes as AdapterNote[]));
  }
  return {
    result: joinBatches(tables), quality, timings, cache: { hits: [], misses: [] }, notes,
    stats: {
      partitions: parts.length, computed: jobs.length, inputsBytes: fs.statSync(paths.inputs).size,
      partBytes, redisOps, workerMs,
    },
  };
}
