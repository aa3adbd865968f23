/**
 * One JSON column (its values as parsed) as Arrow data, typed like CSV inference: booleans → bool,
 * integers → int32 (int64 beyond), other numbers → float64, ISO 8601 date strings → timestamp,
 * other strings → utf8, null or a missing key → null. JSON already has types, so `"12"` stays text
 * and a column mixing numbers and strings is an error, not a guess. Conversion goes through the CSV
 * column builder, so a declared schema type and its errors mean the same as for CSV.
 */
import type { Data } from 'apache-arrow';
import { parseIsoDate } from '../../src/dates/parse-date';
import { csvColumn, csvFieldError, type CsvColumnSource } from '../csv/csv-columns';
import type { CsvType } from '../csv/csv-types';
import { inferenceNotes } from '../csv/inference-notes';
import type { NoteSink } from '../notes';

const INT32_MAX = 2 ** 31 - 1;

/** The type inferred for one column's values, with notes about what inference decided. */
function inferJson(values: readonly unknown[], source: CsvColumnSource, onNote: NoteSink): CsvType {
  const first = new Map<string, number>();
  values.forEach((v, row) => {
    if (v !== null && !first.has(typeof v)) first.set(typeof v, row);
  });
  if (first.size === 0) return 'float64';
  if (first.size > 1) {
    const [[a, rowA], [b, rowB]] = [...first.entries()];
    throw csvFieldError(source, rowB, `holds a ${b} (${JSON.stringify(values[rowB])}), but ${source.rowLabel?.(rowA) ?? `line ${source.lines[rowA]}`} holds a ${a}`,
      `Give the column one type, or declare it (e.g. schema: { ${JSON.stringify(source.name)}: 'utf8' }).`);
  }
  const kind = first.keys().next().value;
  if (kind === 'boolean') return 'bool';
  if (kind === 'number') return numberType(values as (number | null)[], source, onNote);
  let dates = 0, present = 0, notADate = -1;
  values.forEach((v, row) => {
    if (v === null) return;
    present++;
    if (parseIsoDate(v as string) !== undefined) dates++;
    else if (notADate < 0) notADate = row;
  });
  if (dates === present) return 'timestamp';
  if (dates * 2 > present) {
    for (const note of inferenceNotes(source.path, source.name, { type: 'utf8', notADate: { row: notADate, value: values[notADate] as string } }, source.lines)) {
      onNote({ ...note, message: note.message.replace(/line \d+/, source.rowLabel?.(notADate) ?? `line ${source.lines[notADate]}`) });
    }
  }
  return 'utf8';
}

function numberType(values: readonly (number | null)[], source: CsvColumnSource, onNote: NoteSink): CsvType {
  let int32 = true, safe = true, unsafe = -1;
  for (let row = 0; row < values.length; row++) {
    const v = values[row];
    if (v === null) continue;
    if (!Number.isInteger(v)) return 'float64';
    if (v > INT32_MAX || v < -INT32_MAX - 1) int32 = false;
    if (!Number.isSafeInteger(v) && unsafe < 0) (safe = false), (unsafe = row);
  }
  if (int32) return 'int32';
  if (safe) return 'int64';
  onNote({
    code: 'json-lossy-integer',
    column: source.name,
    message:
      `Column "${source.name}" of "${source.path}" is read as float64: ${source.rowLabel?.(unsafe) ?? `line ${source.lines[unsafe]}`} ` +
      `holds an integer beyond ±2^53 (read as ${values[unsafe]}), which JSON numbers cannot hold exactly. ` +
      'To keep the digits, write such numbers as strings and declare the column utf8.',
  });
  return 'float64';
}

function field(value: unknown, source: CsvColumnSource, row: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    throw csvFieldError(source, row, `holds ${Array.isArray(value) ? 'an array' : 'an object'}, not a single value`,
      'quiver reads flat records: flatten the nested value into columns of its own, or leave it out.');
  }
  return String(value);
}

/**
 * The column as Arrow `Data` chunks: of `declared` type, or inferred.
 *
 * @example
 * jsonColumn([1, 2.5, null], undefined, { path: 'a.json', name: 'x', lines: [2, 3, 4], nullable: true, format: 'JSON' }, onNote);
 */
export function jsonColumn(values: readonly unknown[], declared: CsvType | undefined, source: CsvColumnSource, onNote: NoteSink): readonly Data[] {
  const fields = values.map((v, row) => field(v, source, row));
  const type = declared ?? inferJson(values.map((v) => (v === undefined ? null : v)), source, onNote);
  return csvColumn(fields, type, source);
}
