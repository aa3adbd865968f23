/**
 * `fillCalendar(data, { entity, time, freq })`: one row per step of `freq` from each entity's
 * first to last time (pandas `asfreq` per entity), so that a row window is a time window again.
 */
import { InputError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import { offsetMs } from '../columns/offset';
import { entityHistory } from './history';
import { isTableLike, type RawData } from './raw-data';
import { isTypedArray, type Column } from './rows';
import { describe, formatTime } from './time';

/** Options of `fillCalendar`. */
export interface FillCalendarOptions {
  /** The entity column. */
  readonly entity: string;
  /** The time column: epoch ms, Dates, ISO strings or an Arrow Date/Timestamp column. */
  readonly time: string;
  /** The step: `'D'`, `'W'` (7 days), `'h'`, any offset such as `'15min'`, or milliseconds. */
  readonly freq: string | number;
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

/** Output row → source row (−1 for an added row), checking every row lies on its entity's grid. */
function calendarRows(time: Float64Array, starts: Int32Array, count: number, step: number, keys: readonly unknown[]) {
  const n = time.length;
  let total = 0;
  for (let g = 0; g < count; g++) {
    const a = starts[g], b = g + 1 < count ? starts[g + 1] : n;
    for (let i = a; i < b; i++) {
      if ((time[i] - time[a]) % step !== 0) {
        throw new InputError(
          `fillCalendar: entity ${describe(keys[g])} has a row at ${formatTime(time[i])} (row ${i} after sorting), ` +
            `which is not a whole number of ${step} ms steps after its first time ${formatTime(time[a])}. ` +
            'pandas asfreq would drop that row silently; round the times to the calendar first, or pick a finer freq.',
          [],
        );
      }
    }
    total += (time[b - 1] - time[a]) / step + 1;
    if (total > MAX_CALENDAR_ROWS) {
      throw new InputError(
        `fillCalendar: a step of ${step} ms makes more than ${MAX_CALENDAR_ROWS} rows; is freq right? ` +
          `Entity ${describe(keys[g])} alone spans ${formatTime(time[a])} to ${formatTime(time[b - 1])}.`,
      );
    }
  }
  const source = new Int32Array(total).fill(-1);
  const grid = new Float64Array(total);
  const group = new Int32Array(total);
  let at = 0;
  for (let g = 0; g < count; g++) {
    const a = starts[g], b = g + 1 < count ? starts[g + 1] : n;
    const steps = (time[b - 1] - time[a]) / step + 1;
    for (let k = 0; k < steps; k++) { grid[at + k] = time[a] + k * step; group[at + k] = g; }
    for (let i = a; i < b; i++) source[at + (time[i] - time[a]) / step] = i;
    at += steps;
  }
  return { source, grid, group };
}

function fillColumn(column: Column, source: Int32Array): Column {
  const n = source.length;
  if (isTypedArray(column) && !(column instanceof BigInt64Array) && !(column instanceof BigUint64Array)) {
    const src = column as unknown as ArrayLike<number>;
    const out = column instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = source[i] < 0 ? NaN : src[source[i]];
    return out;
  }
  const src = column as ArrayLike<unknown>;
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = source[i] < 0 ? null : src[source[i]];
  return out;
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
  assertKnownKeys(options, ['entity', 'time', 'freq'], 'fillCalendar', InputError);
  const step = offsetMs('fillCalendar: freq', options?.freq);
  const { entity, time } = options;
  const history = entityHistory(data, { entity, time, groupsName: freeName(data) });
  const times = history.columns[time] as Float64Array;
  const keys = history.entities;
  const { source, grid, group } = calendarRows(times, history.groups.starts, history.groups.count, step, keys);
  const columns: Record<string, Column> = {};
  for (const [name, column] of Object.entries(history.columns)) {
    if (name === time) columns[name] = grid;
    else if (name === entity) {
      const n = grid.length;
      const filled = isTypedArray(column) ? new (column.constructor as Float64ArrayConstructor)(n) : new Array(n);
      for (let i = 0; i < grid.length; i++) (filled as unknown[])[i] = keys[group[i]];
      columns[name] = filled;
    } else columns[name] = fillColumn(column, source);
  }
  const added: number[] = [];
  for (let i = 0; i < source.length; i++) if (source[i] < 0) added.push(i);
  return { columns, added: Int32Array.from(added), rows: grid.length };
}
