/**
 * Column types a CSV column can be read as, and type inference: a column is the narrowest type
 * every one of its non-null fields fits, in this order — bool, int32, int64, float64, timestamp,
 * utf8. A column is never silently read as something else: when most fields are numbers (or
 * dates) but some are not, the column is utf8 and the result names the first field that is not;
 * an integer too big for int64 makes the column float64, and the result names it (it is rounded);
 * so is a leading zero a number drops ("02134") and a literal beyond float64 read as Infinity.
 */
import { isIntegerToken, parseBoolean, parseInt32, parseInt64, parseIsoTimestamp, parseNumber } from './csv-tokens';

/** The types `readCsv`'s `schema` option accepts. `timestamp` is epoch milliseconds, UTC. */
export type CsvType = 'float64' | 'float32' | 'int32' | 'int64' | 'bool' | 'timestamp' | 'utf8';

/**
 * Every `CsvType`, in the order error messages list them.
 *
 * @example
 * CSV_TYPES.includes('float64'); // true
 */
export const CSV_TYPES: readonly CsvType[] = ['float64', 'float32', 'int32', 'int64', 'bool', 'timestamp', 'utf8'];

/** A field that made inference choose a type the user may not expect: its row (from 0) and text. */
export interface FieldAt {
  readonly row: number;
  readonly value: string;
}

export interface Inferred {
  readonly type: CsvType;
  /** For a utf8 column most of whose fields are numbers: the first field that is not. */
  readonly notANumber?: FieldAt;
  /** For a utf8 column most of whose fields are dates: the first field that is not. */
  readonly notADate?: FieldAt;
  /** For a float64 column of integers: the first integer beyond int64, which float64 rounds. */
  readonly lossyInteger?: FieldAt;
  /** For a numeric column: the first field with a leading zero ("02134"), which a number drops. */
  readonly leadingZero?: FieldAt;
  /** For a float64 column: the first finite literal beyond float64's range ("1e400"), read as ±Infinity. */
  readonly overflow?: FieldAt;
}

/** A leading zero that a number drops: "02134", "-007.5" (not "0", "0.5" or "0e5"). */
const LEADING_ZERO = /^\s*[+-]?0\d/;

/**
 * Infers one column's type from its fields (`null` = a null field).
 *
 * @example
 * inferCsvType(['1', '2', null]).type;   // 'int32'
 * inferCsvType(['1', '2.5']).type;       // 'float64'
 * inferCsvType(['2012-01-01']).type;     // 'timestamp'
 * inferCsvType(['1', '2', 'n/a']);       // { type: 'utf8', notANumber: { row: 2, value: 'n/a' } }
 */
export function inferCsvType(fields: readonly (string | null)[]): Inferred {
  let bool = true, int32 = true, int64 = true, number = true, timestamp = true;
  let present = 0, numbers = 0, dates = 0, firstNotNumber = -1, firstNotDate = -1, firstHuge = -1;
  let firstZero = -1, firstOverflow = -1;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field === null) continue;
    present++;
    if (bool && parseBoolean(field) === undefined) bool = false;
    const parsed = parseNumber(field);
    const isNumber = parsed !== undefined;
    if (isNumber) {
      if (firstZero < 0 && LEADING_ZERO.test(field)) firstZero = i;
      if (firstOverflow < 0 && (parsed === Infinity || parsed === -Infinity) && !/inf/i.test(field)) firstOverflow = i;
    }
    if (isNumber) numbers++;
    else if (firstNotNumber < 0) firstNotNumber = i;
    number &&= isNumber;
    const integer = isIntegerToken(field);
    if (integer && firstHuge < 0 && parseInt64(field) === undefined) firstHuge = i;
    if (int64 && !(integer && parseInt64(field) !== undefined)) int64 = false;
    if (int32 && (!int64 || parseInt32(field) === undefined)) int32 = false;
    if (parseIsoTimestamp(field) !== undefined) dates++;
    else if (firstNotDate < 0) firstNotDate = i;
  }
  timestamp = present > 0 && dates === present;
  const at = (row: number): FieldAt => ({ row, value: fields[row]! });
  if (present === 0) return { type: 'float64' };
  if (bool) return { type: 'bool' };
  const noted = (type: CsvType): Inferred => ({
    type,
    ...(type === 'float64' && firstHuge >= 0 ? { lossyInteger: at(firstHuge) } : {}),
    ...(firstZero >= 0 ? { leadingZero: at(firstZero) } : {}),
    ...(firstOverflow >= 0 ? { overflow: at(firstOverflow) } : {}),
  });
  if (int32) return noted('int32');
  if (int64) return noted('int64');
  if (number) return noted('float64');
  if (timestamp) return { type: 'timestamp' };
  if (numbers * 2 > present) return { type: 'utf8', notANumber: at(firstNotNumber) };
  if (dates * 2 > present) return { type: 'utf8', notADate: at(firstNotDate) };
  return { type: 'utf8' };
}
