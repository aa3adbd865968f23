/**
 * `concurrent({ limit })`: async features whose inputs are ready run at the same time, at most
 * `limit` awaiting at once (features that query a database or a service). Synchronous features
 * run on the calling thread as they become ready. Results, quality results and their order are
 * inline()'s.
 */
import { QuiverError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import type { Executor } from './executor-api';
import { runByReadiness } from './readiness';

export interface ConcurrentOptions {
  /** How many async features may be awaited at the same time; default 8. */
  readonly limit?: number;
}

/**
 * An executor that overlaps async features.
 *
 * @example
 * const dr = new Builder().withFeatures(Lookups).withExecutor(concurrent({ limit: 8 })).build();
 * await dr.execute(['customerSegment', 'creditScore'], { inputs: { customerId } });  // both queries at once
 */
export function concurrent(options: ConcurrentOptions = {}): Executor {
  assertKnownKeys(options, ['limit'], 'concurrent()');
  const limit = options.limit ?? 8;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new QuiverError(
      `concurrent() takes { limit } as a whole number of at least 1, got ${String(limit)}. ` +
        'Pass e.g. concurrent({ limit: 8 }).',
    );
  }
  const executor: Executor = { name: `concurrent(${limit})`, run: (run) => runByReadiness(run, limit) };
  return Object.freeze(executor);
}
