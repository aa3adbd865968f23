/**
 * A partition's failure told in the whole run's terms: a feature that threw or a `'fail'` check
 * comes back as the same error class with `— in partition k of P (history rows a–b, n entities)`
 * on its message and `.partition` set; a check's offending rows are counted in the whole sorted
 * history (`historyRows: true`), never in the partition's own rows.
 */
import { DataValidationError, FeatureExecutionError } from '../errors';
import type { QualityResult } from '../quality/result';
import { atRows } from '../quality/text';

/** Where a partition is: its index, how many there are, its history rows `[start, end)` and entities. */
export interface PartitionPlace {
  readonly index: number;
  readonly count: number;
  readonly start: number;
  readonly end: number;
  readonly entities: number;
}

/**
 * The text after a partition's failure message.
 *
 * @example
 * partitionWhere({ index: 2, count: 8, start: 120, end: 180, entities: 4 });
 * // ' — in partition 3 of 8 (history rows 120–179, 4 entities)'
 */
export function partitionWhere(p: PartitionPlace): string {
  return ` — in partition ${p.index + 1} of ${p.count} (history rows ${p.start}–${p.end - 1}, ${p.entities} entities)`;
}

/**
 * A partition's quality result with its `firstRows` counted in the whole history's sorted rows
 * (`historyRows: true`), so that they name the right entity and time.
 *
 * @example
 * inHistoryRows(result, 120).diagnostics.firstRows; // [123, 125] for a partition's [3, 5]
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

/**
 * `error` as thrown in partition `place`: a `FeatureExecutionError` or `DataValidationError`
 * naming the partition (a check's results rebased to history rows), with `.partition`; any other
 * error unchanged.
 *
 * @example
 * throw partitionFailure(error, { index: 2, count: 8, start: 120, end: 180, entities: 4 });
 */
export function partitionFailure(error: unknown, place: PartitionPlace): unknown {
  const where = partitionWhere(place);
  if (error instanceof FeatureExecutionError) {
    const failed = new FeatureExecutionError(error.node, 'partition', error.cause, `${error.message}${where}`);
    return Object.assign(failed, { partition: place.index });
  }
  if (error instanceof DataValidationError) {
    const failed = new DataValidationError(error.node, error.results.map((r) => inHistoryRows(r, place.start)));
    failed.message += where;
    return Object.assign(failed, { partition: place.index });
  }
  return error;
}

/**
 * The ` — in partition …` tail of a partition's failure message and its `.partition`, or
 * undefined when `error` did not come from one partition (to carry them onto a rewritten error).
 *
 * @example
 * const tail = partitionTail(error); // { where: ' — in partition 3 of 8 (…)', partition: 2 }
 */
export function partitionTail(error: Error): { readonly where: string; readonly partition: number } | undefined {
  const partition = (error as { partition?: unknown }).partition;
  const at = error.message.lastIndexOf(' — in partition ');
  if (typeof partition !== 'number' || at < 0) return undefined;
  return { where: error.message.slice(at), partition };
}
