/**
 * Which computed values become frame columns: the features asked for (or, by default, every
 * feature node that turns out to be a column), each with one value per row of the history.
 */
import { InputError, type Issue } from '../errors';
import type { Driver } from '../driver';
import type { TagFilter } from '../graph/node-info';
import { isTypedArray } from './rows';
import { isColumn } from '../util/shapes';

const SINGLE_VALUES = new Set<unknown>([Number, String, Boolean, BigInt, Date]);

/**
 * The feature nodes of a built driver that can be columns: features (not inputs or config),
 * optionally matching `tags`; those declared to return a single value are `leftOut`.
 *
 * @example
 * defaultOutputs(new Builder().withFeatures(WeatherFeatures).build()).outputs; // ['temp_max_lag_1', …]
 */
export function defaultOutputs(driver: Driver<unknown>, tags?: TagFilter): { outputs: string[]; leftOut: string[] } {
  const outputs: string[] = [];
  const leftOut: string[] = [];
  for (const node of driver.listAvailableVariables(tags ? { tags } : {})) {
    if (node.isExternalInput) continue;
    (SINGLE_VALUES.has(node.type) ? leftOut : outputs).push(node.name);
  }
  return { outputs, leftOut };
}

/**
 * Keeps the values that are columns of `rows` values. A value of another length is always an
 * error; a value that is no column is an error when the user named it (`explicit`), and is
 * left out (returned in `leftOut`) when it came from the default selection.
 *
 * @example
 * frameColumns(['ma3', 'mean'], { ma3: new Float64Array(5), mean: 2 }, 5, new Set());
 * // { columns: { ma3: Float64Array(5) }, leftOut: ['mean'] }
 */
export function frameColumns(
  names: readonly string[], values: Readonly<Record<string, unknown>>, rows: number, explicit: ReadonlySet<string>,
): { columns: Record<string, unknown>; leftOut: string[] } {
  const columns: Record<string, unknown> = {};
  const leftOut: string[] = [];
  const issues: Issue[] = [];
  for (const name of names) {
    const value = values[name];
    if (!isColumn(value)) {
      if (!explicit.has(name)) leftOut.push(name);
      else {
        issues.push({
          code: 'not-a-column',
          message: `Output "${name}" is not a column (${value === null ? 'null' : typeof value}); a training frame holds one value per row. Return a column, or leave "${name}" out of outputs and include.`,
          nodes: [name],
        });
      }
      continue;
    }
    if (value.length !== rows) {
      issues.push({
        code: 'column-length',
        message: `Feature "${name}" has ${value.length} values but the history has ${rows} rows; a feature of a training frame needs one value per row of the history.`,
        nodes: [name],
      });
      continue;
    }
    columns[name] = value;
  }
  if (issues.length > 0) throw new InputError(issues);
  return { columns, leftOut };
}

/**
 * The target column as float64 (NaN for missing), for the label. A target that is not a column
 * of the data, or is not numeric, is an `InputError` naming it.
 *
 * @example
 * numericTarget({ sales: Int32Array.of(1, 2) }, 'sales'); // Float64Array [1, 2]
 */
export function numericTarget(columns: Readonly<Record<string, unknown>>, name: string): Float64Array {
  if (!(name in columns)) {
    throw new InputError(
      `The target column "${name}" is not in the data; its columns are ${Object.keys(columns).map((k) => `"${k}"`).join(', ')}. ` +
        'Pass the name of the column to predict.',
      [name],
    );
  }
  const column = columns[name];
  if (column instanceof Float64Array) return column;
  if (isTypedArray(column) && !(column instanceof BigInt64Array) && !(column instanceof BigUint64Array)) {
    return Float64Array.from(column as ArrayLike<number>);
  }
  if (Array.isArray(column) && column.every((v) => typeof v === 'number' || v === null || v === undefined)) {
    return Float64Array.from(column, (v) => (typeof v === 'number' ? v : NaN));
  }
  // int64 (pandas' default integer, so Parquet's): exact in float64 within ±2^53, as for features
  const int64 = column instanceof BigInt64Array || column instanceof BigUint64Array ||
    (Array.isArray(column) && column.some((v) => typeof v === 'bigint') &&
      column.every((v) => typeof v === 'bigint' || v === null || v === undefined));
  if (int64) return int64Target(column as ArrayLike<bigint | null | undefined>, name);
  throw new InputError(
    `The target column "${name}" is not numeric; the label is its value ahead in time. Predict a numeric column, or encode this one as numbers first.`,
    [name],
  );
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An int64 target as float64 (null as NaN); a value beyond ±2^53, which float64 rounds, is an `InputError`. */
function int64Target(column: ArrayLike<bigint | null | undefined>, name: string): Float64Array {
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v === null || v === undefined) {
      out[i] = NaN;
      continue;
    }
    if (v > SAFE || v < -SAFE) {
      throw new InputError(
        `The target column "${name}" holds ${v} at row ${i}, an integer beyond ±2^53, which float64 (the label's ` +
          'type) would round. Scale the target, or convert it to float64 yourself if the rounding is acceptable.',
        [name],
      );
    }
    out[i] = Number(v);
  }
  return out;
}
