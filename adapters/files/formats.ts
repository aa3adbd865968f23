/**
 * The one table from file extension to format: what `readTable`, `writeResult` and `materialize`
 * use to choose a reader or writer.
 */
import { extname } from 'node:path';
import type { Table } from 'apache-arrow';
import { readCsv } from '../csv/read-csv';
import { writeCsv } from '../csv/write-csv';
import type { NoteOptions } from '../notes';
import { InputError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import { fileError } from './file-errors';
import { readArrow } from './read-arrow';
import { readParquet } from './read-parquet';
import { writeArrow } from './write-arrow';
import { writeParquet } from './write-parquet';

/** The options `readTable` takes (passed on to the reader). */
const READ_TABLE_KEYS = ['onNote'];

interface Format {
  readonly name: string;
  readonly read: (path: string, options: NoteOptions) => Promise<Table>;
  readonly write: (table: Table, path: string) => Promise<void>;
}

const ARROW_FILE: Format = { name: 'Arrow IPC file', read: (p) => readArrow(p), write: (t, p) => writeArrow(t, p) };

/**
 * Extension (lower case, with the dot) → format.
 *
 * @example
 * Object.keys(FORMATS); // ['.arrow', '.feather', '.ipc', '.arrows', '.parquet', '.csv', '.tsv']
 */
export const FORMATS: Readonly<Record<string, Format>> = {
  '.arrow': ARROW_FILE,
  '.feather': ARROW_FILE,
  '.ipc': ARROW_FILE,
  '.arrows': { name: 'Arrow IPC stream', read: (p) => readArrow(p), write: (t, p) => writeArrow(t, p, { format: 'stream' }) },
  '.parquet': { name: 'Parquet', read: (p) => readParquet(p), write: (t, p) => writeParquet(t, p) },
  '.csv': { name: 'CSV', read: (p, o) => readCsv(p, o), write: (t, p) => writeCsv(t, p) },
  '.tsv': { name: 'TSV', read: (p, o) => readCsv(p, { ...o, delimiter: '\t' }), write: (t, p) => writeCsv(t, p, { delimiter: '\t' }) },
};

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
 * `.arrows`, `.parquet`, `.csv`, `.tsv`).
 *
 * @example
 * const inputs = await readTable('data/prices.parquet');
 * const features = await dr.execute(outputs, { inputs });
 */
export function readTable(path: string, options: NoteOptions = {}): Promise<Table> {
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
