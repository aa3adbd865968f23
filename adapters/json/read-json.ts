/**
 * JSON and NDJSON files into an Arrow `Table`: records (`[{"x": 1}, …]`), columns (`{"x": [1, …]}`)
 * or one object per line (`.ndjson`). Types from an explicit schema or inferred as for CSV (see
 * `jsonColumn`); errors name the file and the line (the row, for the columns layout).
 */
import { readFile } from 'node:fs/promises';
import { Field, type Table } from 'apache-arrow';
import { assertKnownKeys } from '../../src/options/known-keys';
import { InputError } from '../../src/errors';
import { assembleTable } from '../arrow/record-batches';
import { checkSchema, type CsvColumnSpec } from '../csv/schema-check';
import { refuseBinary } from '../files/binary-check';
import { checkReadable } from '../files/file-errors';
import type { AdapterNote, NoteOptions } from '../notes';
import { notesMetadata } from '../arrow/field-notes';
import { jsonColumn } from './json-columns';
import { jsonRows } from './json-text';

export interface ReadJsonOptions extends NoteOptions {
  /** Types for some or all columns (the types `readCsv` takes); the others are inferred. */
  readonly schema?: Readonly<Record<string, CsvColumnSpec>>;
  /** One object per line (NDJSON); default: from the extension (`.ndjson`, `.jsonl`). */
  readonly lines?: boolean;
}

const KNOWN = ['schema', 'lines', 'onNote'];

/**
 * Reads a `.json` or `.ndjson` file into an Arrow `Table`.
 *
 * @example
 * const prices = await readJson('prices.ndjson');           // {"symbol": "MSFT", "date": "2000-01-01", "price": 39.81} per line
 * const typed = await readJson('prices.json', { schema: { volume: 'float64' } });
 */
export async function readJson(path: string, options: ReadJsonOptions = {}): Promise<Table> {
  assertKnownKeys(options, KNOWN, 'readJson', InputError);
  const lines = options.lines ?? /\.(ndjson|jsonl)$/i.test(path);
  const format = lines ? 'NDJSON' : 'JSON';
  await checkReadable(path, format);
  await refuseBinary(path, format);
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const rows = jsonRows(path, text, lines);
  const schema = options.schema ?? {};
  checkSchema(path, format, rows.names, schema, 'file');
  const onNote = options.onNote ?? warn;
  const rowLabel = rows.layout === 'columns' ? (row: number) => `row ${row}`
    // records sharing a line (JSON.stringify's one-line array): "line 1 … but line 1" named nothing
    : rows.layout === 'records' && sharesLines(rows.lines)
      ? (row: number) => `record ${row} (counting from 0, on line ${rows.lines[row]})`
      : undefined;
  const columns = rows.names.map((name) => {
    const declared = schema[name];
    const spec = typeof declared === 'string' ? { type: declared, nullable: true } : declared;
    const source = { path, name, lines: rows.lines, nullable: spec?.nullable !== false, format, rowLabel };
    const notes: AdapterNote[] = [];
    const chunks = jsonColumn(rows.values.get(name)!, spec?.type, source, (note) => {
      notes.push(note);
      onNote(note);
    });
    // the notes stay with the column (see adapters/arrow/field-notes.ts)
    return { field: new Field(name, chunks[0].type, true, notesMetadata(notes)), chunks };
  });
  return assembleTable(columns, rows.lines.length);
}

/** Without an `onNote`, a note that changes a column's type is still said: as a process warning. */
function warn(note: AdapterNote): void {
  process.emitWarning(note.message, { code: 'QUIVER_NOTE', detail: note.code });
}

/** True when two records start on one line. */
function sharesLines(lines: readonly number[]): boolean {
  for (let i = 1; i < lines.length; i++) if (lines[i] === lines[i - 1]) return true;
  return false;
}
