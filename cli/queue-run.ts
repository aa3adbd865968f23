/**
 * `quiver run … --entity C --time T --queue URL --partitions P [--store DIR]`: the options
 * checked, then the coordinator (adapters/bullmq/coordinator.ts) runs the partitions on the
 * `quiver worker`s and gives their parts back to be written one at a time. An Arrow IPC file or Parquet
 * file sorted by entity (what `quiver run --partitions` reads one partition at a time) is not read
 * whole: its entity column is indexed once and each worker reads its rows of the file itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Table } from 'apache-arrow';
import type { Driver } from '../src/driver';
import type { EntityHistory } from '../src/timeseries/history';
import { SingleBar } from 'cli-progress';
import { coordinate, type IndexedInputs, type QueueRun } from '../adapters/bullmq/coordinator';
import { probeRedis } from '../adapters/bullmq/connection';
import { shouldDrawProgress } from '../adapters/progress/progress-bar';
import type { AdapterNote } from '../adapters/notes';
import { UsageError } from './errors';
import { partitionReads, type PartitionReadOptions } from './partition-reads';
import { inputsFormat } from './session';

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
  readonly cache?: string;
  readonly quiet?: boolean;
  /** Outputs named with --outputs (not chosen for the user). */
  readonly chosen: boolean;
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
 * A `UsageError` for `--queue` options that cannot make a distributed run (before Redis is asked).
 *
 * @example
 * checkQueueOptions({ queue: 'redis://queue:6379', entity: 'store', time: 'date' }); // throws: no --partitions
 */
export function checkQueueOptions<T extends Pick<QueueRunOptions, 'entity' | 'time' | 'partitions' | 'cache'>>(
  opts: T,
): asserts opts is T & { readonly entity: string; readonly time: string; readonly partitions: number } {
  if (opts.entity === undefined || opts.time === undefined) {
    throw new UsageError(
      '--queue needs --entity <column> and --time <column>: the partitions sent to the workers are whole entities.',
    );
  }
  if (opts.partitions === undefined) {
    throw new UsageError('--queue needs --partitions <n>: how many partition jobs to split the entities into.');
  }
  if (opts.cache !== undefined) {
    throw new UsageError('--cache goes without --queue: a distributed run keeps its parts in --store for reruns.');
  }
}

/**
 * The inputs file indexed by entity, for the workers to read their rows of, or `undefined` after
 * the note `quiver run --partitions` gives when the file must be read whole (a CSV file, an
 * unsorted one, `--calendar`/`--join`, global features, record batches larger than a partition;
 * and an Arrow IPC stream, which has no footer: each worker would read the file up to its rows).
 *
 * @example
 * const indexed = await indexedInputs(dr, outputs, opts, onNote); // then runByQueue(dr, outputs, indexed, …)
 */
export async function indexedInputs(
  driver: Driver<unknown>, outputs: readonly string[], opts: PartitionReadOptions & Omit<QueueRunOptions, 'chosen'>,
  onNote: (note: AdapterNote) => void,
): Promise<IndexedInputs | undefined> {
  checkQueueOptions(opts);
  // Redis first: a run it cannot make fails within seconds, before the inputs are indexed or read
  await probeRedis(opts.queue);
  // taken before the index: a file written while it is indexed has another time, which the workers refuse
  const stat = fs.statSync(opts.inputs, { throwIfNoEntry: false });
  if (stat === undefined) return undefined; // reading it whole says what is wrong, as `quiver run` does
  if (opts.schema === undefined && (await inputsFormat(opts.inputs)).name === 'Arrow IPC stream') {
    onNote({
      code: 'partitions-read-whole', column: opts.entity,
      message: `--queue reads ${opts.inputs} whole: an Arrow IPC stream has no footer to seek by, so each worker ` +
        'would read the file up to its rows. ' +
        'Write it as an Arrow IPC file or Parquet for the workers to read their rows.',
    });
    return undefined;
  }
  const reads = await partitionReads(driver, outputs, opts, onNote);
  if (reads === undefined) return undefined;
  const { index } = reads;
  const { entity, time } = opts;
  return {
    path: path.resolve(opts.inputs), size: stat.size, mtimeMs: stat.mtimeMs, index, entity, time,
    async sample() {
      try {
        return await reads.sample();
      } finally {
        await reads.close?.();
      }
    },
  };
}

/**
 * Runs the partitions on the workers of `opts.queue`; the parts are read back one at a time (`readParts`).
 *
 * @example
 * const { result } = await runByQueue(dr, outputs, history, 'features.ts', opts, (s) => io.err(s));
 */
export async function runByQueue(
  dr: Driver<Table>, outputs: readonly string[], history: EntityHistory | IndexedInputs | undefined,
  featuresFile: string,
  opts: QueueRunOptions, say: (line: string) => void,
): Promise<QueueRun> {
  checkQueueOptions(opts);
  if (history === undefined) {
    throw new UsageError(
      '--queue needs --entity <column> and --time <column>: the partitions sent to the workers are whole entities.',
    );
  }
  // the size and time the inputs had when indexed (a file changed since is the workers' error)
  const stat = 'index' in history ? history : fs.statSync(opts.inputs);
  // on a terminal, the progress bar `quiver run` draws for nodes, here for partitions; else lines
  let bar: SingleBar | undefined;
  const progress = shouldDrawProgress({ quiet: opts.quiet })
    ? (done: number, total: number, rowsPerS: number) => {
        const rate = rowsPerS.toLocaleString('en-US');
        if (bar === undefined) {
          const format = ' {bar} {value}/{total} partitions | {duration_formatted} | {rate} rows/s';
          bar = new SingleBar({ stream: process.stderr, format, barsize: 24, hideCursor: true, fps: 10 });
          bar.start(total, done, { rate });
        } else {
          bar.update(done, { rate });
        }
      }
    : undefined;
  try {
    return await coordinate({
      driver: dr as Driver<unknown>, outputs, history, url: opts.queue, partitions: opts.partitions,
      store: opts.store ?? defaultStore(opts.out), featuresFile, classes: opts.class, config: opts.config,
      chosen: opts.chosen, threads: opts.threads, inputs: [path.resolve(opts.inputs), stat.size, stat.mtimeMs],
      extra: { calendar: opts.calendar ?? null, join: opts.join ?? [] },
      say: opts.quiet ? undefined : say, progress,
    });
  } finally {
    bar?.stop();
  }
}
