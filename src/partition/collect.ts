/**
 * One run's worth of results from a partitioned run: every partition's result in order, with
 * their quality results (first rows counted in the whole history), timings summed, cache hits and
 * misses and notes of every partition. The callers join the parts (columns or record batches).
 */
import type { Driver } from '../driver';
import type { CacheReport } from '../cache/session';
import type { AdapterNote } from '../ports';
import type { QualityResult } from '../quality/result';
import type { IsolationHistory } from '../timeseries/isolation';
import { inHistoryRows } from './failure';
import { runPartitions, type PartitionRun, type RunPartitionsOptions } from './run-partitions';
import type { PartitionReads } from './reads';
import { passOn } from '../util/pass-on';

export interface CollectedPartitions<R> {
  /** Each partition's result, in history order. */
  readonly parts: R[];
  /** Rows of each partition. */
  readonly rows: number[];
  readonly quality: QualityResult[];
  readonly timings: Record<string, number>;
  readonly cache: CacheReport;
  readonly notes: AdapterNote[];
}

/** What a partitioned run gathered besides the results: filled in as the partitions finish. */
export type PartitionTally = Omit<CollectedPartitions<unknown>, 'parts'>;

/**
 * An empty tally, to be filled by `tallyPart` as the partitions finish.
 *
 * @example
 * const tally = newTally();
 */
export function newTally(): PartitionTally {
  return { rows: [], quality: [], timings: {}, cache: { hits: [], misses: [] }, notes: [] };
}

/**
 * Adds one partition's run to `tally` (its rows, quality in history rows, timings, cache, notes)
 * and returns its result.
 *
 * @example
 * for await (const done of runPartitions(dr, outputs, history, { partitions: 8 })) write(tallyPart(tally, done));
 */
export function tallyPart<R>(tally: PartitionTally, { part, run }: Pick<PartitionRun<R>, 'part' | 'run'>): R {
  tally.rows.push(part.end - part.start);
  for (const q of run.quality) tally.quality.push(inHistoryRows(q, part.start));
  for (const [name, ms] of Object.entries(run.timings)) tally.timings[name] = (tally.timings[name] ?? 0) + ms;
  tally.cache.hits.push(...run.cache.hits);
  tally.cache.misses.push(...run.cache.misses);
  tally.notes.push(...run.notes);
  return run.result;
}

/**
 * Runs `outputs` partition by partition (`runPartitions`) and yields each partition's result as
 * soon as it is computed, so the caller can write it and let it go before the next partition;
 * `tally` gathers the rest (rows, quality in history rows, summed timings, cache, notes) as it goes.
 *
 * @example
 * const { results, tally } = partitionResults(driver, outputs, history, { partitions: 8 });
 * await writeResultParts(results, 'frame.arrow'); // tally.rows: rows of each partition
 */
export function partitionResults<R>(
  driver: Driver<R>, outputs: readonly string[], history: IsolationHistory | PartitionReads,
  options: RunPartitionsOptions,
): { readonly results: AsyncGenerator<R>; readonly tally: PartitionTally } {
  const tally = newTally();
  // passOn: no partition's result is held once the consumer asks for the next
  const results = passOn(runPartitions(driver, outputs, history, options), (done) => tallyPart(tally, done));
  return { results, tally };
}

/**
 * Runs `outputs` partition by partition (`runPartitions`) and gathers what each run returned.
 *
 * @example
 * const { parts, rows, quality } = await collectPartitions(driver, outputs, history, { partitions: 8 });
 */
export async function collectPartitions<R>(
  driver: Driver<R>, outputs: readonly string[], history: IsolationHistory | PartitionReads,
  options: RunPartitionsOptions,
): Promise<CollectedPartitions<R>> {
  const { results, tally } = partitionResults(driver, outputs, history, options);
  const parts: R[] = [];
  for await (const result of results) parts.push(result);
  return { parts, ...tally };
}

export { inHistoryRows } from './failure';
