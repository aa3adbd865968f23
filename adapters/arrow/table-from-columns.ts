/**
 * The heart of `arrowTable()`: named output values → one Apache Arrow `Table`, columns in order,
 * typed arrays shared with Arrow rather than copied.
 */
import { Data, Field, Schema, Table, Vector, makeData } from 'apache-arrow';
import { ownVector } from './own-table';
import { InputError, type Issue } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import { arrayToData } from './array-to-data';
import { assertInt64 } from './int64-range';
import { columnKind, type ColumnKind, type Scalar } from './column-kind';
import { DEFAULT_MAX_BATCH_BYTES } from './byte-size';
import { EMPTY_METADATA } from './empty-metadata';
import { assembleTable, oneBatchTable, type ColumnChunks } from './record-batches';
import { scalarToData } from './scalar-to-data';
import { arrowTypeOfArray, type NumericArray } from './typed-arrays';

export interface TableFromColumnsOptions {
  /**
   * No column holds more than about this many bytes in one record batch (default 1 GiB): a longer
   * column makes the table several record batches, slices of the same buffers.
   */
  readonly maxChunkBytes?: number;
}

const WHAT_FITS =
  'Return a typed array, an Arrow Vector, an array, or a single number/boolean/string/bigint/Date; ' +
  'or use dictResult() to get the values as computed.';

/**
 * Builds one Arrow `Table` whose columns are `values`, named `names`, in that order.
 *
 * - A typed array becomes the matching Arrow type (Float64Array → Float64, Int32Array → Int32,
 *   BigInt64Array → Int64, …) sharing its buffer: nothing is copied.
 * - An Arrow `Vector` is used as it is (its chunks are kept).
 * - A plain array of numbers, strings, booleans, bigints or Dates becomes Float64, Utf8, Bool,
 *   Int64 or Timestamp (ms); `null`/`undefined` entries become nulls.
 * - A single number, boolean, string, bigint or Date is repeated to the table's length (one row
 *   when every output is a single value).
 * - Columns of different lengths, and values no column can hold, throw one `InputError` listing
 *   every problem.
 * - A column over `maxChunkBytes` (1 GiB) makes the table several record batches, still without
 *   copying; ordinary results are one batch.
 *
 * @example
 * const spend = new Float64Array([10, 12, 9]);
 * const table = tableFromColumns(['spend', 'region'], [spend, 'US']);
 * table.getChild('spend')!.data[0].values.buffer === spend.buffer; // true: shared, not copied
 * table.getChild('region')!.get(2);                                 // 'US'
 */
export function tableFromColumns(
  names: readonly string[],
  values: readonly unknown[],
  options: TableFromColumnsOptions = {},
): Table {
  assertKnownKeys(options, ['maxChunkBytes'], 'tableFromColumns', InputError);
  if (names.length !== values.length) {
    throw new InputError(
      `tableFromColumns got ${names.length} names but ${values.length} values; pass one value per name.`,
      [...names],
    );
  }
  const maxChunkBytes = options.maxChunkBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const float64Length = commonFloat64Length(values);
  if (float64Length >= 0) {
    return float64Table(names, values as readonly Float64Array[], float64Length, maxChunkBytes);
  }
  const kinds = values.map(columnKind);
  const issues = [...invalidValueIssues(names, kinds), ...lengthIssues(names, kinds)];
  if (issues.length > 0) throw new InputError(issues);

  const length = tableLength(kinds);
  const columns: ColumnChunks[] = [];
  for (let i = 0; i < names.length; i++) {
    try {
      columns.push(toColumn(names[i], values[i], kinds[i], length));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return assembleTable(columns, length, maxChunkBytes);
}

/**
 * The length every value shares when all are `Float64Array`s (what the kernels return), else −1:
 * then the general path classifies each value and reports what is wrong.
 */
function commonFloat64Length(values: readonly unknown[]): number {
  if (values.length === 0) return -1;
  const first = values[0];
  if (!(first instanceof Float64Array)) return -1;
  const length = first.length;
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (!(v instanceof Float64Array) || v.length !== length) return -1;
  }
  return length;
}

/**
 * The validity bitmap of a column without nulls: empty, so it holds no byte anyone could write
 * (Arrow's `setValid` replaces a bitmap too short for the row), and one instance serves every column.
 */
const NO_NULLS = new Uint8Array(0);

/** A Float64 column's children and variadic buffers (none): one frozen list for all (Arrow never writes to them). */
const NO_CHILDREN: never[] = Object.freeze([]) as never[];

/**
 * Float64 columns as `makeData` makes them (the array itself as values, an empty validity bitmap,
 * no nulls), built directly: no per-column classification object, type inference or visitor
 * dispatch, one type and one (read-only, empty) metadata map shared by every field. Columns that
 * fit one batch become the table's one batch as they are; longer ones go through `assembleTable`.
 */
function float64Table(
  names: readonly string[], values: readonly Float64Array[], length: number, maxChunkBytes: number,
): Table {
  const type = arrowTypeOfArray(values[0])!;
  const fields = new Array<Field>(values.length);
  const data = new Array<Data>(values.length);
  // Data's constructor reads the buffers out of the list and keeps none of it: one list serves every column.
  const buffers: [undefined, Float64Array, Uint8Array] = [undefined, values[0], NO_NULLS];
  for (let i = 0; i < values.length; i++) {
    buffers[1] = values[i];
    data[i] = new Data(type, 0, length, 0, buffers, NO_CHILDREN, undefined, NO_CHILDREN);
    fields[i] = new Field(names[i], type, false, EMPTY_METADATA as Map<string, string>);
  }
  if (length === 0 || length * Float64Array.BYTES_PER_ELEMENT > maxChunkBytes) {
    return assembleTable(fields.map((field, i) => ({ field, chunks: [data[i]] })), length, maxChunkBytes);
  }
  return oneBatchTable(new Schema(fields), data, length);
}

function invalidValueIssues(names: readonly string[], kinds: readonly ColumnKind[]): Issue[] {
  const issues: Issue[] = [];
  kinds.forEach((k, i) => {
    if (k.kind !== 'invalid') return;
    const hint = k.jsType === 'object (Table)' ? ' To split a table into columns, use @extractColumns.' : '';
    issues.push({
      code: 'not-a-column',
      message: `Output "${names[i]}" is a ${k.jsType}, which cannot be a table column. ${WHAT_FITS}${hint}`,
      nodes: [names[i]],
    });
  });
  return issues;
}

function lengthIssues(names: readonly string[], kinds: readonly ColumnKind[]): Issue[] {
  const columns = names.flatMap((name, i) => {
    const k = kinds[i];
    return k.kind === 'column' ? [{ name, length: k.length }] : [];
  });
  if (new Set(columns.map((c) => c.length)).size <= 1) return [];
  const listed = columns.map((c) => `"${c.name}" (${c.length} rows)`).join(', ');
  return [{
    code: 'column-lengths',
    message:
      `All outputs of one table must have one length, but got ${listed}. ` +
      'Make the features return columns of the same length, or use dictResult() to get the values as computed.',
    nodes: columns.map((c) => c.name),
  }];
}

/** The common length of the column outputs; 1 when every output is a single value. */
function tableLength(kinds: readonly ColumnKind[]): number {
  for (const k of kinds) if (k.kind === 'column') return k.length;
  return 1;
}

function toColumn(name: string, value: unknown, kind: ColumnKind, length: number): ColumnChunks {
  if (typeof value === 'bigint') assertInt64(name, value);
  // a vector of another apache-arrow copy (an ES-module import): Arrow's Table refuses its types
  if (value instanceof Vector) value = ownVector(value);
  const chunks = kind.kind === 'scalar' ? [scalarToData(value as Scalar, length)] : columnChunks(name, value);
  const type = value instanceof Vector ? value.type : chunks[0].type;
  const nullable = chunks.some((d) => d.nullCount !== 0);
  return { field: new Field(name, type, nullable, EMPTY_METADATA as Map<string, string>), chunks };
}

function columnChunks(name: string, value: unknown): readonly Data[] {
  if (value instanceof Vector) return value.data;
  if (Array.isArray(value)) return arrayToData(name, value);
  return [typedArrayData(value as NumericArray)];
}

/** Zero-copy: Arrow keeps the typed array itself (Uint8ClampedArray is viewed as Uint8Array). */
function typedArrayData(array: NumericArray): Data {
  const type = arrowTypeOfArray(array)!;
  const data = array instanceof Uint8ClampedArray ? new Uint8Array(array.buffer, array.byteOffset, array.length) : array;
  return makeData({ type, length: array.length, data } as Parameters<typeof makeData>[0]);
}
