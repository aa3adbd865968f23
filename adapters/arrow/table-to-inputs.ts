/**
 * An Arrow `Table` handed to `execute` as inputs: each column becomes one input, in the form
 * kernels compute on.
 */
import { ownTable } from './own-table';
import { Type, type Table, type Vector } from 'apache-arrow';
import type { NoteOptions, NoteSink } from '../notes';
import { float64Column } from './float64-column';
import { integerColumn } from './integer-column';
import { nameRecord } from '../../src/util/own';
import { noteColumn } from '../../src/util/column-notes';
import { fieldNotes } from './field-notes';
import { InputError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';

/**
 * One input per column of `table`:
 * - a float column (Float16/32/64) → `Float64Array`, nulls as NaN; zero-copy when it is one
 *   Float64 chunk without nulls;
 * - an integer column without nulls → its typed array (Int32Array, BigInt64Array, …); zero-copy
 *   when it is one chunk, concatenated once otherwise;
 * - an integer column with nulls → `Float64Array` with nulls as NaN, and a note (`onNote`) saying
 *   so (Int64 values beyond ±2^53 lose precision);
 * - any other column (strings, booleans, dates, timestamps, dictionaries…) → the Arrow `Vector`.
 * Notes a reader left in a field's metadata (adapters/arrow/field-notes.ts) are attached to its
 * column (src/util/column-notes.ts), for the type error of a feature that cannot take it.
 *
 * @example
 * const notes: AdapterNote[] = [];
 * const inputs = inputsFromTable(await readParquet('flights.parquet'), { onNote: (n) => notes.push(n) });
 * inputs.delay; // Float64Array
 */
export function inputsFromTable(table: Table, options: NoteOptions = {}): Record<string, unknown> {
  assertKnownKeys(options, ['onNote'], 'inputsFromTable', InputError);
  // vectors of another apache-arrow copy (an ES-module import) would break the result table they reach
  table = ownTable(table);
  const inputs = nameRecord<unknown>();
  table.schema.fields.forEach((field, i) => {
    const input = columnInput(field.name, table.getChildAt(i)!, options.onNote);
    noteColumn(input, fieldNotes(field)); // what the reader said about the column goes with it
    inputs[field.name] = input;
  });
  return inputs;
}

function columnInput(name: string, vector: Vector, onNote: NoteSink | undefined): unknown {
  const typeId = vector.type.typeId;
  if (typeId === Type.Float) return float64Column(vector);
  if (typeId !== Type.Int) return vector;
  if (vector.nullCount === 0) return integerColumn(vector);
  onNote?.({
    code: 'int-nulls-as-float64',
    column: name,
    message:
      `Column "${name}" is ${vector.type} with ${vector.nullCount} null(s); it is given to features as float64 ` +
      'with NaN for the nulls' + ((vector.type as { bitWidth?: number }).bitWidth === 64 ? ' (values beyond ±2^53 lose precision).' : '.'),
  });
  return float64Column(vector);
}
