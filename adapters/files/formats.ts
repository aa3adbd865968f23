/**
 * The one table from file extension to format: what `readTable`, `writeResult` and `materialize`
 * use to choose a reader or writer.
 */
import { extname } from 'node:path';
import type { Table } from 'apache-arrow';
import { readCsv } from '../csv/read-csv';
import { writeCsv } from '../csv/write-csv';
import { readJson } from '../json/read-json';
import { writeJson } from '../json/write-json';
import type { NoteOptions } from '../notes';
import { InputError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import type { CsvColumnSpec } from '../csv/schema-check';
import { fileError } from './file-errors';
import { readArrow } from './read-arrow';
import { readParquet } from './read-parquet';
import { writeArrow, writeArrowParts } from './write-arrow';
import { writeParquet, writeParquetParts } from './write-parquet';
import { joinBatches } from '../arrow/join-batches';
import { settleTypes } from '../arrow/settle-types';

/** The options `readTable` takes (passed on to the reader). */
const READ_TABLE_KEYS = ['onNote', 'schema', 'nullValues'];

/** What `readTable` passes on to a reader: notes, and for text formats a schema. */
export interface ReadTableOptions extends NoteOptions {
  /** Column types for text formats (CSV, TSV, JSON, NDJSON); binary formats carry their own types. */
  readonly schema?: Readonly<Record<string, CsvColumnSpec>>;
  /**
   * Fields read as missing in CSV and TSV files (see `readCsv`'s `nullValues`); refused for other
   * formats, which mark missing values themselves.
   */
  readonly nullValues?: readonly string[];
}

/** A file format: its name and how to read and write it. */
export interface Format {
  readonly name: string;
  readonly read: (path: string, options: ReadTableOptions) => Promise<Table>;
  readonly write: (table: Table, path: string) => Promise<void>;
  /**
   * Writes the parts of one table as they come, one part in memory at a time (Arrow IPC, Parquet),
   * calling `onWritten` with each part once its memory is no longer read; `keepSchema`: the parts'
   * schema is the whole result's (nullability included) and is written as it is.
   */
  readonly writeParts?: (
    tables: AsyncIterable<Table>, path: string, onWritten?: (table: Table) => void, keepSchema?: boolean,
  ) => Promise<void>;
}

/** A reader of a format whose file holds its column types: a schema is refused, not ignored. */
function typed(name: string, read: (path: string) => Promise<Table>): Format['read'] {
  return async (path, options) => {
    if (options.schema && Object.keys(options.schema).length > 0) {
      throw fileError(path, `read ${name} from`, 'a schema was given, but this format stores its column types itself',
        'Drop the schema (it applies to CSV, TSV, JSON and NDJSON files).');
    }
    refuseNullValues(name, path, options);
    return read(path);
  };
}

/** `nullValues` name texts that mean "missing" in a CSV/TSV field; other formats have their own nulls. */
function refuseNullValues(name: string, path: string, options: ReadTableOptions): void {
  if (options.nullValues === undefined) return;
  throw fileError(path, `read ${name} from`, 'null values (texts read as missing) were given, but this format marks ' +
    'missing values itself', 'Drop nullValues / --null-values (they apply to CSV and TSV files).');
}

/** A JSON reader: `readJson` with `lines`, after refusing what applies to CSV only. */
function json(name: string, lines: boolean): Format['read'] {
  return async (path, { nullValues, ...options }) => {
    refuseNullValues(name, path, { nullValues });
    return readJson(path, { ...options, lines });
  };
}

const FORMAT_TABLE: Record<string, Format> = {};

const ARROW_FILE: Format = {
  name: 'Arrow IPC file',
  read: typed('Arrow IPC file', readArrow),
  write: (t, p) => writeArrow(t, p),
  writeParts: (t, p, w, k) => writeArrowParts(t, p, {}, w, k),
};

/**
 * Extension (lower case, with the dot) → format.
 *
 * @example
 * Object.keys(FORMATS); // ['.arrow', '.feather', '.ipc', '.arrows', '.parquet', '.csv', '.tsv', '.json', '.ndjson', '.jsonl']
 */
export const FORMATS: Readonly<Record<string, Format>> = FORMAT_TABLE;

const BUILT_IN: Record<string, Format> = {
  '.arrow': ARROW_FILE,
  '.feather': ARROW_FILE,
  '.ipc': ARROW_FILE,
  '.arrows': {
    name: 'Arrow IPC stream',
    read: typed('Arrow IPC stream', readArrow),
    write: (t, p) => writeArrow(t, p, { format: 'stream' }),
    writeParts: (t, p, w, k) => writeArrowParts(t, p, { format: 'stream' }, w, k),
  },
  '.parquet': {
    name: 'Parquet',
    read: typed('Parquet', (p) => readParquet(p)),
    write: (t, p) => writeParquet(t, p),
    writeParts: (t, p, w, k) => writeParquetParts(t, p, {}, w, k),
  },
  '.csv': { name: 'CSV', read: (p, o) => readCsv(p, o), write: (t, p) => writeCsv(t, p) },
  '.tsv': { name: 'TSV', read: (p, o) => readCsv(p, { ...o, delimiter: '\t' }), write: (t, p) => writeCsv(t, p, { delimiter: '\t' }) },
  '.json': { name: 'JSON', read: json('JSON', false), write: (t, p) => writeJson(t, p, { lines: false }) },
  '.ndjson': { name: 'NDJSON', read: json('NDJSON', true), write: (t, p) => writeJson(t, p, { lines: true }) },
  '.jsonl': { name: 'NDJSON', read: json('NDJSON', true), write: (t, p) => writeJson(t, p, { lines: true }) },
};
Object.assign(FORMAT_TABLE, BUILT_IN);

/**
 * The format a path's extension names, or an `InputError` listing the supported extensions.
 *
 * @example
 * formatOf('out/features.parquet', 'write').name; // 'Parquet'
 */
export function formatOf(path: string, action: 'read' | 'write'): Format {
  const ext = extname(path).toLowerCase();
  const format = FORMATS[ext];
  if (format) return format;
  const supported = Object.keys(FORMATS).join(', ');
  throw fileError(path, action === 'read' ? 'read a table from' : 'write a table to',
    ext ? `quiver does not know the extension "${ext}"` : 'the path has no extension',
    `Use one of ${supported}.`);
}

/**
 * Reads a table from a file, choosing the reader by extension (`.arrow`, `.feather`, `.ipc`,
 * `.arrows`, `.parquet`, `.csv`, `.tsv`, `.json`, `.ndjson`, `.jsonl`).
 *
 * @example
 * const inputs = await readTable('data/prices.parquet');
 * const features = await dr.execute(outputs, { inputs });
 */
export function readTable(path: string, options: ReadTableOptions = {}): Promise<Table> {
  try {
    assertKnownKeys(options, READ_TABLE_KEYS, 'readTable', InputError);
    return formatOf(path, 'read').read(path, options);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Writes a table to a file, choosing the writer by extension (as `readTable`). The file appears
 * only once complete.
 *
 * @example
 * await writeResult(await dr.execute(outputs, { inputs }), 'out/features.parquet');
 */
export function writeResult(table: Table, path: string): Promise<void> {
  try {
    return formatOf(path, 'write').write(table, path);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Writes the parts of one table (a partitioned run's, in order; one schema) to a file chosen by
 * extension as `writeResult` does. Arrow IPC and Parquet write each part as it comes, so only one
 * part is in memory; other formats gather the parts and write them once at the end. A column that
 * is all null in a part takes the type it has in the parts that hold values (`settleTypes`). The file
 * appears only once complete; an error from the parts (a feature that threw) leaves no file and
 * is the error thrown. `onWritten(part)` is called once a part's memory is no longer read (its
 * bytes are in the file or copied), so that a caller may reuse it.
 *
 * @example
 * await writeResultParts(partitionTables(), 'out/frame.parquet');
 */
export async function writeResultParts(
  tables: AsyncIterable<Table>, path: string, onWritten?: (table: Table) => void,
): Promise<void> {
  const format = formatOf(path, 'write');
  if (format.writeParts) return format.writeParts(settleTypes(tables), path, onWritten);
  const parts: Table[] = [];
  for await (const table of settleTypes(tables)) parts.push(table);
  await format.write(joinBatches(parts), path);
  if (onWritten) for (const part of parts) onWritten(part);
}

/**
 * Writes parts already typed and labelled as the whole result (a distributed run's parts read
 * back from the store, `readSettledParts`) to a file chosen by extension, the schema kept as it is
 * (nullability included): Arrow IPC and Parquet one part at a time, other formats gathered and
 * written once. The file appears only once complete.
 *
 * @example
 * await writeSettledParts(run.readParts(), 'out/frame.arrow');
 */
export async function writeSettledParts(tables: AsyncIterable<Table>, path: string): Promise<void> {
  const format = formatOf(path, 'write');
  if (format.writeParts) return format.writeParts(tables, path, undefined, true);
  const parts: Table[] = [];
  for await (const table of tables) parts.push(table);
  await format.write(joinBatches(parts), path);
}
