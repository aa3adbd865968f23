/**
 * The file line each row of a table read from a CSV/TSV file starts on, kept with the table (in a
 * `WeakMap`, so it goes when the table does), for messages about rows that the reader could not
 * know were wrong: a duplicate (entity, time) pair, a missing entity. Stored by the rows where a
 * row's line stops being `row + 2` plus a shift (line breaks in quoted fields, blank lines), so a
 * plain file costs a few numbers, not one per row.
 */
import type { Table } from 'apache-arrow';

/** `line(row) = row + shift[k]` for the last `start[k] ≤ row`: `line − row` never falls, row after row. */
interface LineRuns {
  readonly start: Int32Array;
  readonly shift: Float64Array;
  readonly rows: number;
}

const linesOf = new WeakMap<Table, LineRuns>();

/**
 * Remembers `lines[row]`, the file line row `row` of `table` starts on (1 is the header).
 *
 * @example
 * rememberLines(table, [2, 3, 5]); // row 2 starts on line 5 (row 1 holds a quoted line break)
 */
export function rememberLines(table: Table, lines: readonly number[]): void {
  const start: number[] = [];
  const shift: number[] = [];
  for (let row = 0; row < lines.length; row++) {
    const s = lines[row] - row;
    if (shift.length === 0 || s !== shift[shift.length - 1]) {
      start.push(row);
      shift.push(s);
    }
  }
  linesOf.set(table, { start: Int32Array.from(start), shift: Float64Array.from(shift), rows: lines.length });
}

/**
 * The file line row `row` of `table` starts on (1-based, the header is line 1), or `undefined`
 * for a table the CSV reader did not make (or a row it does not have).
 *
 * @example
 * const table = await readCsv('sales.csv');
 * fileLine(table, 0); // 2
 */
export function fileLine(table: Table, row: number): number | undefined {
  const runs = linesOf.get(table);
  if (runs === undefined || !(row >= 0 && row < runs.rows)) return undefined;
  let lo = 0, hi = runs.start.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs.start[mid] <= row) lo = mid;
    else hi = mid - 1;
  }
  return row + runs.shift[lo];
}

/**
 * Whether `table` came from the CSV reader, so {@link fileLine} knows its rows' lines.
 *
 * @example
 * hasFileLines(await readCsv('sales.csv')); // true
 */
export function hasFileLines(table: Table): boolean {
  return linesOf.has(table);
}
