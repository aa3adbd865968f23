/**
 * `quiver run <features> --inputs <file> --out <file>`: compute the outputs, write the table,
 * print the data-quality report, and optionally write the HTML run report.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Table } from 'apache-arrow';
import { formatQuality } from '../../src/quality';
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
import { runPartitions } from '../../src/partition/run-partitions';
import { joinBatches } from '../../adapters/arrow/join-batches';
import { UsageError } from '../errors';
import { checkDistinctOutputs } from '../output-paths';
import { commandTable } from '../result-table';
import { timeInputs, type TimeOptions } from '../time-inputs';
import { buildDriver, checkOutputPath, outputsChosenForUser, readInputs, selectOutputs, type FeatureOptions, type OutputOptions } from '../session';

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export interface RunOptions extends FeatureOptions, OutputOptions, TimeOptions {
  readonly inputs: string;
  readonly out: string;
  readonly report?: string;
  readonly quiet?: boolean;
  /** Append OpenLineage events to this NDJSON file. */
  readonly lineage?: string;
  readonly lineageNamespace?: string;
  /** Worker threads for the threads() executor; none: inline(). */
  readonly threads?: number;
  /** With --entity: compute the entities in this many partitions, one after another. */
  readonly partitions?: number;
}

/**
 * `--partitions P`: the entities in P partitions computed one after another (`runPartitions`);
 * each partition's table becomes record batches of the one result table.
 */
async function runByPartition(
  dr: Driver<Table>, outputs: string[], inputs: Readonly<Record<string, unknown>>, opts: RunOptions, executor: ReturnType<typeof threads> | undefined,
) {
  if (opts.entity === undefined) throw new UsageError('--partitions needs --entity <column> and --time <column>: partitions are made of whole entities.');
  const groups = inputs.groups as Groups;
  const history = { inputs, groups, rows: groups.rows ?? 0, entity: opts.entity, time: opts.time };
  const tables: Table[] = [];
  let last: Awaited<ReturnType<typeof dr.run>> | undefined;
  const quality: Awaited<ReturnType<typeof dr.run>>['quality'][number][] = [];
  for await (const { run } of runPartitions(dr, outputs, history, { partitions: opts.partitions ?? 1, executor })) {
    tables.push(run.result);
    quality.push(...run.quality);
    last = run;
  }
  return { ...last!, result: joinBatches(tables), quality };
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
  const began = performance.now();
  let run: Awaited<ReturnType<typeof dr.run>> | undefined;
  let error: unknown;
  try {
    // inside the try: a failed read still writes the --report the run promised
    const timed = await timeInputs(await readInputs(opts.inputs, onNote), opts, onNote);
    details = timed.details;
    const inputs = timed.inputs;
    const executor = opts.threads ? threads({ workers: opts.threads }) : undefined;
    run = opts.partitions === undefined
      ? await dr.run(outputs, { inputs, executor })
      : await runByPartition(dr, outputs, inputs as Readonly<Record<string, unknown>>, opts, executor);
    await fs.promises.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
    await writeResult(run.result as Table, opts.out);
  } catch (e) {
    error = e;
  }
  const durationMs = performance.now() - began;
  if (run && error === undefined) {
    const table = run.result as Table;
    if (result.skipped.length > 0) {
      io.err(`note: left out of the table, not columns: ${result.skipped.join(', ')} (name them with --outputs to see why).`);
    }
    io.out(`Wrote ${count(table.numRows, 'row')} × ${count(table.numCols, 'column')} to ${opts.out} in ${formatMs(durationMs)}.`);
    if (opts.cache !== undefined) {
      io.out(`Cache ${opts.cache}: ${count(run.cache.hits.length, 'node')} read, ${count(run.cache.misses.length, 'node')} computed.`);
    }
    io.out(`Data quality:\n${formatQuality(run.quality)}`);
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
        notes: run ? [...notes, ...run.notes.filter((n) => n.code.startsWith('cache-'))] : notes,
        title: `quiver run ${file}`,
        details: { inputs: opts.inputs, ...details, out: opts.out },
      },
      opts.report,
    );
    io.out(`Report: ${opts.report}`);
  }
  if (error !== undefined) throw error;
  return 0;
}
