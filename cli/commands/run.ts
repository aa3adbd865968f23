/**
 * `quiver run <features> --inputs <file> --out <file>`: compute the outputs, write the table,
 * print the data-quality report, and optionally write the HTML run report.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Table } from 'apache-arrow';
import { formatQuality, type QualityResult } from '../../src/quality';
import { writeResult, writeResultParts, writeSettledParts } from '../../adapters/files/formats';
import { writeDataset } from '../../adapters/files/dataset';
import type { AdapterNote } from '../../adapters/notes';
import { progressBar } from '../../adapters/progress/progress-bar';
import { openLineage } from '../../adapters/lineage/open-lineage';
import { writeRunReport } from '../../adapters/report/run-report';
import { timingRecorder } from '../../adapters/report/timing-recorder';
import { formatMs } from '../../adapters/report/html';
import { threads } from '../../adapters/threads/threads';
import type { Io } from '../io';
import type { Driver } from '../../src/driver';
import type { Groups } from '../../src/columns';
import { newTally, tallyPart } from '../../src/partition/collect';
import { runPartitions } from '../../src/partition/run-partitions';
import type { PartitionReads } from '../../src/partition/reads';
import type { IsolationHistory } from '../../src/timeseries/isolation';
import { partitionReads } from '../partition-reads';
import { isTypedArray } from '../../src/util/shapes';
import { passOn } from '../../src/util/pass-on';
import { planPartitions } from '../../src/partition/plan';
import { PartitionBuffers } from '../../src/partition/buffer-reuse';
import { tableBuffers } from '../../adapters/arrow/table-buffers';
import { type LeadColumns, withLeadColumns } from '../../adapters/arrow/lead-columns';
import { PartsSummary } from '../parts-summary';
import { settleTypes } from '../../adapters/arrow/settle-types';
import { indexedInputs, runByQueue } from '../queue-run';
import type { QueueRun } from '../../adapters/bullmq/coordinator';
import { UsageError } from '../errors';
import { checkDistinctOutputs } from '../output-paths';
import { commandTable } from '../result-table';
import { timeInputs, withGroupsHint, type TimeOptions } from '../time-inputs';
import { restate } from '../../src/execution/remedies';
import type { SchemaOption } from '../schema-option';
import { missingLine, openHint, previewTable } from '../run-preview';
import { checkIsolationOptions, cliIsolationCheck, isolationLine, type IsolationCliOptions } from '../isolation-check';
import { buildDriver, checkOutputPath, outputsChosenForUser, readInputs, selectOutputs, type FeatureOptions, type OutputOptions,
  type TextInputOptions } from '../session';

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export interface RunOptions extends FeatureOptions, OutputOptions, TimeOptions, IsolationCliOptions, TextInputOptions {
  readonly inputs: string;
  readonly out: string;
  readonly report?: string;
  readonly quiet?: boolean;
  /** Append OpenLineage events to this NDJSON file. */
  readonly lineage?: string;
  readonly lineageNamespace?: string;
  /** `--schema`: column types of the `--inputs` file. */
  readonly schema?: SchemaOption;
  /** Worker threads for the threads() executor; none: inline(). */
  readonly threads?: number;
  /** With --entity: compute the entities in this many partitions, one after another. */
  readonly partitions?: number;
  /** `--queue URL`: send the partitions to `quiver worker`s through BullMQ on this Redis. */
  readonly queue?: string;
  /** `--store DIR` (with --queue): where the partitioned inputs and the parts go (default `<out>.store`). */
  readonly store?: string;
  /**
   * `--dataset [arrow|parquet]` (with --partitions): `--out` is a folder of one part file per
   * partition and `manifest.json` (rows, bytes, sha256 of each), written last; see `readDataset`.
   */
  readonly dataset?: boolean | string;
}

/** The part format of `--dataset`, or undefined without it; a UsageError for another value or no --partitions. */
function datasetFormat(opts: RunOptions): 'arrow' | 'parquet' | undefined {
  if (opts.dataset === undefined || opts.dataset === false) return undefined;
  const format = opts.dataset === true ? 'arrow' : opts.dataset;
  if (format !== 'arrow' && format !== 'parquet') {
    throw new UsageError(`--dataset ${format}: the parts are arrow or parquet files (--dataset parquet).`);
  }
  if (opts.partitions === undefined) {
    throw new UsageError('--dataset goes with --partitions: the dataset holds one part per partition.');
  }
  return format;
}

/** What the command reports of a run: the table, or for a run written part by part, its summary. */
interface RunDone {
  readonly result?: Table;
  readonly parts?: PartsSummary;
  readonly quality: QualityResult[];
  readonly timings: Readonly<Record<string, number>>;
  readonly cache: { readonly hits: readonly string[]; readonly misses: readonly string[] };
  readonly notes: readonly AdapterNote[];
}

/** `--entity`/`--time` runs: rows `[start, end)` of the history's entity and time columns, to lead the result. */
function leadOf(inputs: Readonly<Record<string, unknown>>, opts: RunOptions, start: number, end: number): LeadColumns {
  const cut = (v: unknown) =>
    (isTypedArray(v) ? v.subarray(start, end) : (v as { slice(a: number, b: number): unknown }).slice(start, end));
  return {
    entity: { name: opts.entity as string, values: cut(inputs[opts.entity as string]) },
    time: { name: opts.time as string, epochMs: cut(inputs[opts.time as string]) as Float64Array },
  };
}

/** A result led by the entity and time columns (a result whose rows are not the history's stays as it is). */
function led(
  table: Table, inputs: Readonly<Record<string, unknown>>, opts: RunOptions, start: number, end: number,
): Table {
  return table.numRows === end - start ? withLeadColumns(table, leadOf(inputs, opts, start, end)) : table;
}

/**
 * `--partitions P`: the entities in P partitions computed one after another (`runPartitions`:
 * timings summed, quality rows counted in the history); each partition's table, led by its entity
 * and time, is written to `--out` as soon as it is computed (its record batches / row groups), so
 * only one partition's result is in memory. `source` is the whole history, or `PartitionReads`
 * that read each partition's rows of the `--inputs` file when its turn comes.
 */
async function runByPartition(
  dr: Driver<Table>, outputs: string[], source: IsolationHistory | PartitionReads, opts: RunOptions,
  executor: ReturnType<typeof threads> | undefined,
): Promise<RunDone> {
  const tally = newTally();
  const runs = runPartitions(dr, outputs, source, { partitions: opts.partitions ?? 1, executor });
  const parts = new PartsSummary(Boolean(opts.report));
  // a written partition's buffers serve the next (not with --cache, which may still be encoding them,
  // nor --threads, whose workers allocate their own)
  const plan = planPartitions(source.groups, source.rows, opts.partitions ?? 1);
  const dataset = datasetFormat(opts);
  const pool = opts.cache === undefined && !opts.threads && dataset === undefined
    ? new PartitionBuffers(Math.max(...plan.map((p) => p.end - p.start)))
    : undefined;
  const tables = passOn(runs, (done) => {
    const rows = done.part.end - done.part.start;
    return led(tallyPart(tally, done), done.inputs, opts, 0, rows);
  });
  const counted = passOn(settleTypes(tables), (part) => {
    parts.add(part);
    return part;
  });
  await fs.promises.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
  pool?.use();
  try {
    if (dataset !== undefined) await writeDataset(counted, opts.out, dataset);
    else await writeResultParts(counted, opts.out, pool && ((written) => pool.release(tableBuffers(written))));
  } finally {
    pool?.stop();
    // a write that failed stops asking for partitions: the reads' decoder must not outlive the run
    if ('close' in source) await source.close?.();
  }
  return { parts, ...tally };
}

/**
 * A distributed run's parts written to `--out` as they are read from the store, one at a time and
 * in partition order (one part file each with `--dataset`), each counted into the run's summary on
 * its way: the coordinator holds one part, not the frame.
 */
async function writeQueued(queued: QueueRun, opts: RunOptions): Promise<RunDone> {
  await fs.promises.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
  const dataset = datasetFormat(opts);
  const parts = new PartsSummary(Boolean(opts.report));
  // parts computed from a history in memory come led by its entity and time, as a single-process run's rows
  // one record batch at a time into one file; whole parts into a dataset's part files
  const counted = passOn(queued.readParts({ lead: true, byBatch: dataset === undefined }), (part) => {
    parts.add(part);
    return part;
  });
  if (dataset !== undefined) await writeDataset(counted, opts.out, dataset);
  else await writeSettledParts(counted, opts.out);
  const { quality, timings, cache, notes } = queued;
  return { parts, quality, timings, cache, notes };
}

/** The history read whole, for `--partitions`: its inputs and their groups (`--entity` is given). */
function wholeHistory(inputs: Table | Readonly<Record<string, unknown>>, opts: RunOptions): IsolationHistory {
  if (opts.entity === undefined) {
    throw new UsageError('--partitions needs --entity <column> and --time <column>: partitions are made of whole entities.');
  }
  const record = inputs as Readonly<Record<string, unknown>>;
  const groups = record.groups as Groups;
  return { inputs: record, groups, rows: groups.rows ?? 0, entity: opts.entity, time: opts.time };
}

/** The entity and time columns lead the result: an output of either name would be a second column of it. */
function checkLeadNames(outputs: readonly string[], opts: RunOptions): void {
  for (const [flag, name] of [['--entity', opts.entity], ['--time', opts.time]] as const) {
    if (name !== undefined && outputs.includes(name)) {
      throw new UsageError(
        `The output "${name}" has the name of the ${flag} column, which leads the result already; ` +
          'leave it out of the outputs (or rename the feature).',
      );
    }
  }
}

/** Failed checks shown before the rest are counted; every one is in the run's quality (and the --report). */
const FAILURES_SHOWN = 20;
/** Run notes (input widening, cache) shown on stderr. */
const NOTES_SHOWN = 10;

/** The data-quality lines with at most FAILURES_SHOWN failures ('fail' ones first), passed checks counted. */
function boundedQuality(quality: readonly QualityResult[], report: boolean): string {
  const failed = quality.filter((q) => !q.passes);
  if (failed.length <= FAILURES_SHOWN) return formatQuality(quality);
  const ordered = [...failed.filter((q) => q.importance === 'fail'), ...failed.filter((q) => q.importance !== 'fail')];
  const shown = ordered.slice(0, FAILURES_SHOWN);
  const more = failed.length - shown.length;
  return (
    `${formatQuality([...shown, ...quality.filter((q) => q.passes)])}\n` +
    `… and ${count(more, 'more failed check')}${report ? ' (the report lists them all)' : ' (--report FILE lists them all)'}.`
  );
}

/** The run's own notes (the driver's input widening, the cache's), bounded; the reader's are printed as they come. */
function printNotes(notes: readonly AdapterNote[], io: Io): void {
  for (const note of notes.slice(0, NOTES_SHOWN)) io.err(`note: ${note.message}`);
  if (notes.length > NOTES_SHOWN) io.err(`note: … and ${count(notes.length - NOTES_SHOWN, 'more note')}.`);
}

/**
 * Run the command; resolves to the exit code (0), or rejects with the error that ended the run
 * after writing the report, if one was asked for.
 *
 * @example
 * await runCommand('features.ts', { inputs: 'weather.csv', out: 'features.arrow' }, processIo);
 */
export async function runCommand(file: string, opts: RunOptions, io: Io): Promise<number> {
  if (opts.dataset === undefined || opts.dataset === false) checkOutputPath(opts.out); // --dataset: --out is a folder
  checkIsolationOptions(opts);
  checkDistinctOutputs({ '--out': opts.out, '--report': opts.report, '--lineage': opts.lineage });
  const timer = timingRecorder();
  const result = commandTable(outputsChosenForUser(opts));
  const lineage = opts.lineage
    ? [openLineage({
        namespace: opts.lineageNamespace ?? 'quiver',
        emit: opts.lineage,
        job: path.basename(file).replace(/\.[cm]?[jt]s$/, ''),
        inputs: [opts.inputs],
        outputs: [opts.out],
      })]
    : [];
  const dr = buildDriver(file, opts, [timer, progressBar({ quiet: opts.quiet }), ...lineage], result);
  const outputs = selectOutputs(dr, opts);
  const notes: AdapterNote[] = [];
  const onNote = (note: AdapterNote) => {
    notes.push(note);
    io.err(`note: ${note.message}`);
  };
  let details: Awaited<ReturnType<typeof timeInputs>>['details'] | undefined;
  let joins: Awaited<ReturnType<typeof timeInputs>>['joins'] = [];
  let isolation: string | undefined;
  const began = performance.now();
  let run: RunDone | undefined;
  let error: unknown;
  try {
    checkLeadNames(outputs, opts);
    datasetFormat(opts);
    const executor = opts.threads ? threads({ workers: opts.threads }) : undefined;
    // --partitions on an Arrow IPC / Parquet history sorted by entity: one partition's rows read at a time
    const local = opts.partitions !== undefined && opts.queue === undefined && opts.store === undefined;
    const reads = local ? await partitionReads(dr as Driver<unknown>, outputs, opts, onNote) : undefined;
    // --queue on such a file: the coordinator indexes it and each worker reads its partition's rows
    const queue = opts.queue === undefined ? undefined : { ...opts, queue: opts.queue };
    const indexed = queue ? await indexedInputs(dr as Driver<unknown>, outputs, queue, onNote) : undefined;
    if (reads !== undefined) {
      const indexed = `${count(reads.groups.count, 'entity')} indexed in ${count(reads.rows, 'row')}`;
      const read = `one partition's rows at a time (${indexed})`;
      details = { entity: opts.entity as string, time: opts.time as string, read };
      run = await runByPartition(dr, outputs, reads, opts, executor);
    } else if (indexed !== undefined) {
      const entities = `${count(indexed.index.keys.length, 'entity')} indexed in ${count(indexed.index.rows, 'row')}`;
      details = { entity: opts.entity as string, time: opts.time as string, read: `by each worker, its rows (${entities})` };
      const queued = { ...opts, queue: opts.queue as string, chosen: !outputsChosenForUser(opts) };
      run = await writeQueued(await runByQueue(dr, outputs, indexed, file, queued, (line) => io.err(line)), opts);
    } else {
    // inside the try: a failed read still writes the --report the run promised
    const timed = await timeInputs(await readInputs(opts.inputs, onNote, opts), opts, onNote, opts.inputs);
    details = timed.details;
    joins = timed.joins;
    const inputs = timed.inputs;
    if (opts.queue !== undefined) {
      // the workers compute the partitions; the coordinator writes their parts one at a time, in partition order
      const queued = { ...opts, queue: opts.queue, chosen: !outputsChosenForUser(opts) };
      run = await writeQueued(await runByQueue(dr, outputs, timed.history, file, queued, (line) => io.err(line)), opts);
    } else if (opts.store !== undefined) {
      throw new UsageError('--store goes with --queue: it is where the workers find the inputs and write their parts.');
    } else if (opts.partitions !== undefined) {
      // written partition by partition; a feature that reads across entities was refused before the first
      run = await runByPartition(dr, outputs, wholeHistory(inputs, opts), opts, executor);
    } else {
      const whole = await dr.run(outputs, { inputs, executor });
      const result = timed.history ? led(whole.result, timed.history.inputs, opts, 0, timed.history.rows) : whole.result;
      run = { ...whole, result };
      // before the table is written: a feature that reads across entities must not leave a file behind
      const checked = await cliIsolationCheck(dr, outputs, timed.history, result, opts);
      if (checked !== undefined && opts.entity !== undefined) {
        isolation = isolationLine(checked, opts.entity);
        details = { ...details, isolation };
      }
      await fs.promises.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
      await writeResult(result, opts.out);
    }
    }
  } catch (e) {
    error = withGroupsHint(restate(e, 'cli'), opts); // fixes worded for a command-line user
  }
  const durationMs = performance.now() - began;
  if (run && error === undefined) {
    const table = run.result;
    const parts = run.parts;
    if (result.skipped.length > 0) {
      io.err(`note: left out of the table, not columns: ${result.skipped.join(', ')} (name them with --outputs to see why).`);
    }
    printNotes(run.notes, io);
    const [rows, columns] = table ? [table.numRows, table.numCols] : [parts?.rows ?? 0, parts?.columns ?? 0];
    io.out(`Wrote ${count(rows, 'row')} × ${count(columns, 'column')} to ${opts.out} in ${formatMs(durationMs)}.`);
    io.out(table ? previewTable(table) : (parts?.preview() ?? ''));
    io.out(table ? missingLine(table) : (parts?.missingLine() ?? ''));
    const hint = openHint(opts.out);
    if (hint !== undefined) io.out(hint);
    if (opts.cache !== undefined) {
      io.out(`Cache ${opts.cache}: ${count(run.cache.hits.length, 'node')} read, ${count(run.cache.misses.length, 'node')} computed.`);
    }
    io.out(`Data quality:\n${boundedQuality(run.quality, Boolean(opts.report))}`);
    if (isolation !== undefined) io.out(isolation);
  }
  if (opts.report) {
    await writeRunReport(
      {
        driver: dr,
        outputs,
        run: run ? { ...run, summary: run.parts?.summary } : { timings: timer.timings },
        error,
        config: opts.config,
        durationMs,
        notes: run ? [...notes, ...run.notes] : notes,
        title: `quiver run ${file}`,
        details: { inputs: opts.inputs, ...details, out: opts.out },
        joins,
      },
      opts.report,
    );
    io.out(`Report: ${opts.report}`);
  }
  if (error !== undefined) throw error;
  return 0;
}
