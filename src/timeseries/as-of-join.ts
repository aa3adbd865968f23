/**
 * `asOfJoin(left, right, { on, by, direction, tolerance, allowExactMatches })`: point-in-time
 * joins as pandas `merge_asof` makes them, on records of columns or Arrow tables, with left in
 * any order and the result aligned to left's rows.
 */
import { InputError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import { closest } from '../execution/suggest';
import { offsetMs } from '../columns/offset';
import { asOfIndex, type AsOfDirection, type AsOfMatch } from './as-of-index';
import { compositeKeys } from './as-of-keys';
import { recordOf, type RawData } from './raw-data';
import { columnLength, exactNumbers, isTypedArray, plainColumn, type Column } from './rows';
import { timeColumn } from './time';

/** Options of `asOfJoin`. */
export interface AsOfJoinOptions {
  /** The time column, in both tables: epoch ms, Dates, ISO strings or an Arrow Date/Timestamp column. */
  readonly on: string;
  /**
   * The key column, or a list of key columns, in both tables: a left row only takes right rows
   * whose every key column holds the same value as its own (pandas `by=[...]`).
   */
  readonly by?: string | readonly string[];
  /** `'backward'` (default): the last right row at or before; `'forward'`: the first at or after; or `'nearest'`. */
  readonly direction?: AsOfDirection;
  /** The largest distance in time a match may have, inclusive: ms or an offset such as `'2D'`. */
  readonly tolerance?: number | string;
  /** Whether a right row stamped exactly at the left row's time matches (default true). */
  readonly allowExactMatches?: boolean;
}

const KNOWN = ['on', 'by', 'direction', 'tolerance', 'allowExactMatches'];
const DIRECTIONS: readonly AsOfDirection[] = ['backward', 'forward', 'nearest'];

function matchOptions(options: AsOfJoinOptions): AsOfMatch {
  assertKnownKeys(options, KNOWN, 'asOfJoin', InputError);
  const direction = options.direction ?? 'backward';
  if (!DIRECTIONS.includes(direction)) {
    const near = closest(String(direction), DIRECTIONS);
    throw new InputError(
      `asOfJoin: direction "${String(direction)}" is not one of ${DIRECTIONS.map((d) => `"${d}"`).join(', ')}` +
        `${near ? ` (did you mean "${near}"?)` : ''}.`,
    );
  }
  const given = options.tolerance;
  let tolerance = Infinity;
  if (given === 0) tolerance = 0;
  else if (given !== undefined) tolerance = offsetMs('asOfJoin: tolerance', given);
  const exact = options.allowExactMatches ?? true;
  if (typeof exact !== 'boolean') {
    throw new InputError(`asOfJoin: allowExactMatches must be true or false; got ${String(exact)}.`);
  }
  return { direction, tolerance, allowExactMatches: exact };
}

function side(data: RawData, what: 'left' | 'right', on: string, by: readonly string[]) {
  const columns = recordOf(data);
  for (const name of [on, ...by]) {
    if (!(name in columns)) {
      const near = closest(name, Object.keys(columns).filter((k) => k !== on || name === on));
      throw new InputError(
        `asOfJoin: the ${what} table has no column "${name}"${near ? ` (did you mean "${near}"?)` : ''}; ` +
          `its columns are ${Object.keys(columns).map((k) => `"${k}"`).join(', ')}.`,
        [name],
      );
    }
  }
  let time: Float64Array;
  try {
    time = timeColumn(columns[on], on);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`asOfJoin: in the ${what} table: ${error.message}`, [on]);
  }
  const rows = time.length;
  for (const [name, column] of Object.entries(columns)) {
    const length = columnLength(column, name);
    if (length !== rows) {
      throw new InputError(
        `asOfJoin: in the ${what} table, column "${name}" has ${length} rows but "${on}" has ${rows}.`, [name],
      );
    }
  }
  const keys = by.map((name) => plainColumn(columns[name]));
  return { columns, time, keys };
}

function kindOf(keys: ArrayLike<unknown>): string | undefined {
  for (let i = 0; i < keys.length; i++) if (keys[i] !== null && keys[i] !== undefined) return typeof keys[i];
  return undefined;
}

/** Keys of different kinds never compare equal: "1" is not 1. Refused rather than matching nothing. */
function sameKeyKinds(by: string, left: ArrayLike<unknown>, right: ArrayLike<unknown>): void {
  const a = kindOf(left), b = kindOf(right);
  if (a !== undefined && b !== undefined && a !== b) {
    throw new InputError(
      `asOfJoin: the key column "${by}" holds ${a} values on the left but ${b} values on the right, ` +
        'so no row could match; convert one side first (e.g. String(id)).',
      [by],
    );
  }
}

/** `by` as a list of column names (empty without it); a bad one is an `InputError` saying what to give. */
function byList(by: unknown, on: string): readonly string[] {
  if (by === undefined) return [];
  const list = typeof by === 'string' ? [by] : by;
  const fix = 'give one key column or a list of them, e.g. { by: "ticker" } or { by: ["store", "item"] }';
  if (!Array.isArray(list) || list.length === 0 || !list.every((name) => typeof name === 'string' && name.length > 0)) {
    throw new InputError(`asOfJoin: options.by is ${JSON.stringify(by) ?? String(by)}; ${fix}.`, ['by']);
  }
  const twice = list.find((name, i) => list.indexOf(name) !== i);
  if (twice !== undefined) throw new InputError(`asOfJoin: options.by names "${twice}" twice; ${fix}.`, [twice]);
  if (list.includes(on)) {
    throw new InputError(`asOfJoin: "${on}" is both the time column (on) and a key column (by); a column is one or the other.`, [on]);
  }
  return list as string[];
}

/** Right's column `column` at the matched rows: numbers as a `Float64Array` (NaN where none), the rest with `null`. */
function gather(column: Column, index: Int32Array): Column {
  const n = index.length;
  if (isTypedArray(column) && !(column instanceof BigInt64Array) && !(column instanceof BigUint64Array)) {
    const src = column as unknown as ArrayLike<number>;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = index[i] < 0 ? NaN : src[index[i]];
    return out;
  }
  // a number[] or an int64 column: NaN where nothing matched, not null, which no Float64Array feature takes
  const numbers = exactNumbers(column);
  if (numbers) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = index[i] < 0 ? NaN : numbers[index[i]];
    return out;
  }
  const src = plainColumn(column);
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = index[i] < 0 ? null : src[index[i]];
  return out;
}

/**
 * For each left row, right's other columns (all but `on` and `by`) from the last right row of
 * the same `by` key stamped at or before the left row's time (`direction: 'backward'`, the
 * default), the first at or after (`'forward'`) or the nearest (`'nearest'`, the earlier one on a
 * tie), within `tolerance` (inclusive); as pandas `merge_asof`. Among equal right times backward
 * takes the last row and forward the first. Left may be in any order: the result follows left's
 * rows. Where nothing matches, numbers are NaN and other values `null`. Numeric columns come back
 * as `Float64Array`s. O((n + m) log m) at worst, O(n + m) when left is sorted by (key, time).
 *
 * @example
 * const prices = { ticker: ['A', 'A'], day: ['2024-01-01', '2024-01-03'], close: Float64Array.of(10, 11) };
 * const trades = { ticker: ['A', 'A'], day: ['2024-01-02', '2024-01-03'] };
 * asOfJoin(trades, prices, { on: 'day', by: 'ticker' });   // { close: Float64Array [10, 11] }
 * asOfJoin(sales, promos, { on: 'day', by: ['store', 'item'] });   // per (store, item) pair
 */
export function asOfJoin(left: RawData, right: RawData, options: AsOfJoinOptions): Record<string, Column> {
  return asOfJoinRows(left, right, options).columns;
}

/**
 * `asOfJoin` with the matching itself: `index[i]` is the right row left row i took, −1 where none
 * did (so the unmatched rows can be counted, as a run report does).
 *
 * @example
 * const { columns, index } = asOfJoinRows(trades, prices, { on: 'day', by: 'ticker' });
 * index.filter((k) => k < 0).length;   // left rows with no price as of their time
 */
export function asOfJoinRows(left: RawData, right: RawData, options: AsOfJoinOptions): { columns: Record<string, Column>; index: Int32Array } {
  const match = matchOptions(options);
  const { on, by } = options;
  if (typeof on !== 'string' || on.length === 0) {
    throw new InputError('asOfJoin: options.on must name the time column of both tables, e.g. { on: "date" }.');
  }
  const keyNames = byList(by, on);
  const l = side(left, 'left', on, keyNames);
  const r = side(right, 'right', on, keyNames);
  keyNames.forEach((name, c) => {
    sameKeyKinds(name, l.keys[c], r.keys[c]);
  });
  // One key column is matched on its values as they are (the matcher's buckets number them); only a list is combined.
  const keys = keyNames.length === 0 ? undefined
    : keyNames.length === 1 ? { left: l.keys[0], right: r.keys[0] } : compositeKeys(l.keys, r.keys);
  const index = asOfIndex(l.time, r.time, keys?.left, keys?.right, match);
  const out: Record<string, Column> = {};
  for (const [name, column] of Object.entries(r.columns)) {
    if (name !== on && !keyNames.includes(name)) out[name] = gather(column, index);
  }
  return { columns: out, index };
}
