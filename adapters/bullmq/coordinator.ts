/**
 * The coordinator of a distributed run, for `quiver run --queue` and `buildTrainingFrame({
 * distributed })` alike: it checks that the outputs are entity-local, computes the global features
 * once, writes the sorted history (and the global columns) into the store once — one record batch
 * per partition — adds one BullMQ flow for the partitions not in the store yet, shows progress,
 * and gives the parts back to be read one at a time, in partition order, under the joined result's
 * schema (settled on the parts' footers; `joinParts` joins them in memory for a caller asking for
 * a table). Given an indexed inputs file instead
 * of a history (an Arrow IPC or Parquet file sorted by entity, no global features), it reads no
 * history at all: the partitions are planned on the entity index, and each job names the file,
 * its rows and the record batches holding them, for the worker to read.
 */
import { localSources, sourcesHash } from '../../src/distributed/sources';
import * as fs from 'fs';
import * as path from 'path';
import type { Table } from 'apache-arrow';
import { partColumns } from '../files/part-columns';
import { leadByHistory, readSettledParts, settledSchemaOf } from './settled-parts';
import { joinBatches } from '../arrow/join-batches';
import type { Driver } from '../../src/driver';
import type { EntityHistory } from '../../src/timeseries/history';
import type { IsolationHistory } from '../../src/timeseries/isolation';
import type { Partition } from '../../src/partition/plan';
import { sourceEntities, type JobSource } from '../../src/distributed/file-source';
import type { EntityIndex } from '../files/entity-index';
import type { QualityResult } from '../../src/quality/result';
import { checkPartitionable, globalFeatures, globalValues, planPartitions } from '../../src/partition';
import { inHistoryRows } from '../../src/partition/collect';
import {
  encodeScalar, GLOBAL_PREFIX, runKey, storePaths, textHash, type EncodedScalar, type PartitionJob, type PartReport,
} from '../../src/distributed/job';
import { tableFromColumns } from '../arrow/table-from-columns';
import { writePartitioned } from '../files/partition-store';
import { DistributedError } from '../../src/distributed/errors';
import type { AdapterNote } from '../notes';
import { packageVersion } from '../report/versions';
import { probeRedis } from './connection';
import { runFlow } from './flow';

/**
 * The user's inputs file, indexed by entity (`partitionReads`' index): the workers read their rows of it.
 * The outputs need no global feature (they need every row).
 */
export interface IndexedInputs {
  /** Absolute path, size and modification time of the file (the workers check them). */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly index: EntityIndex;
  readonly entity: string;
  readonly time: string;
  /** The two neighbouring entities the entity-isolation check compares, read alone. */
  sample(): Promise<IsolationHistory>;
}

/** What the coordinator is given. */
export interface CoordinatorSpec {
  readonly driver: Driver<unknown>;
  readonly outputs: readonly string[];
  /** The sorted history in memory, or an indexed inputs file the workers read their rows of. */
  readonly history: EntityHistory | IndexedInputs;
  /** The Redis URL. */
  readonly url: string;
  readonly partitions: number;
  /** The store folder (absolute or relative to the working directory). */
  readonly store: string;
  /** The features file the workers load, and the classes and config they build the driver with. */
  readonly featuresFile: string;
  readonly classes?: readonly string[];
  readonly config?: Readonly<Record<string, unknown>>;
  /** Outputs named by the user (a non-column output is then an error, not left out). */
  readonly chosen: boolean;
  /** Worker threads per partition (0: inline). */
  readonly threads?: number;
  /** What identifies the inputs (a file's path, size and time, or a hash of the data): part of the run's key. */
  readonly inputs: unknown;
  /** Anything else the parts depend on (calendar, joins…): part of the run's key. */
  readonly extra?: unknown;
  /** Progress lines and notes (none when undefined). */
  readonly say?: (line: string) => void;
  /** Progress as numbers (partitions done of total, history rows/s), instead of lines. */
  readonly progress?: (done: number, total: number, rowsPerS: number) => void;
}

/** Measured figures of the run (for the cost model and the benchmark). */
export interface QueueRunStats {
  readonly partitions: number;
  /** Partitions computed by workers in this run (the rest were in the store). */
  readonly computed: number;
  readonly inputsBytes: number;
  readonly partBytes: number;
  /** Commands Redis processed while the flow ran (all clients: INFO total_commands_processed). */
  readonly redisOps: number;
  readonly workerMs: number;
  /** Whether the workers read their rows of the user's file (no history read or written by the coordinator). */
  readonly fromFile: boolean;
}

/** What the coordinator returns: the parts, to read one at a time, and what a run reports. */
export interface QueueRun {
  /**
   * The parts from the store, in partition order, each read when asked for, under the schema of
   * their join (types settled, a column nullable when it is in any part). `lead`: parts computed
   * from a history in memory come with its entity and time columns in front, as the joined table
   * led by them would (parts read from the user's file are led already). `byBatch`: each record
   * batch of a part as its own table (the workers write parts in batches of at most 64 MiB).
   */
  readParts(options?: { readonly lead?: boolean; readonly byBatch?: boolean }): AsyncGenerator<Table>;
  readonly quality: QualityResult[];
  readonly timings: Record<string, number>;
  readonly cache: { hits: string[]; misses: string[] };
  readonly notes: AdapterNote[];
  readonly stats: QueueRunStats;
  /** Rows of each partition, in order (the result's rows are theirs, joined). */
  readonly partRows: number[];
  /** The parts came back led by the entity and time columns (read from the user's file). */
  readonly led: boolean;
}

function isIndexed(history: EntityHistory | IndexedInputs): history is IndexedInputs {
  return (history as IndexedInputs).index !== undefined;
}

/** The record batches of an Arrow IPC file holding rows `[start, end)`: the first, and the starts from it. */
function batchesOf(batchStarts: readonly number[], part: Partition): Pick<JobSource, 'firstBatch' | 'batchStarts'> {
  let first = 0;
  while (first + 2 < batchStarts.length && batchStarts[first + 1] <= part.start) first++;
  let last = first;
  while (last + 2 < batchStarts.length && batchStarts[last + 1] < part.end) last++;
  return { firstBatch: first, batchStarts: batchStarts.slice(first, last + 2) };
}

/** Each partition's `source`: the file, its rows' batches (Arrow) and the entities they must hold. */
function jobSources(file: IndexedInputs, parts: readonly Partition[]): JobSource[] {
  const { index } = file;
  return parts.map((p) => ({
    path: file.path, format: index.format, size: file.size, mtimeMs: file.mtimeMs,
    ...(index.format === 'arrow' ? batchesOf(index.batchStarts, p) : {}),
    entities: sourceEntities(index.keys.slice(p.firstGroup, p.firstGroup + p.groups)),
  }));
}

/**
 * Runs the partitions on the workers of `spec.url` and joins their parts, in order.
 *
 * @example
 * const { result } = await coordinate({
 *   driver, outputs, history, url, partitions: 8, store, featuresFile, chosen: true, inputs: 'h1',
 * });
 */
export async function coordinate(spec: CoordinatorSpec): Promise<QueueRun> {
  const say = spec.say;
  await probeRedis(spec.url);
  const file = isIndexed(spec.history) ? spec.history : undefined;
  const memory = isIndexed(spec.history) ? undefined : spec.history;
  const { entity, time } = spec.history;
  const rows = file ? file.index.rows : memory!.rows;
  const groups = file ? { starts: file.index.starts, count: file.index.keys.length } : memory!.groups;
  const sample = file ? { ...(await file.sample()), entity, time } : memory!;
  await checkPartitionable(spec.driver, spec.outputs, sample);
  const parts = planPartitions(groups, rows, spec.partitions);
  const globals = memory ? await globalValues(spec.driver, spec.outputs, memory.inputs) : {};
  const globalColumns: string[] = [];
  const globalScalars: Record<string, EncodedScalar> = {};
  const names = memory ? Object.keys(memory.columns) : [];
  const values: unknown[] = names.map((n) => memory!.columns[n]);
  for (const name of globalFeatures(spec.driver, spec.outputs)) {
    if (file) throw new DistributedError(`Global feature "${name}" needs the whole history, not an indexed file.`);
    const value = globals[name];
    if ((value as { length?: unknown } | null)?.length === rows && typeof value === 'object') {
      globalColumns.push(name);
      names.push(GLOBAL_PREFIX + name);
      values.push(value);
    } else {
      globalScalars[name] = encodeScalar(name, value);
    }
  }
  const features = path.resolve(spec.featuresFile);
  const featuresHash = textHash(fs.readFileSync(features, 'utf8'));
  // the local modules the features import too: a changed helper is a new key, not the old parts
  const codeHash = sourcesHash(localSources(features));
  const key = runKey({
    quiver: packageVersion(__dirname, 'quiver'),
    features: [features, featuresHash, codeHash],
    // parts read from the user's file come back led by entity and time: other parts than the store's
    inputs: [spec.inputs, rows, ...(file ? ['file'] : [])],
    classes: spec.classes ?? [], config: spec.config ?? {}, outputs: spec.outputs, chosen: spec.chosen,
    entity, time, extra: spec.extra ?? null,
    partitions: parts.map((p) => [p.start, p.end]),
  });
  const store = path.resolve(spec.store);
  const paths = storePaths(store, key);
  await fs.promises.mkdir(paths.dir, { recursive: true });
  const missing = parts.filter((p) => !fs.existsSync(paths.report(p.index)));
  const ranges = parts.map((p) => [p.start, p.end] as const);
  let batches: [number, number][];
  const batchesFile = path.join(paths.dir, 'batches.json');
  const sources = file ? jobSources(file, parts) : undefined;
  if (file) {
    batches = parts.map(() => [0, 0]); // the workers read the user's file (`source`), not the store's
  } else if (fs.existsSync(paths.inputs) && fs.existsSync(batchesFile)) {
    batches = JSON.parse(fs.readFileSync(batchesFile, 'utf8')) as [number, number][];
  } else {
    batches = await writePartitioned(tableFromColumns(names, values), paths.inputs, ranges);
    fs.writeFileSync(batchesFile, JSON.stringify(batches));
  }
  const jobs: PartitionJob[] = missing.map((p) => ({
    key, featuresFile: features, featuresHash, codeHash, classes: spec.classes, config: spec.config,
    outputs: spec.outputs, chosen: spec.chosen, entity, time, store, partition: p.index, partitions: parts.length,
    rows: [p.start, p.end], batches: batches[p.index], globalColumns, globalScalars, threads: spec.threads ?? 0,
    ...(sources ? { source: sources[p.index] } : {}),
  }));
  let redisOps = 0;
  if (jobs.length > 0) {
    const began = performance.now();
    const rowsOf = new Map(missing.map((p) => [p.index, p.end - p.start]));
    const flow = await runFlow({
      url: spec.url, key, jobs,
      onProgress: say === undefined && spec.progress === undefined ? undefined : (done, total) => {
        let rows = 0;
        for (const p of missing) if (fs.existsSync(paths.report(p.index))) rows += rowsOf.get(p.index) ?? 0;
        const perS = done > 0 ? Math.round(rows / Math.max((performance.now() - began) / 1000, 1e-3)) : 0;
        if (spec.progress) return spec.progress(done, total, perS);
        say?.(`partitions: ${done} of ${total} done${done > 0 ? `, ${perS.toLocaleString('en-US')} rows/s` : ''}`);
      },
      onNote: (m) => say?.(`note: ${m}`),
    });
    redisOps = flow.redisOps;
  } else if (say !== undefined) {
    say(`partitions: all ${parts.length} already in the store ${paths.dir}; nothing to compute.`);
  }
  const lost = parts.filter((p) => !fs.existsSync(paths.report(p.index)));
  if (lost.length > 0) {
    throw new DistributedError(
      `The flow finished but the parts of partition ${lost.map((p) => p.index + 1).join(', ')} ` +
        `are not in ${paths.dir} ` +
        '(removed while the run went on, or the workers write elsewhere: check their --store); run again.',
    );
  }
  const quality: QualityResult[] = [];
  const timings: Record<string, number> = {};
  const notes: AdapterNote[] = [];
  let partBytes = 0;
  let workerMs = 0;
  for (const p of parts) {
    partBytes += fs.statSync(paths.part(p.index)).size;
    const report = JSON.parse(fs.readFileSync(paths.report(p.index), 'utf8')) as PartReport;
    if (missing.includes(p)) workerMs += report.ms;
    for (const q of report.quality as QualityResult[]) quality.push(inHistoryRows(q, p.start));
    for (const [name, ms] of Object.entries(report.timings)) timings[name] = (timings[name] ?? 0) + ms;
    notes.push(...(report.notes as AdapterNote[]));
  }
  // a column all null in one part is typed as where it holds values (as `quiver run --partitions` does),
  // settled on the parts' footers and batch metadata: no part's data is read before it is written
  const files = parts.map((p) => paths.part(p.index));
  const settled = settledSchemaOf(await Promise.all(files.map(partColumns)));
  const readParts = (options: { readonly lead?: boolean; readonly byBatch?: boolean } = {}) => readSettledParts(
    files, settled, {
      map: memory && options.lead ? leadByHistory(memory, parts, settled.schema) : undefined, byBatch: options.byBatch,
    },
  );
  return {
    readParts, quality, timings, cache: { hits: [], misses: [] }, notes,
    partRows: parts.map((p) => p.end - p.start), led: file !== undefined,
    stats: {
      partitions: parts.length, computed: jobs.length, inputsBytes: file ? 0 : fs.statSync(paths.inputs).size,
      partBytes, redisOps, workerMs, fromFile: file !== undefined,
    },
  };
}

/**
 * The parts of a run joined into one table in memory, in partition order (for a caller that asked
 * for a table: `buildTrainingFrame({ distributed })`); `quiver run --queue` writes them one at a time.
 *
 * @example
 * const table = await joinParts(await coordinate(spec));
 */
export async function joinParts(run: QueueRun): Promise<Table> {
  const tables: Table[] = [];
  for await (const t of run.readParts()) tables.push(t);
  return joinBatches(tables);
}
