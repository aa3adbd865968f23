/**
 * One run's worth of results from a partitioned run: every partition's result in order, with
 * their quality results (first rows counted in the whole history), timings summed, cache hits and
 * misses and notes of every partition. The callers join the parts (columns or record batches).
 */
import type { Driver } from '../driver';
import type { CacheReport } from '../cache/session';
import type { AdapterNote } from '../io';
import type { QualityResult } from '../quality/result';
import { atRows } from '../quality/text';
import type { IsolationHistory } from '../timeseries/isolation';
import { runPartitions, type RunPartitionsOptions } from './run-partitions';

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

/**
 * Runs `outputs` partition by partition (`runPartitions`) and gathers what each run returned.
 *
 * @example
 * const { parts, rows, quality } = await collectPartitions(driver, outputs, history, { partitions: 8 });
 */
export async function collectPartitions<R>(
  driver: Driver<R>, outputs: readonly string[], history: IsolationHistory, options: RunPartitionsOptions,
): Promise<CollectedPartitions<R>> {
  const out: CollectedPartitions<R> = {
    parts: [], rows: [], quality: [], timings: {}, cache: { hits: [], misses: [] }, notes: [],
  };
  for await (const { part, run } of runPartitions(driver, outputs, history, options)) {
    out.parts.push(run.result);
    out.rows.push(part.end - part.start);
    for (const q of run.quality) out.quality.push(inHistoryRows(q, part.start));
    for (const [name, ms] of Object.entries(run.timings)) out.timings[name] = (out.timings[name] ?? 0) + ms;
    out.cache.hits.push(...run.cache.hits);
    out.cache.misses.push(...run.cache.misses);
    out.notes.push(...run.notes);
  }
  return out;
}

/**
 * A partition's quality result with its `firstRows` counted in the whole history's sorted rows
 * (`historyRows: true`), so that they name the right entity and time.
 */
export function inHistoryRows(q: QualityResult, start: number): QualityResult {
  const d = q.diagnostics;
  const rows = d?.firstRows;
  if (!Array.isArray(rows) || rows.length === 0) return q;
  const rebased = (rows as number[]).map((r) => r + start);
  const count = typeof d.count === 'number' ? d.count : rows.length;
  const message = q.message.replace(atRows(rows as number[], count), atRows(rebased, count));
  return { ...q, message, diagnostics: { ...d, firstRows: rebased, historyRows: true } };
}
