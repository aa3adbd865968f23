/**
 * How one Arrow value is written as a CSV field: numbers in JavaScript's shortest round-trip form
 * (whole floats as `3.0`, so they read back as floats),
 * null and NaN as an empty field, dates and timestamps as ISO 8601 (`2012-01-01` when a column
 * holds only midnights), booleans as `true`/`false`, text quoted when it must be.
 */
import { Type, Vector, type Data } from 'apache-arrow';
import { epochMsAt, isTemporal } from '../arrow/epoch-ms';
import { float16ToNumber } from '../arrow/float64-column';
import { isValidAt } from '../arrow/validity';

/** Writes row `i` of one chunk as a CSV field. */
export type FieldFormatter = (i: number) => string;

/**
 * Quotes a field when it holds the delimiter, a quote, a line break or edge spaces.
 *
 * @example
 * quoteField('a,b', ','); // '"a,b"'
 */
export function quoteField(text: string, delimiter: string): string {
  const needs = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Whether every non-null value of a Date/Timestamp column falls on midnight UTC.
 *
 * @example
 * onlyMidnights(weather.getChild('date')!); // true: written back as YYYY-MM-DD
 */
export function onlyMidnights(vector: Vector): boolean {
  for (const chunk of vector.data) {
    for (let i = 0; i < chunk.length; i++) {
      if (isValidAt(chunk.nullBitmap, chunk.offset, i) && epochMsAt(chunk, i) % 86_400_000 !== 0) return false;
    }
  }
  return true;
}

/**
 * A float as CSV text that reads back as a float: JavaScript's shortest round-trip form, with `.0`
 * after a whole number (`3.0`, `-0.0`), as pandas writes it, so that `readCsv` (or pandas, polars)
 * infers float64 again rather than an integer type.
 *
 * @example
 * floatText(3);   // '3.0'
 * floatText(0.1); // '0.1'
 * floatText(1e21); // '1e+21'
 */
export function floatText(v: number): string {
  const text = Object.is(v, -0) ? '-0' : String(v);
  return Number.isInteger(v) && !text.includes('e') ? `${text}.0` : text;
}

/**
 * A formatter for one chunk. `dateOnly` writes temporal values as `YYYY-MM-DD`.
 *
 * @example
 * const format = fieldFormatter(batch.getChildAt(0)!.data[0], ',', false);
 * format(0); // '12.8'
 */
export function fieldFormatter(chunk: Data, delimiter: string, dateOnly: boolean): FieldFormatter {
  const valid = (i: number) => isValidAt(chunk.nullBitmap, chunk.offset, i);
  const values = chunk.values as ArrayLike<number | bigint>;
  const typeId = chunk.type.typeId;
  if (typeId === Type.Float) {
    const half = values instanceof Uint16Array;
    return (i) => {
      if (!valid(i)) return '';
      const v = half ? float16ToNumber(values[i] as number) : (values[i] as number);
      return Number.isNaN(v) ? '' : floatText(v);
    };
  }
  if (typeId === Type.Int) return (i) => (valid(i) ? String(values[i]) : '');
  if (isTemporal(chunk)) {
    return (i) => {
      if (!valid(i)) return '';
      const iso = new Date(epochMsAt(chunk, i)).toISOString();
      return dateOnly ? iso.slice(0, 10) : iso;
    };
  }
  const vector = new Vector([chunk]);
  return (i) => {
    if (!valid(i)) return '';
    const v: unknown = vector.get(i);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    const text = typeof v === 'object' && v !== null ? JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)) : String(v);
    return quoteField(text, delimiter);
  };
}
