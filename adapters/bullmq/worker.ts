/**
 * The worker's side of a distributed run: a BullMQ worker on the partitions queue that hands each
 * job's data to `process`. A feature failure (`FailedPartition`) fails the job for good (no
 * retry: the same rows would fail again); a killed worker's job is taken by another after the
 * stall interval (BullMQ's stalled-job check).
 */
import { PARTITION_QUEUE, QUEUE_PREFIX, type PartitionJob, type PartReport } from '../../src/distributed/job';
import { connectRedis } from './connection';
import { loadBullmq } from './load';

/** Thrown by `process` when a feature threw: `text` is `failureText(node, partition, message)`. */
export class FailedPartition extends Error {}

/** What `startWorker` is given. */
export interface WorkerSpec {
  readonly url: string;
  /** Jobs at once in this process (default 1). */
  readonly concurrency?: number;
  /**
   * Milliseconds a job's lock lasts without renewal (default 30,000): more than one partition's
   * longest synchronous feature, which blocks the renewal.
   */
  readonly lockDuration?: number;
  /** Milliseconds between two checks for stalled jobs (default 30,000). */
  readonly stalledInterval?: number;
  readonly process: (job: PartitionJob) => Promise<PartReport>;
  readonly onEvent?: (text: string) => void;
}

/**
 * Connects (a `QueueUnavailableError` within seconds when Redis cannot be reached) and starts
 * taking partition jobs; `close()` lets the running jobs finish, then disconnects.
 *
 * @example
 * const worker = await startWorker({ url: 'redis://127.0.0.1:6379', process: computePartition });
 * process.once('SIGTERM', () => worker.close());
 */
export async function startWorker(spec: WorkerSpec): Promise<{ close(): Promise<void> }> {
  const bull = loadBullmq('quiver worker');
  const client = await connectRedis(spec.url, { lasting: true });
  const worker = new bull.Worker(
    PARTITION_QUEUE,
    async (job) => {
      const data = job.data as PartitionJob;
      spec.onEvent?.(`partition ${data.partition + 1} of ${data.partitions}: started (job ${job.id})`);
      try {
        return await spec.process(data);
      } catch (error) {
        if (error instanceof FailedPartition) throw new bull.UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      connection: client,
      prefix: QUEUE_PREFIX,
      concurrency: spec.concurrency ?? 1,
      lockDuration: spec.lockDuration ?? 30_000,
      stalledInterval: spec.stalledInterval ?? 30_000,
      maxStalledCount: 2,
    },
  );
  worker.on('error', (error) => spec.onEvent?.(`error: ${error.message}`));
  worker.on('completed', (job) => {
    const r = job.returnvalue as PartReport;
    const rows = r.rows.toLocaleString('en-US');
    spec.onEvent?.(`partition ${r.partition + 1}: done, ${rows} rows in ${Math.round(r.ms)} ms`);
  });
  worker.on('failed', (job, error) => {
    spec.onEvent?.(`partition job ${job?.id ?? '?'} failed: ${error.message.split('\n').pop()}`);
  });
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await client.quit().catch(() => undefined);
    },
  };
}
