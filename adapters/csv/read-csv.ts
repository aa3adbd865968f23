/**
 * CSV files with csv-parse: a header line, then one record per row; types from an explicit schema
 * or inferred (see `inferCsvType`); empty fields (and `NA`, `null`, … — see `nullValues`) are
 * nulls; a row with the wrong number of fields is an `InputError` with its line.
 */
import { createReadStream } from 'node:fs';
import { Field, type Table } from 'apache-arrow';
import { parse, type CsvError } from 'csv-parse';
import { assembleTable } from '../arrow/record-batches';
import { checkReadable, fileError, reasonOf } from '../files/file-errors';
import type { AdapterNote, NoteOptions } from '../notes';
import { csvColumn } from './csv-columns';
import { inferCsvType } from './csv-types';
import { checkSchema, type CsvColumnSpec } from './schema-check';
import { readHeader } from './csv-header';
import { inferenceNotes } from './inference-notes';
import { rememberLines } from './table-lines';
import { notesMetadata } from '../arrow/field-notes';
import { refuseBinary } from '../files/binary-check';
import { InputError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import { describeValue } from '../../src/util/describe-value';

export type { CsvColumnSpec };

export interface ReadCsvOptions extends NoteOptions {
  /** Types for some or all columns; the others are inferred. */
  readonly schema?: Readonly<Record<string, CsvColumnSpec>>;
  /** Field delimiter (default `,`). */
  readonly delimiter?: string;
  /** Fields read as null (default `DEFAULT_NULL_VALUES`); compared after nothing is trimmed. */
  readonly nullValues?: readonly string[];
}

/**
 * pandas' most common missing-value markers.
 *
 * @example
 * readCsv(path, { nullValues: [...DEFAULT_NULL_VALUES, '-'] });
 */
export const DEFAULT_NULL_VALUES: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'NULL', 'null', 'None'];

interface RawColumns {
  readonly header: string[];
  readonly fields: (string | null)[][];
  readonly lines: number[];
  /** Per column: the first field that was a null value other than "" ("NA", "null"…), by row. */
  readonly tokenNulls: ({ readonly row: number; readonly value: string } | undefined)[];
}

/**
 * Reads a CSV file into an Arrow `Table`.
 *
 * @example
 * const weather = await readCsv('node_modules/vega-datasets/data/weather.csv');
 * weather.getChild('date')!.type;          // Timestamp<MILLISECOND>: ISO dates become epoch ms (UTC)
 * const typed = await readCsv('prices.csv', { schema: { volume: 'float64', symbol: { type: 'utf8', nullable: false } } });
 */
export async function readCsv(path: string, options: ReadCsvOptions = {}): Promise<Table> {
  assertKnownKeys(options, ['schema', 'delimiter', 'nullValues', 'onNote'], 'readCsv', InputError);
  checkNullValues(path, options.nullValues);
  await checkReadable(path, 'CSV');
  await refuseBinary(path, 'CSV');
  const raw = await readFields(path, options);
  const schema = options.schema ?? {};
  checkSchema(path, 'CSV', raw.header, schema);
  const onNote = options.onNote ?? warn;
  const columns = raw.header.map((name, c) => {
    const declared = schema[name];
    const spec = typeof declared === 'string' ? { type: declared, nullable: true } : declared;
    let type = spec?.type;
    let notes: AdapterNote[] = [];
    if (type === undefined) {
      const inferred = inferCsvType(raw.fields[c]);
      type = inferred.type;
      notes = inferenceNotes(path, name, inferred, raw.lines);
      for (const note of notes) onNote(note);
    }
    const token = raw.tokenNulls[c];
    if (type === 'utf8' && token !== undefined) {
      const nullValues = options.nullValues ?? DEFAULT_NULL_VALUES;
      const note = textNullNote(path, name, token.value, raw.lines[token.row], nullValues);
      notes = [...notes, note];
      onNote(note);
    }
    const source = { path, name, lines: raw.lines, nullable: spec?.nullable !== false };
    const chunks = csvColumn(raw.fields[c], type, source);
    // the notes stay with the column: a feature that cannot take it is told why it is what it is
    return { field: new Field(name, chunks[0].type, true, notesMetadata(notes)), chunks };
  });
  const table = assembleTable(columns, raw.lines.length);
  rememberLines(table, raw.lines); // for messages about rows found wrong later (see `fileLine`)
  return table;
}

/** `nullValues` must be a list of texts: a lone string would be read as its characters. */
function checkNullValues(path: string, nullValues: unknown): void {
  if (nullValues === undefined) return;
  if (Array.isArray(nullValues) && nullValues.every((v) => typeof v === 'string')) return;
  const shown = typeof nullValues === 'string' ? JSON.stringify(nullValues) : describeValue(nullValues);
  throw new InputError([{
    code: 'option',
    message: `readCsv("${path}"): nullValues is ${shown}; give an array of texts, e.g. ` +
      `nullValues: [...DEFAULT_NULL_VALUES, ${typeof nullValues === 'string' ? shown : "'-'"}].`,
    nodes: [path],
  }]);
}

/**
 * The note for a text column in which a null value other than "" ("NA": Namibia; "None"; "null")
 * made a field null: pandas does the same without a word, and a round trip through writeCsv loses it.
 */
function textNullNote(path: string, column: string, value: string, line: number, nullValues: readonly string[]) {
  const tokens = nullValues.filter((v) => v !== '').join(', ');
  return {
    code: 'csv-text-as-null' as const,
    column,
    message:
      `Column "${column}" of "${path}" is text, and line ${line} holds ${JSON.stringify(value)}, ` +
      'one of the null values, so it is read as null (and so is every field equal to a null value: ' +
      `${tokens}). If ${JSON.stringify(value)} is a value there, pass nullValues: [''] (only empty fields are ` +
      "null; on the command line: --no-default-null-values --null-value '').",
  };
}

/**
 * File lines as an editor shows them, from csv-parse's `info.lines` (the line a record ends on),
 * which counts a CRLF inside a quoted field as two lines. A record on one line costs one
 * subtraction; only a record whose count jumped (line breaks in quotes, skipped blank lines) has
 * its fields scanned.
 */
class LineCounter {
  private previous = 0;
  private extra = 0;

  /** The line `record` starts on, given csv-parse's count at its end. */
  firstLine(record: readonly string[], parsedEnd: number): number {
    const span = parsedEnd - this.previous;
    this.previous = parsedEnd;
    if (span <= 1) return parsedEnd - this.extra;
    let breaks = 0;
    for (const field of record) {
      if (field.indexOf('\n') < 0 && field.indexOf('\r') < 0) continue;
      for (let i = 0; i < field.length; i++) {
        const c = field.charCodeAt(i);
        if (c === 13 && field.charCodeAt(i + 1) === 10) {
          this.extra++;
          breaks++;
          i++;
        } else if (c === 10 || c === 13) breaks++;
      }
    }
    return parsedEnd - this.extra - breaks;
  }

  /** An error's line from csv-parse, corrected the same way. */
  fixed(parsedLine: number): number {
    return parsedLine - this.extra;
  }
}

async function readFields(path: string, options: ReadCsvOptions): Promise<RawColumns> {
  const nulls = new Set(options.nullValues ?? DEFAULT_NULL_VALUES);
  const parser = createReadStream(path).pipe(parse({
    delimiter: options.delimiter ?? ',', bom: true, info: true, relax_column_count: true, skip_empty_lines: true,
  }));
  let header: string[] | undefined;
  let fields: (string | null)[][] = [];
  const lines: number[] = [];
  let tokenNulls: RawColumns['tokenNulls'] = [];
  const counter = new LineCounter();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = counter.firstLine(record, info.lines);
      if (header === undefined) {
        header = readHeader(path, record, line);
        fields = header.map(() => []);
        tokenNulls = header.map(() => undefined);
        continue;
      }
      if (record.length !== header.length) throw raggedRow(path, header, record.length, line, options.delimiter ?? ',');
      for (let c = 0; c < record.length; c++) {
        const field = record[c];
        if (!nulls.has(field)) fields[c].push(field);
        else {
          fields[c].push(null);
          if (field !== '' && tokenNulls[c] === undefined) tokenNulls[c] = { row: lines.length, value: field };
        }
      }
      lines.push(line);
    }
  } catch (error) {
    if ((error as CsvError).code === undefined || !('lines' in (error as object))) throw error;
    const line = counter.fixed((error as CsvError & { lines: number }).lines);
    throw fileError(path, 'read CSV from', `line ${line}: ${reasonOf(error)}`,
      'A field holding the delimiter, a quote or a line break must be in double quotes, with inner quotes doubled ("").');
  }
  if (header === undefined) throw fileError(path, 'read CSV from', 'it is empty (no header line)', 'A CSV file starts with a header line naming its columns.');
  return { header, fields, lines, tokenNulls };
}

function raggedRow(path: string, header: readonly string[], count: number, line: number, delimiter: string) {
  // a header of one field holding ";" or a tab: the file uses another delimiter (European CSVs use ";")
  const other = header.length === 1
    ? [';', '\t', '|'].find((d) => d !== delimiter && header[0].includes(d))
    : undefined;
  const fix = other !== undefined
    ? `The header is one field, ${JSON.stringify(header[0])}: the file looks delimited by ${JSON.stringify(other)}; ` +
      `pass delimiter: ${JSON.stringify(other)}`
    : count < header.length
      ? 'Add the missing fields (leave them empty for null)'
      : `Remove the extra fields, or put fields that contain ${JSON.stringify(delimiter)} in double quotes`;
  return fileError(path, 'read CSV from',
    `line ${line} has ${count} field${count === 1 ? '' : 's'}, but the header has ${header.length} (${header.join(', ')})`,
    `${fix}.`);
}

/** Without an `onNote`, a note that changes a column's type is still said: as a process warning. */
function warn(note: AdapterNote): void {
  process.emitWarning(note.message, { code: 'QUIVER_NOTE', detail: note.code });
}
