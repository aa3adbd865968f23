/**
 * Time values as quiver's time-series code sees them: epoch milliseconds (UTC) in a
 * `Float64Array`, the form the calendar kernels take. One reader for every way users hold dates.
 */
import { InputError } from '../errors';
import { parseIsoDate } from '../dates/parse-date';
import { checkTimeUnit, markTimeUnitChecked } from '../dates/time-units';
import { cellAt, columnLength } from './rows';
import type { RowNames } from './row-names';

const MAX_LISTED = 5;

/**
 * One time value as epoch milliseconds, or NaN when it is missing or not understood.
 * Numbers are epoch ms; bigints too; `Date`s as they are; strings must be ISO 8601
 * (`YYYY-MM-DD` is midnight UTC; a date-time without an offset is read as UTC, never local time),
 * read by the project's one date parser: a day that does not exist (`2023-02-31`) is NaN.
 *
 * @example
 * toEpochMs('2012-01-02');            // 1325462400000
 * toEpochMs(new Date(Date.UTC(2012, 0, 2))); // 1325462400000
 */
export function toEpochMs(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return parseIsoDate(value) ?? NaN;
  return NaN;
}

/**
 * A time column (typed array, JS array of numbers / Dates / ISO strings, or an Arrow Date or
 * Timestamp vector) as epoch milliseconds. A `Float64Array` comes back as it is (no copy).
 * Any missing or unreadable value is an `InputError` that names the column, the rows (as `rowNames`
 * says, default `row 3`) and the fix.
 *
 * @example
 * timeColumn(['2012-01-01', '2012-01-02'], 'date'); // Float64Array [1325376000000, 1325462400000]
 */
export function timeColumn(column: unknown, name: string, rowNames?: RowNames): Float64Array {
  const n = columnLength(column, name);
  let ms: Float64Array;
  if (column instanceof Float64Array) ms = column;
  else {
    ms = new Float64Array(n);
    for (let i = 0; i < n; i++) ms[i] = toEpochMs(cellAt(column, i));
  }
  let first = 0;
  while (first < n && ms[first] - ms[first] === 0) first++; // x − x is 0 exactly when x is finite
  if (first < n) {
    const bad: number[] = [];
    for (let i = first; i < n && bad.length < MAX_LISTED; i++) if (!Number.isFinite(ms[i])) bad.push(i);
    const row = (i: number) => (rowNames ? rowNames([i]) : `row ${i}`);
    const shown = bad.map((i) => `${row(i)} holds ${describe(cellAt(column, i))}`).join(', ');
    throw new InputError(
      `Time column "${name}" has values that are not times: ${shown}. Every row needs a time: ` +
        `epoch milliseconds, a Date, or an ISO 8601 string such as "2012-01-31"; drop or fix those rows first.`,
      [name],
    );
  }
  if (isNumberColumn(column)) checkTimeUnit(ms, `Time column "${name}"`, name);
  else markTimeUnitChecked(ms); // from Dates or text: early-1970 values are meant
  return ms;
}

/** True for plain numbers (typed arrays, `number[]`, `bigint[]`): epoch ms by contract, with no unit of their own. */
function isNumberColumn(column: unknown): boolean {
  if (ArrayBuffer.isView(column)) return true;
  if (!Array.isArray(column)) return false;
  const first = column.find((v) => v !== null && v !== undefined);
  return typeof first === 'number' || typeof first === 'bigint';
}

/**
 * A cut-off date given by the user (`'2014-07-01'`, a `Date` or epoch ms) as epoch ms.
 * `what` names the option in the error message.
 *
 * @example
 * cutoff('2014-07-01', 'splits.validation'); // 1404172800000
 */
export function cutoff(value: unknown, what: string): number {
  const ms = toEpochMs(value);
  if (!Number.isFinite(ms)) {
    throw new InputError(
      `${what} is ${describe(value)}, which is not a date. Give an ISO 8601 string such as "2014-07-01", a Date or epoch milliseconds.`,
      [what],
    );
  }
  return ms;
}

export { formatTime } from '../dates/format-time';

/**
 * A value for an error message: strings quoted, everything else as JS prints it.
 *
 * @example
 * describe('Seattle'); // '"Seattle"'
 */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  return String(value);
}
