/**
 * `quiver run … --entity C --time T --queue URL --partitions P [--store DIR]`: the options
 * checked, then the coordinator (adapters/bullmq/coordinator.ts) runs the partitions on the
 * `quiver worker`s and joins their parts into the one result table.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Table } from 'apache-arrow';
import type { Driver } from '../src/driver';
import type { EntityHistory } from '../src/timeseries/history';
import { SingleBar } from 'cli-progress';
import { coordinate, type QueueRun } from '../adapters/bullmq/coordinator';
import { shouldDrawProgress } from '../adapters/progress/progress-bar';
import { UsageError } from './errors';

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
  if (opts.cache !== undefined) {
    throw new UsageError('--cache goes without --queue: a distributed run keeps its parts in --store for reruns.');
  }
  const stat = fs.statSync(opts.inputs);
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
