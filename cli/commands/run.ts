/**
 * `quiver run <features> --inputs <file> --out <file>`: compute the outputs, write the table,
 * print the data-quality report, and optionally write the HTML run report.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Table } from 'apache-arrow';
import { formatQuality, type QualityResult } from '../../src/quality';
import { writeResult } from '../../adapters/files/formats';
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
import { collectPartitions } from '../../src/partition/collect';
import { joinBatches } from '../../adapters/arrow/join-batches';
import { UsageError } from '../errors';
import { checkDistinctOutputs } from '../output-paths';
import { asDates, commandTable } from '../result-table';
import { tableFromColumns } from '../../adapters/arrow/table-from-columns';
import { timeInputs, withGroupsHint, type TimeOptions } from '../time-inputs';
import type { SchemaOption } from '../schema-option';
import { missingLine, openHint, previewTable } from '../run-preview';
import { checkIsolationOptions, cliIsolationCheck, isolationLine, type IsolationCliOptions } from '../isolation-check';
import { buildDriver, checkOutputPath, outputsChosenForUser, readInputs, selectOutputs, type FeatureOptions, type OutputOptions } from '../session';

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export interface RunOptions extends FeatureOptions, OutputOptions, TimeOptions, IsolationCliOptions {
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
}

/**
 * `--partitions P`: the entities in P partitions computed one after another (`collectPartitions`:
 * timings summed, quality rows counted in the history); each partition's table becomes record
 * batches of the one result table.
 */
async function runByPartition(
  dr: Driver<Table>, outputs: string[], inputs: Readonly<Record<string, unknown>>, opts: RunOptions, executor: ReturnType<typeof threads> | undefined,
) {
  if (opts.entity === undefined) throw new UsageError('--partitions needs --entity <column> and --time <column>: partitions are made of whole entities.');
  const groups = inputs.groups as Groups;
  const history = { inputs, groups, rows: groups.rows ?? 0, entity: opts.entity, time: opts.time };
  const { parts, quality, timings, cache, notes } = await collectPartitions(dr, outputs, history, {
    partitions: opts.partitions ?? 1, executor,
  });
  return { result: joinBatches(parts), quality, timings, cache, notes };
}

/**
 * The history's entity and time columns (sorted, as the rows of `table` are, partitioned or not)
 * before the table's own; the time as a timestamp, not the epoch ms the features read.
 */
function withKeys(
  table: Table, keys: readonly string[], inputs: Readonly<Record<string, unknown>>, time?: string,
): Table {
  const own = table.schema.fields.map((f) => f.name);
  const values = keys.map((key) => (key === time ? asDates(inputs[key]) : inputs[key]));
  return tableFromColumns([...keys, ...own], [...values, ...own.map((name) => table.getChild(name))]);
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
  checkOutputPath(opts.out);
  checkIsolationOptions(opts);
  checkDistinctOutputs({ '--out': opts.out, '--report': opts.report, '--lineage': opts.lineage });
  const timer = timingRecorder();
  const result = commandTable(outputsChosenForUser(opts), opts.time);
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
  // A per-entity history is sorted by (entity, time): chosen for the user, the table leads with
  // those two columns, as a training frame does, or its rows could not be told apart or joined back.
  const keys = opts.entity !== undefined && opts.time !== undefined && outputsChosenForUser(opts)
    ? [opts.entity, opts.time].filter((name) => !outputs.includes(name))
    : [];
  const notes: AdapterNote[] = [];
  const onNote = (note: AdapterNote) => {
    notes.push(note);
    io.err(`note: ${note.message}`);
  };
  let details: Awaited<ReturnType<typeof timeInputs>>['details'] | undefined;
  let joins: Awaited<ReturnType<typeof timeInputs>>['joins'] = [];
  let isolation: string | undefined;
  const began = performance.now();
  let run: Awaited<ReturnType<typeof dr.run>> | undefined;
  let error: unknown;
  try {
    // inside the try: a failed read still writes the --report the run promised
    const timed = await timeInputs(await readInputs(opts.inputs, onNote, opts.schema), opts, onNote);
    details = timed.details;
    joins = timed.joins;
    const inputs = timed.inputs;
    const executor = opts.threads ? threads({ workers: opts.threads }) : undefined;
    run = opts.partitions === undefined
      ? await dr.run(outputs, { inputs, executor })
      : await runByPartition(dr, outputs, inputs as Readonly<Record<string, unknown>>, opts, executor);
    // before the table is written: a feature that reads across entities must not leave a file behind
    // (a partitioned run has refused such features already, partition by partition)
    const checked = opts.partitions === undefined
      ? await cliIsolationCheck(dr, outputs, timed.history, run.result as Table, opts)
      : undefined;
    if (checked !== undefined && opts.entity !== undefined) {
      isolation = isolationLine(checked, opts.entity);
      details = { ...details, isolation };
    }
    if (keys.length > 0) {
      const history = inputs as Readonly<Record<string, unknown>>;
      run = { ...run, result: withKeys(run.result as Table, keys, history, opts.time) };
    }
    await fs.promises.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
    await writeResult(run.result as Table, opts.out);
  } catch (e) {
    error = withGroupsHint(e, opts);
  }
  const durationMs = performance.now() - began;
  if (run && error === undefined) {
    const table = run.result as Table;
    if (result.skipped.length > 0) {
      io.err(`note: left out of the table, not columns: ${result.skipped.join(', ')} (name them with --outputs to see why).`);
    }
    printNotes(run.notes, io);
    io.out(`Wrote ${count(table.numRows, 'row')} × ${count(table.numCols, 'column')} to ${opts.out} in ${formatMs(durationMs)}.`);
    io.out(previewTable(table));
    io.out(missingLine(table));
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
        run: run ?? { timings: timer.timings },
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
