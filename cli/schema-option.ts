/**
 * `quiver run … --schema FILE` (a JSON object of column types) or `--schema col=type,…`: pins the
 * types of the `--inputs` columns of a CSV, TSV, JSON or NDJSON file instead of inferring them.
 * The file's columns are checked against it when it is read: an unknown column (with "did you
 * mean") or a value that is not of the declared type is an `InputError` naming the column.
 */
import * as fs from 'fs';
import type { CsvColumnSpec } from '../adapters/csv/schema-check';
import { CSV_TYPES } from '../adapters/csv/csv-types';
import { UsageError } from './errors';

/** Column → declared type, as `readTable`'s `schema` takes it. */
export type SchemaOption = Readonly<Record<string, CsvColumnSpec>>;

const FORM = 'a JSON file such as schema.json ({ "price": "float64", "id": { "type": "utf8", "nullable": false } }) or col=type[,col=type]';

function spec(where: string, name: string, value: unknown): CsvColumnSpec {
  if (typeof value === 'string') return value as CsvColumnSpec;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const { type, nullable, ...rest } = value as { type?: unknown; nullable?: unknown };
    const extra = Object.keys(rest);
    if (typeof type === 'string' && (nullable === undefined || typeof nullable === 'boolean') && extra.length === 0) {
      return nullable === undefined ? (type as CsvColumnSpec) : ({ type, nullable } as CsvColumnSpec);
    }
  }
  throw new UsageError(
    `--schema ${where}: column "${name}" is ${JSON.stringify(value)}; give a type (${CSV_TYPES.join(', ')}) ` +
      'or { "type": …, "nullable": false }.',
  );
}

function fromFile(file: string): Record<string, CsvColumnSpec> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--schema ${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}); give ${FORM}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--schema ${file} is not JSON (${(error as Error).message}); give ${FORM}.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`--schema ${file} holds ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}, not an object of column types; give ${FORM}.`);
  }
  const out: Record<string, CsvColumnSpec> = {};
  for (const [name, value] of Object.entries(parsed)) out[name] = spec(file, name, value);
  return out;
}

function fromPairs(text: string): Record<string, CsvColumnSpec> {
  const out: Record<string, CsvColumnSpec> = {};
  for (const pair of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = pair.lastIndexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`--schema takes ${FORM} (got "${text}").`);
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim() as CsvColumnSpec;
  }
  return out;
}

/**
 * `--schema` (repeatable; later columns win) → the schema so far. A value that names an existing
 * file, or ends in `.json`, is read as JSON; otherwise it is `col=type` pairs.
 *
 * @example
 * parseSchema('price=float64,id=utf8'); // { price: 'float64', id: 'utf8' }
 * parseSchema('schema.json');           // what the file declares
 */
export function parseSchema(text: string, previous: SchemaOption = {}): SchemaOption {
  const isFile = /\.json$/i.test(text) || (!text.includes('=') && fs.existsSync(text));
  return { ...previous, ...(isFile ? fromFile(text) : fromPairs(text)) };
}
