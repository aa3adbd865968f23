/**
 * `quiver worker --redis URL [--concurrency N] [--store DIR]`: a long-running process that takes
 * partition jobs of distributed runs from BullMQ on Redis, computes each (cli/partition-job.ts)
 * and writes its part to the store, until SIGINT or SIGTERM (running jobs finish first).
 */
import { redactUrl } from '../../src/distributed/job';
import { startWorker } from '../../adapters/bullmq/worker';
import { closeSourceReaders } from '../../adapters/bullmq/source-rows';
import type { Io } from '../io';
import { computePartition } from '../partition-job';

export interface WorkerOptions {
  readonly redis: string;
  readonly concurrency?: number;
  readonly store?: string;
  readonly lockDuration?: number;
  readonly stalledInterval?: number;
  readonly quiet?: boolean;
}

/**
 * Runs the worker; resolves to 0 once stopped by a signal, rejects with `QueueUnavailableError`
 * (naming the URL) when Redis cannot be reached at the start.
 *
 * @example
 * await workerCommand({ redis: 'redis://127.0.0.1:6379', concurrency: 2 }, processIo);
 */
export async function workerCommand(opts: WorkerOptions, io: Io): Promise<number> {
  const say = (line: string) => {
    if (!opts.quiet) io.out(`[${new Date().toISOString()}] ${line}`);
  };
  const worker = await startWorker({
    url: opts.redis,
    concurrency: opts.concurrency,
    lockDuration: opts.lockDuration,
    stalledInterval: opts.stalledInterval,
    process: (job) => computePartition(job, opts.store),
    onEvent: say,
  });
  const url = redactUrl(opts.redis);
  const atOnce = opts.concurrency ?? 1;
  say(`quiver worker ${process.pid}: taking partition jobs from ${url}, ${atOnce} at a time (Ctrl-C stops it).`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      say('stopping: the running jobs finish first.');
      // then the Parquet decoders kept between jobs, whose threads would hold the process
      worker.close().then(closeSourceReaders, () => closeSourceReaders()).then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
