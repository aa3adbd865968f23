/**
 * The coordinator's side of a distributed run: one BullMQ flow (a parent "assemble" job waiting
 * for one child job per partition), watched until every child is done; a child that failed
 * fails the run and the children not yet started are cancelled (removed from the queue).
 */
import { DataValidationError, FeatureExecutionError } from '../../src/errors';
import type { QualityResult } from '../../src/quality/result';
import { DistributedError, QueueUnavailableError } from '../../src/distributed/errors';
import {
  ASSEMBLE_QUEUE, PARTITION_QUEUE, QUEUE_PREFIX, parseFailure, redactUrl, type PartitionJob,
} from '../../src/distributed/job';
import { commandsProcessed, connectRedis } from './connection';
import { loadBullmq } from './load';

/** What `runFlow` is given. */
export interface FlowSpec {
  readonly url: string;
  readonly key: string;
  /** The partitions still to compute (those whose part is not in the store yet). */
  readonly jobs: readonly PartitionJob[];
  /** Milliseconds between two looks at the flow (default 200). */
  readonly pollMs?: number;
  /** Called when the number of finished partitions changes, and once when workers seem absent. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly onNote?: (message: string) => void;
}

/** The BullMQ job id of partition `i` of run `key`. */
export function childId(key: string, partition: number): string {
  return `${key}-p${partition}`;
}

/** How long Redis may fail to answer during a run before it counts as lost. */
const LOST_AFTER_MS = 3000;
/** After this long with nothing finished and no worker connected, say so (once). */
const NO_WORKER_NOTE_MS = 10_000;

const WAITING_STATES = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children', 'unknown']);

/**
 * Adds the flow (or rejoins one a killed coordinator left running, same key) and resolves when
 * every partition job has completed; a partition whose feature threw rejects with that
 * `FeatureExecutionError` (`.node`, `.partition`), a lost Redis with `QueueUnavailableError`.
 *
 * @example
 * await runFlow({ url: 'redis://127.0.0.1:6379', key, jobs, onProgress: (d, n) => console.log(`${d}/${n}`) });
 */
export async function runFlow(spec: FlowSpec): Promise<{ readonly redisOps: number }> {
  // redisOps: the commands Redis processed while the flow ran, all clients (workers too)
  const bull = loadBullmq('quiver run --queue');
  const client = await connectRedis(spec.url);
  const opts = { connection: client, prefix: QUEUE_PREFIX };
  const partitions = new bull.Queue(PARTITION_QUEUE, opts);
  const assemble = new bull.Queue(ASSEMBLE_QUEUE, opts);
  const producer = new bull.FlowProducer(opts);
  partitions.on('error', () => undefined);
  assemble.on('error', () => undefined);
  producer.on('error', () => undefined);
  const ids = spec.jobs.map((j) => childId(spec.key, j.partition));
  const shown = redactUrl(spec.url);
  try {
    const commandsBefore = await commandsProcessed(client);
    const existing = await assemble.getJob(spec.key);
    // a flow a killed coordinator left: still running, or finished without failures but not yet removed
    const state = existing === undefined ? undefined : await existing.getState();
    const cleanDone = state === 'waiting' && ((await existing!.getDependenciesCount()).failed ?? 0) === 0;
    const rejoin = state === 'waiting-children' || cleanDone;
    if (existing && !rejoin) await existing.remove().catch(() => undefined);
    if (!rejoin) {
      for (const id of ids) await (await partitions.getJob(id))?.remove().catch(() => undefined);
      await producer.add({
        name: 'assemble',
        queueName: ASSEMBLE_QUEUE,
        data: { key: spec.key, partitions: spec.jobs.length },
        opts: { jobId: spec.key },
        children: spec.jobs.map((job) => ({
          name: `partition ${job.partition + 1} of ${job.partitions}`,
          queueName: PARTITION_QUEUE,
          data: job,
          opts: { jobId: childId(spec.key, job.partition), failParentOnFailure: true, attempts: 1 },
        })),
      });
    }
    await watch(spec, ids, assemble, partitions, shown);
    const parent = await assemble.getJob(spec.key);
    await parent?.remove().catch(() => undefined);
    return { redisOps: (await commandsProcessed(client).catch(() => Number.NaN)) - commandsBefore };
  } finally {
    await Promise.allSettled([partitions.close(), assemble.close(), producer.close()]);
    await client.quit().catch(() => undefined);
  }
}

type Queue = import('bullmq').Queue;

async function watch(
  spec: FlowSpec, ids: readonly string[], assemble: Queue, partitions: Queue, shown: string,
): Promise<void> {
  const began = Date.now();
  let lastOk = Date.now();
  let shownDone = -1;
  let noted = false;
  for (;;) {
    let done: number;
    let failed: number;
    let left: number;
    try {
      const parent = await assemble.getJob(spec.key);
      if (!parent) {
        throw new DistributedError(
          `The flow of run ${spec.key} was removed from Redis at ${shown} while it ran ` +
            '(another coordinator, or a flush); run again.',
        );
      }
      const counts = await parent.getDependenciesCount();
      done = counts.processed ?? 0;
      failed = counts.failed ?? 0;
      // a rejoined flow may have more children than the partitions still missing: wait for all of them
      left = counts.unprocessed ?? 0;
      lastOk = Date.now();
    } catch (error) {
      if (error instanceof DistributedError) throw error;
      if (Date.now() - lastOk > LOST_AFTER_MS) {
        const reason = error instanceof Error ? error.message : String(error);
        const silent = `no answer for ${Math.round((Date.now() - lastOk) / 1000)} s`;
        throw new QueueUnavailableError(shown, `was lost mid-run (${silent}: ${reason})`, { cause: error });
      }
      await sleep(spec.pollMs ?? 200);
      continue;
    }
    if (done !== shownDone) {
      shownDone = done;
      spec.onProgress?.(done, done + left + failed);
    }
    // a failed child (failParentOnFailure) counts as failed here; the parent itself moves on to 'waiting'
    if (failed > 0) await failRun(ids, partitions, shown);
    if (left === 0 && failed === 0) return;
    if (!noted && done === 0 && Date.now() - began > NO_WORKER_NOTE_MS) {
      noted = true;
      const workers = await partitions.getWorkersCount().catch(() => -1);
      const hint = `no worker is connected to ${shown} yet: start one (quiver worker --redis ${shown}).`;
      if (workers === 0) spec.onNote?.(hint);
    }
    await sleep(spec.pollMs ?? 200);
  }
}

/** A child failed: cancel the children not started, then throw what the failed one says. */
async function failRun(ids: readonly string[], partitions: Queue, shown: string): Promise<never> {
  let reason: string | undefined;
  for (const id of ids) {
    const job = await partitions.getJob(id);
    if (!job) continue;
    const state = await job.getState();
    if (state === 'failed' && reason === undefined) reason = job.failedReason;
    else if (WAITING_STATES.has(state)) await job.remove().catch(() => undefined);
  }
  throw failureError(reason, shown);
}

/**
 * The error a failed partition job's `reason` stands for: a `DataValidationError` for a `'fail'`
 * check (same class as a single-process run, its message naming the partition), a
 * `FeatureExecutionError` for a feature that threw (both with `.partition`), a `DistributedError`
 * for anything else.
 *
 * @example
 * throw failureError(job.failedReason, 'redis://queue:6379');
 */
export function failureError(reason: string | undefined, shown: string): Error {
  const failure = reason === undefined ? undefined : parseFailure(reason);
  if (failure?.results !== undefined) {
    const error = new DataValidationError(failure.node, failure.results as QualityResult[]);
    error.message = failure.message;
    return Object.assign(error, { partition: failure.partition });
  }
  if (failure) {
    const error = new FeatureExecutionError(failure.node, 'partition', undefined, failure.message);
    return Object.assign(error, { partition: failure.partition });
  }
  return new DistributedError(
    `A partition job failed on a worker of ${shown}: ${reason ?? 'no reason recorded'}. ` +
      'The partitions not started were cancelled.',
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
