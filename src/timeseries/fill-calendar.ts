/**
 * `fillCalendar(data, { entity, time, freq })`: one row per step of `freq` from each entity's
 * first to last time (pandas `asfreq` per entity), so that a row window is a time window again.
 */
import { InputError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import { offsetMs } from '../columns/offset';
import { entityHistory } from './history';
import { isTableLike, type RawData } from './raw-data';
import { exactNumbers, isTypedArray, type Column } from './rows';
import { describe, formatTime } from './time';
import type { RowNames } from './row-names';

/** Options of `fillCalendar`. */
export interface FillCalendarOptions {
  /** The entity column. */
  readonly entity: string;
  /** The time column: epoch ms, Dates, ISO strings or an Arrow Date/Timestamp column. */
  readonly time: string;
  /** The step: `'D'`, `'W'` (7 days), `'h'`, any offset such as `'15min'`, or milliseconds. */
  readonly freq: string | number;
  /** How error messages name the data's rows; default `input row 3, counting from 0` (see `entityHistory`). */
  readonly rowNames?: RowNames;
}

/** What `fillCalendar` returns. */
export interface FilledCalendar {
  /** Every column on the calendar, sorted by (entity, time); the time column is epoch ms. */
  readonly columns: Record<string, Column>;
  /** The rows (of `columns`) that the fill added, ascending. */
  readonly added: Int32Array;
  readonly rows: number;
}

/** More rows than this is almost certainly a wrong `freq` (e.g. `1` ms over years). */
export const MAX_CALENDAR_ROWS = 50_000_000;

/** A name for the groups input that no column of `data` has (entityHistory refuses a clash). */
function freeName(data: RawData): string {
  const names = new Set(isTableLike(data) ? data.schema.fields.map((f) => f.name) : Object.keys(data ?? {}));
  let candidate = 'groups';
  while (names.has(candidate)) candidate = `_${candidate}`;
  return candidate;
}

/** Where a sorted row came from in the caller's data, for messages (`input row 3, counting from 0`). */
type InputRow = (sorted: number) => string;

function offGridError(
  time: Float64Array, g: number, i: number, a: number, step: number, keys: readonly unknown[], inputRow: InputRow,
) {
  return new InputError(
    `fillCalendar: entity ${describe(keys[g])} has a row at ${formatTime(time[i])} (${inputRow(i)}), ` +
      `which is not a whole number of ${step} ms steps after its first time ${formatTime(time[a])}. ` +
      'pandas asfreq would drop that row silently; round the times to the calendar first, or pick a finer freq.',
    [],
  );
}

/**
 * Whether `d` (ms after an entity's first time) is not a whole number of steps. With a whole step
 * and a whole d, both below 2^52, d is a multiple exactly when d / step is whole: a remainder
 * 1 ≤ r < step keeps the quotient at least 1 / step away from either whole number next to it,
 * more than half its rounding unit. So the slow floating-point % is only needed otherwise.
 */
function offGrid(d: number, step: number, wholeStep: boolean): boolean {
  if (wholeStep && d === Math.floor(d) && d < 2 ** 52) return d / step !== Math.floor(d / step);
  return d % step !== 0;
}

/**
 * The calendar: each source row's output row (`position`), the grid of times, and where each
 * entity's rows start (`offsets`), checking that every row lies on its entity's grid. The size
 * comes from each entity's first and last time alone; one pass over the rows then places them.
 */
function calendarRows(
  time: Float64Array, starts: Int32Array, count: number, step: number, keys: readonly unknown[], inputRow: InputRow,
) {
  const n = time.length;
  const wholeStep = Number.isInteger(step) && step < 2 ** 52;
  const end = (g: number) => (g + 1 < count ? starts[g + 1] : n);
  let total = 0;
  for (let g = 0; g < count; g++) {
    const a = starts[g], b = end(g);
    if (offGrid(time[b - 1] - time[a], step, wholeStep)) {
      let i = a + 1;
      while (!offGrid(time[i] - time[a], step, wholeStep)) i++;
      throw offGridError(time, g, i, a, step, keys, inputRow);
    }
    total += (time[b - 1] - time[a]) / step + 1;
    if (total > MAX_CALENDAR_ROWS) {
      throw new InputError(
        `fillCalendar: a step of ${step} ms makes more than ${MAX_CALENDAR_ROWS} rows; is freq right? ` +
          `Entity ${describe(keys[g])} alone spans ${formatTime(time[a])} to ${formatTime(time[b - 1])}.`,
      );
    }
  }
  const position = new Int32Array(n);
  const grid = new Float64Array(total);
  const offsets = new Int32Array(count + 1); // entity g is output rows offsets[g] … offsets[g + 1] − 1
  let at = 0;
  for (let g = 0; g < count; g++) {
    const a = starts[g], b = end(g), t0 = time[a];
    const steps = (time[b - 1] - t0) / step + 1;
    for (let k = 0; k < steps; k++) grid[at + k] = t0 + k * step;
    for (let i = a; i < b; i++) {
      const d = time[i] - t0;
      if (offGrid(d, step, wholeStep)) throw offGridError(time, g, i, a, step, keys, inputRow);
      position[i] = at + d / step;
    }
    at += steps;
    offsets[g + 1] = at;
  }
  return { position, grid, offsets };
}

/** `column` on the calendar: each source row's value scattered to its row; NaN (numbers) or null elsewhere. */
function fillColumn(column: Column, position: Int32Array, rows: number): Column {
  if (isTypedArray(column) && !(column instanceof BigInt64Array) && !(column instanceof BigUint64Array)) {
    const src = column as unknown as ArrayLike<number>;
    const out = column instanceof Float32Array ? new Float32Array(rows) : new Float64Array(rows);
    out.fill(NaN);
    for (let i = 0; i < position.length; i++) out[position[i]] = src[i];
    return out;
  }
  const numbers = exactNumbers(column);
  if (numbers) {
    const out = new Float64Array(rows).fill(NaN);
    for (let i = 0; i < position.length; i++) out[position[i]] = numbers[i];
    return out;
  }
  const src = column as ArrayLike<unknown>;
  const out = new Array<unknown>(rows).fill(null);
  for (let i = 0; i < position.length; i++) out[position[i]] = src[i];
  return out;
}

/** The calendar rows no source row landed on, ascending. */
function addedRows(position: Int32Array, rows: number): Int32Array {
  const hit = new Uint8Array(rows);
  for (let i = 0; i < position.length; i++) hit[position[i]] = 1;
  // Every source row has a row of its own, so the rest were added. Each row is written at k, and
  // k moves on past the added ones only (no branch: the added rows fall at random).
  const added = new Int32Array(rows - position.length + 1);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    added[k] = r;
    k += 1 - hit[r];
  }
  return added.subarray(0, k);
}

/**
 * Long-format data with one row per step of `freq` from each entity's first to its last time, as
 * pandas `df.set_index(time).asfreq(freq)` per entity. Rows come sorted by (entity, time). Added
 * rows hold the entity and the time, NaN in numeric columns (integer columns become
 * `Float64Array`s, as pandas makes them float) and `null` in the others; `added` lists them. A
 * repeated (entity, time) pair is an `InputError`, and so is a row between two steps of its
 * entity's calendar (pandas would drop it without a word). `'W'` is 7 days from the entity's
 * first time (pandas `'7D'`, not the Sunday-anchored `'W'`).
 *
 * @example
 * const filled = fillCalendar({ store: ['a', 'a'], day: ['2024-01-01', '2024-01-03'], sales: [5, 7] },
 *   { entity: 'store', time: 'day', freq: 'D' });
 * filled.columns.sales;   // Float64Array [5, NaN, 7]
 * filled.added;           // Int32Array [1]
 */
export function fillCalendar(data: RawData, options: FillCalendarOptions): FilledCalendar {
  assertKnownKeys(options, ['entity', 'time', 'freq', 'rowNames'], 'fillCalendar', InputError);
  const step = offsetMs('fillCalendar: freq', options?.freq);
  const { entity, time } = options;
  const { rowNames } = options;
  const history = entityHistory(data, { entity, time, groupsName: freeName(data), ...(rowNames ? { rowNames } : {}) });
  const times = history.columns[time] as Float64Array;
  const keys = history.entities;
  const count = history.groups.count;
  const { starts } = history.groups;
  const order = history.order;
  const inputRow = (i: number) => {
    const row = order ? order[i] : i; // where the sorted row was in the caller's data
    return rowNames ? rowNames([row]) : `input row ${row}, counting from 0`;
  };
  const { position, grid, offsets } = calendarRows(times, starts, count, step, keys, inputRow);
  const rows = grid.length;
  const columns: Record<string, Column> = {};
  for (const [name, column] of Object.entries(history.columns)) {
    if (name === time) columns[name] = grid;
    else if (name === entity) {
      // one fill per entity (a run of its key), not a lookup per row
      if (isTypedArray(column)) {
        const filled = new (column.constructor as Float64ArrayConstructor)(rows);
        for (let g = 0; g < count; g++) filled.fill(keys[g] as number, offsets[g], offsets[g + 1]);
        columns[name] = filled;
      } else {
        const filled = new Array<unknown>(rows);
        for (let g = 0; g < count; g++) filled.fill(keys[g], offsets[g], offsets[g + 1]);
        columns[name] = filled;
      }
    } else columns[name] = fillColumn(column, position, rows);
  }
  const added = addedRows(position, rows);
  return { columns, added, rows };
}
