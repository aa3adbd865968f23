/**
 * Turns one CSV column (its fields as strings, `null` for null fields) into Arrow data of a given
 * type. A field that does not parse as that type is an `InputError` naming the file, line,
 * column and value.
 */
import {
  Bool, Data, DataType, Float32, Float64, Int32, Int64, TimestampMillisecond, Utf8, makeData, vectorFromArray,
} from 'apache-arrow';
import { InputError } from '../../src/errors';
import { allValidBitmap, clearBit } from '../arrow/validity';
import { parseAnyTimestamp, parseBoolean, parseInt32, parseInt64, parseNumber } from './csv-tokens';
import type { CsvType } from './csv-types';
import { schemaHint } from './schema-hint';

/** Where a column comes from, for error messages. */
export interface CsvColumnSource {
  readonly path: string;
  readonly name: string;
  /** `lines[row]` is the file line the row starts on (1 is the header). */
  readonly lines: readonly number[];
  /** False when the schema forbids nulls in this column. */
  readonly nullable: boolean;
  /** The format's name in messages (default `CSV`; the JSON reader converts its fields here too). */
  readonly format?: string;
  /** How a message names a row (default `line <lines[row]>`). */
  readonly rowLabel?: (row: number) => string;
}

type Fixed = Float64Array | Float32Array | Int32Array | BigInt64Array;

interface FixedSpec {
  readonly arrowType: () => DataType;
  readonly array: (length: number) => Fixed;
  readonly parse: (field: string) => number | bigint | undefined;
}

const toEpochMs = (field: string): bigint | undefined => {
  const ms = parseAnyTimestamp(field);
  return ms === undefined ? undefined : BigInt(ms);
};

const FIXED: Partial<Record<CsvType, FixedSpec>> = {
  float64: { arrowType: () => new Float64(), array: (n) => new Float64Array(n), parse: parseNumber },
  float32: { arrowType: () => new Float32(), array: (n) => new Float32Array(n), parse: parseNumber },
  int32: { arrowType: () => new Int32(), array: (n) => new Int32Array(n), parse: parseInt32 },
  int64: { arrowType: () => new Int64(), array: (n) => new BigInt64Array(n), parse: parseInt64 },
  timestamp: { arrowType: () => new TimestampMillisecond(), array: (n) => new BigInt64Array(n), parse: toEpochMs },
};

/**
 * The column as Arrow `Data` chunks of the given type.
 *
 * @example
 * csvColumn(['1.5', null], 'float64', { path: 'a.csv', name: 'x', lines: [2, 3], nullable: true });
 */
export function csvColumn(fields: readonly (string | null)[], type: CsvType, source: CsvColumnSource): readonly Data[] {
  if (!source.nullable) {
    const row = fields.indexOf(null);
    if (row >= 0) {
      throw csvFieldError(source, row, 'is empty (null), but the schema declares it non-nullable',
        'Fill in the value, or drop `nullable: false` from the schema.');
    }
  }
  const spec = FIXED[type];
  if (spec) return [fixedWidth(fields, type, spec, source)];
  if (type === 'utf8') return vectorFromArray(fields as (string | null)[], new Utf8()).data;
  const booleans = fields.map((field, row) => {
    if (field === null) return null;
    const value = parseBoolean(field);
    if (value === undefined) throw notOfType(source, row, field, type);
    return value;
  });
  return vectorFromArray(booleans, new Bool()).data;
}

function fixedWidth(fields: readonly (string | null)[], type: CsvType, spec: FixedSpec, source: CsvColumnSource): Data {
  const length = fields.length;
  const data = spec.array(length);
  let nullBitmap: Uint8Array | undefined;
  for (let row = 0; row < length; row++) {
    const field = fields[row];
    if (field === null) {
      nullBitmap ??= allValidBitmap(length);
      clearBit(nullBitmap, row);
      continue;
    }
    const value = spec.parse(field);
    if (value === undefined) throw notOfType(source, row, field, type);
    data[row] = value as never;
  }
  return makeData({ type: spec.arrowType(), length, data, nullBitmap } as Parameters<typeof makeData>[0]);
}

function notOfType(source: CsvColumnSource, row: number, field: string, type: CsvType): InputError {
  return csvFieldError(source, row, `is ${JSON.stringify(field)}, which is not a ${type} as the schema declares`,
    `Fix the value, or declare the column as another type: ${schemaHint(source.name, 'utf8')}.`);
}

/**
 * An error about one field of a CSV file.
 *
 * @example
 * csvFieldError(source, 5, 'is "x", which is not a float64', 'Fix the value.');
 * // Cannot read CSV from "a.csv": line 7, column "temp" is "x", which is not a float64. Fix the value.
 */
export function csvFieldError(source: CsvColumnSource, row: number, what: string, fix: string): InputError {
  return new InputError([{
    code: 'csv-field',
    message: `Cannot read ${source.format ?? 'CSV'} from "${source.path}": ${source.rowLabel?.(row) ?? `line ${source.lines[row]}`}, ` +
      `column "${source.name}" ${what}. ${fix}`,
    nodes: [source.path, source.name],
  }]);
}
