/**
 * What a `quiver worker` does with one partition job: load the features file (once per file,
 * classes and config), read the partition's rows — from the user's inputs file when the job names
 * it (`source`: only the record batches / row groups holding them, checked to be the partition's
 * entities), else its record batches of the store's inputs file — make them the same entity history
 * the coordinator had, run the outputs with the global values as overrides, and write the part
 * (Arrow IPC; led by entity and time when read from the user's file) and its report (JSON) into the store.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Table } from 'apache-arrow';
import { DataValidationError, FeatureExecutionError, entityHistory, type Driver } from '../src';
import { partitionFailure } from '../src/partition/failure';
import { localSources, sourcesHash } from '../src/distributed/sources';
import { DistributedError } from '../src/distributed/errors';
import {
  decodeScalar, failureText, GLOBAL_PREFIX, storePaths, textHash, type PartitionJob, type PartReport,
} from '../src/distributed/job';
import { checkSourceFile, checkSourceRows } from '../src/distributed/file-source';
import type { EntityHistory } from '../src/timeseries/history';
import { inputsFromTable } from '../adapters/arrow/table-to-inputs';
import { withLeadColumns } from '../adapters/arrow/lead-columns';
import { runKeys, sourceRows, utf8Column, utf8RunKeys } from '../adapters/bullmq/source-rows';
import { readBatches } from '../adapters/files/partition-store';
import { writeArrow } from '../adapters/files/write-arrow';

import { writeTextFile } from '../adapters/files/atomic-write';
import { FailedPartition } from '../adapters/bullmq/worker';
import { threads } from '../adapters/threads/threads';
import { commandTable } from './result-table';
import { buildDriver } from './session';
import { timeInputs } from './time-inputs';

/** The largest record batch of a part in the store (the coordinator holds about one while it writes `--out`). */
const PART_BATCH_BYTES = 64 * 2 ** 20;

const drivers = new Map<string, { hash: string; code: string; driver: Driver<Table> }>();

/**
 * The driver for the job's features file, classes and config. The file's text must be the one the
 * coordinator hashed (a stale copy on this machine would compute other values, silently), and so
 * must the local modules it imports (`codeHash`); when any of them changed since this worker
 * loaded them, they are loaded again.
 */
function driverFor(job: PartitionJob): Driver<Table> {
  const hash = textHash(fs.readFileSync(job.featuresFile, 'utf8'));
  if (hash !== job.featuresHash) {
    throw new DistributedError(
      `The features file ${job.featuresFile} on worker ${os.hostname()} is not the coordinator's (its text differs); ` +
        'give every machine the same file, then run again.',
    );
  }
  const id = JSON.stringify([job.featuresFile, job.classes ?? [], job.config ?? {}, job.chosen]);
  let known = drivers.get(id);
  // loaded code whose files changed since (the features file or a module it imports) is loaded again
  if (known && (known.hash !== hash || sourcesHash(localSources(job.featuresFile)) !== known.code)) {
    for (const file of localSources(job.featuresFile)) delete require.cache[file];
    known = undefined;
  }
  if (known === undefined) {
    const opts = {
      class: job.classes ? [...job.classes] : undefined,
      config: job.config ? { ...job.config } : undefined,
    };
    const driver = buildDriver(job.featuresFile, opts, [], commandTable(!job.chosen));
    known = { hash, code: sourcesHash(localSources(job.featuresFile)), driver };
    drivers.set(id, known);
  }
  if (job.codeHash !== undefined && known.code !== job.codeHash) {
    throw new DistributedError(
      `The modules ${job.featuresFile} imports on worker ${os.hostname()} are not the coordinator's ` +
        `(their text differs): ${localSources(job.featuresFile).join(', ')}; ` +
        'give every machine the same files, then run again.',
    );
  }
  return known.driver;
}

type Read = { history: EntityHistory; overrides: Record<string, unknown>; lead?: unknown };

/** The partition's record batches of the store's inputs file, with the global columns it holds. */
async function fromStore(job: PartitionJob, inputs: string): Promise<Read> {
  const batch = await readBatches(inputs, job.batches[0], job.batches[1]);
  const own = batch.schema.fields.filter((f) => !f.name.startsWith(GLOBAL_PREFIX)).map((f) => f.name);
  const history = entityHistory(batch.select(own), { entity: job.entity, time: job.time });
  const overrides: Record<string, unknown> = {};
  const globals = inputsFromTable(batch.select(job.globalColumns.map((g) => GLOBAL_PREFIX + g)));
  for (const name of job.globalColumns) overrides[name] = globals[GLOBAL_PREFIX + name];
  for (const [name, value] of Object.entries(job.globalScalars)) overrides[name] = decodeScalar(value);
  return { history, overrides };
}

/**
 * The partition's rows of the user's file (only the batches / row groups holding them), checked:
 * the file as the coordinator saw it (size, modification time), the rows asked for, and the
 * partition's entities; then sorted by time within each entity as `quiver run` sorts the history.
 */
async function fromSource(job: PartitionJob): Promise<Read> {
  const source = job.source!;
  await checkSourceFile(source);
  const table = await sourceRows(source, job.rows[0], job.rows[1]);
  const utf8 = utf8Column(table, job.entity);
  checkSourceRows(source, job.rows, table.numRows, utf8 ? utf8RunKeys(utf8) : runKeys(table, job.entity));
  const { history } = await timeInputs(table, { entity: job.entity, time: job.time });
  if (history === undefined) throw new DistributedError('--entity and --time make a history');
  // rows already in time order: the file's own entity strings lead the part, not encoded again
  return { history, overrides: {}, lead: history.order === null ? utf8 : undefined };
}

/** The part led by the partition's entity and time columns, as `quiver run --partitions` leads each part. */
function led(table: Table, history: EntityHistory, job: PartitionJob, values?: unknown): Table {
  if (table.numRows !== history.rows) return table;
  const epochMs = history.inputs[job.time] as Float64Array;
  const entity = { name: job.entity, values: values ?? history.inputs[job.entity] };
  return withLeadColumns(table, { entity, time: { name: job.time, epochMs } });
}

/**
 * Computes one partition into the store; `store` (the worker's `--store`) replaces the job's own
 * store folder. A part already in the store (another worker finished it) is not computed again.
 *
 * @example
 * const report = await computePartition(job);
 */
export async function computePartition(job: PartitionJob, store?: string): Promise<PartReport> {
  const paths = storePaths(store ?? job.store, job.key);
  if (fs.existsSync(paths.report(job.partition))) {
    return JSON.parse(await fs.promises.readFile(paths.report(job.partition), 'utf8')) as PartReport;
  }
  const began = performance.now();
  const driver = driverFor(job);
  const { history, overrides, lead } = job.source ? await fromSource(job) : await fromStore(job, paths.inputs);
  const executor = job.threads > 0 ? threads({ workers: job.threads }) : undefined;
  let run: Awaited<ReturnType<Driver<Table>['run']>>;
  try {
    run = await driver.untyped.run([...job.outputs], { inputs: history.inputs, overrides, executor });
  } catch (error) {
    const [start, end] = job.rows;
    const place = { index: job.partition, count: job.partitions, start, end, entities: history.groups.count };
    const failed = partitionFailure(error, place);
    // a 'fail' check sends its results (rows in the whole history) so the caller gets a DataValidationError
    if (failed instanceof DataValidationError) {
      throw new FailedPartition(failureText(failed.node, job.partition, failed.message, failed.results));
    }
    if (failed instanceof FeatureExecutionError) {
      throw new FailedPartition(failureText(failed.node, job.partition, failed.message));
    }
    throw error;
  } finally {
    await (executor as { close?: () => Promise<void> } | undefined)?.close?.();
  }
  await fs.promises.mkdir(paths.dir, { recursive: true });
  const result = run.result as Table;
  // batches of at most 64 MiB: the coordinator writes the output from them one batch at a time
  await writeArrow(job.source ? led(result, history, job, lead) : result, paths.part(job.partition),
    { maxBatchBytes: PART_BATCH_BYTES });
  const report: PartReport = {
    partition: job.partition,
    rows: history.rows,
    ms: performance.now() - began,
    quality: run.quality,
    timings: run.timings,
    notes: run.notes,
    worker: `${os.hostname()}:${process.pid}`,
  };
  await writeTextFile(paths.report(job.partition), 'JSON', JSON.stringify(report));
  return report;
}
