/**
 * danfo.js DataFrames and Series as Arrow tables (and so as inputs). danfo keeps columns as JS
 * arrays labelled `float32` (any number), `int32`, `string`, `boolean` or `datetime`.
 */
import type { Table } from 'apache-arrow';
import { InputError } from '../../src/errors';
import { tableFromColumns } from '../arrow/table-from-columns';
import { inputsFromTable } from '../arrow/table-to-inputs';
import type { NoteOptions } from '../notes';
import { isDanfo } from './is-danfo';

type Column = ArrayLike<unknown>;

const isMissing = (x: unknown): boolean => x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x));

/** Numbers as Float64Array: null, undefined and NaN are NaN (danfo's own missing value). */
function floatColumn(values: Column): Float64Array {
  if (values instanceof Float64Array) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    out[i] = typeof x === 'number' ? x : isMissing(x) ? NaN : Number(x);
  }
  return out;
}

/** danfo's `int32` label is given to any whole numbers: Int32Array only when every value fits. */
function intColumn(values: Column): Int32Array | Float64Array {
  if (values instanceof Int32Array) return values;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x !== 'number' || (x | 0) !== x) return floatColumn(values);
  }
  return Int32Array.from(values as ArrayLike<number>);
}

/** Text, booleans and dates as plain arrays with null for every missing value. */
function nullable(values: Column): unknown[] {
  return Array.from(values, (x) => (isMissing(x) ? null : x));
}

function columnValue(values: Column, dtype: string): unknown {
  if (dtype === 'float32') return floatColumn(values);
  if (dtype === 'int32') return intColumn(values);
  return nullable(values);
}

/**
 * An Arrow `Table` with the DataFrame's columns (a Series gives one column, named after it):
 * `float32` → Float64 (missing → NaN), `int32` → Int32 (Float64 when a value does not fit),
 * `string` → Utf8, `boolean` → Bool, `datetime` → Timestamp (ms); missing values → null.
 *
 * @example
 * const df = new dfd.DataFrame({ spend: [10, 12, 9], region: ['US', 'US', 'EU'] });
 * const table = fromDanfo(df);
 * await dr.execute(['spendMean'], { inputs: table });
 */
export function fromDanfo(frame: unknown): Table {
  if (!isDanfo(frame)) {
    throw new InputError('fromDanfo takes a danfo.js DataFrame or Series; for a record of columns, pass it to execute as inputs directly.');
  }
  const names = frame.ndim === 1 ? [frame.columns[0] ?? 'value'] : frame.columns;
  const data = (frame.ndim === 1 ? [frame.values] : frame.getColumnData) as Column[];
  return tableFromColumns(names, names.map((_, c) => columnValue(data[c] ?? [], frame.dtypes[c])));
}

/**
 * A DataFrame's columns as execution inputs (`inputsFromTable(fromDanfo(frame))`).
 *
 * @example
 * await dr.execute(['spendMean'], { inputs: inputsFromDanfo(df) });
 */
export function inputsFromDanfo(frame: unknown, options: NoteOptions = {}): Record<string, unknown> {
  return inputsFromTable(fromDanfo(frame), options);
}
