/**
 * Data-quality results of a training frame, told in the user's terms: a check counts rows of the
 * sorted history, which match nothing the user has, so its first offending rows are rewritten as
 * entity and time (`store=12, date=2024-03-05`) and the row of the data as given (`input row 7`),
 * in the message and in `diagnostics.firstAt`. `diagnostics.firstRows` stays the sorted row numbers.
 */
import { DataValidationError } from '../errors';
import { partitionTail } from '../partition/failure';
import type { QualityResult } from '../quality/result';
import { atRows, ROWS_IN_MESSAGE } from '../quality/text';
import type { EntityHistory } from './history';
import { describe, formatTime } from './time';

/** Where one offending row is, in the data as the user passed it. */
export interface RowPlace {
  readonly entity: unknown;
  /** The row's time, as `formatTime` prints it (`2024-03-05`, or a full ISO time). */
  readonly time: string;
  /** The row of the data as given; `null` for a row the `calendar` fill added (or when it cannot be known). */
  readonly inputRow: number | null;
}

/** What the rows of the history are: `history.order` maps them to input rows, unless a calendar fill made them. */
export interface RowSource {
  readonly history: EntityHistory;
  /** Rows (of the filled, sorted history) the calendar fill added; `undefined` without `calendar`. */
  readonly addedRows?: Int32Array;
}

/**
 * The place of sorted-history row `row`.
 *
 * @example
 * placeOf({ history }, 3); // { entity: 'b', time: '2024-01-02', inputRow: 0 }
 */
export function placeOf(source: RowSource, row: number): RowPlace {
  const { history, addedRows } = source;
  const entity = (history.columns[history.entity] as ArrayLike<unknown>)[row];
  const time = formatTime((history.columns[history.time] as Float64Array)[row]);
  let inputRow: number | null = history.order === null ? row : history.order[row];
  if (addedRows !== undefined) inputRow = null; // the fill sorted the rows itself: the given row is not known
  return { entity, time, inputRow };
}

/**
 * `result` with its first offending rows named by entity and time; unchanged when it has no
 * `firstRows` or its rows are not the history's.
 *
 * @example
 * locateResult(result, { history }).message;
 * // '2 of 6 values (33.3%) are missing …; first at store="b", day=2024-01-02 (input row 0); store="b", day=2024-01-03 (input row 4)'
 */
export function locateResult(result: QualityResult, source: RowSource): QualityResult {
  const d = result.diagnostics;
  const rows = d?.firstRows;
  const total = d?.total;
  const { history } = source;
  // a partitioned run's results count rows in the history already (`historyRows`), totals per partition
  if (!Array.isArray(rows) || rows.length === 0 || (total !== history.rows && d?.historyRows !== true)) return result;
  if (!rows.every((r) => Number.isInteger(r) && r >= 0 && r < history.rows)) return result;
  const places = (rows as number[]).map((r) => placeOf(source, r));
  const count = typeof d.count === 'number' ? d.count : rows.length;
  const said = atRows(rows as number[], count);
  const added = source.addedRows;
  const where = (p: RowPlace, r: number) => {
    const base = `${history.entity}=${describe(p.entity)}, ${history.time}=${p.time}`;
    if (p.inputRow !== null) return `${base} (input row ${p.inputRow})`;
    return added !== undefined && binaryHas(added, r) ? `${base} (a row the calendar fill added)` : base;
  };
  const shown = places.slice(0, count === 1 ? 1 : ROWS_IN_MESSAGE).map((p, k) => where(p, (rows as number[])[k]));
  const told = `${count > shown.length ? 'first ' : ''}at ${shown.join('; ')}`;
  const message = result.message.includes(said) ? result.message.replace(said, told) : `${result.message}; ${told}`;
  return { ...result, message, diagnostics: { ...d, firstAt: places } };
}

/**
 * Runs `fn`; a `DataValidationError` it throws comes back with its results located.
 *
 * @example
 * const run = await locatingFailures(() => driver.run(outputs, { inputs: history.inputs }), { history });
 */
export async function locatingFailures<T>(fn: () => Promise<T>, source: RowSource): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    const located = new DataValidationError(error.node, error.results.map((r) => locateResult(r, source)));
    // a partition's failure keeps its " — in partition k of P (…)" and `.partition`
    const tail = partitionTail(error);
    if (tail === undefined) throw located;
    located.message += tail.where;
    throw Object.assign(located, { partition: tail.partition });
  }
}

function binaryHas(sorted: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === x) return true;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
