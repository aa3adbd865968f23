/**
 * JSON text as rows: a `.json` file holds records (an array of objects) or columns (an object of
 * arrays); a `.ndjson` file one object per line. Each row keeps the file line it starts on, for
 * error messages; a syntax error names the line too.
 */
import { fileError } from '../files/file-errors';

/** Scalar values by column, in first-seen column order, and each row's line. */
export interface JsonRows {
  readonly names: string[];
  readonly values: Map<string, unknown[]>;
  readonly lines: number[];
  /** `records`, `columns` or `lines` (NDJSON): how the file was laid out, for messages. */
  readonly layout: 'records' | 'columns' | 'lines';
}

/** Line (from 1) of each element that starts at depth 1 of a JSON array, scanning strings correctly. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1, depth = 0, inString = false, expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (expecting && c !== ']') lines.push(line);
    expecting = false;
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') expecting = ++depth === 1;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
  }
  return lines;
}

/**
 * The first key that one object of `text` holds twice, with its line: `JSON.parse` keeps the last
 * value without a word, so a repeated column name would lose data. `text` is valid JSON.
 */
function repeatedKey(text: string): { key: string; line: number } | undefined {
  const open: (Set<string> | null)[] = []; // per open bracket: an object's keys so far, or null for an array
  let line = 1, keyNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) { // a string: a key when an object expects one
      const start = i;
      for (i++; text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
      const keys = open[open.length - 1];
      if (keyNext && keys) {
        const raw = text.slice(start, i + 1);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (keys.has(key)) return { key, line };
        keys.add(key);
      }
      keyNext = false;
    } else if (c === 123) { open.push(new Set()); keyNext = true; } // {
    else if (c === 91) { open.push(null); keyNext = false; } // [
    else if (c === 125 || c === 93) open.pop(); // } ]
    else if (c === 44) keyNext = (open[open.length - 1] ?? null) !== null; // , inside an object: a key follows
  }
  return undefined;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function parse(path: string, format: string, text: string, lineOffset: number): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const at = /position (\d+)/.exec(reason);
    const line = /line (\d+)/.exec(reason)?.[1] ?? (at ? lineAt(text, Number(at[1])) : 1);
    throw fileError(path, `read ${format} from`, `line ${Number(line) + lineOffset} is not valid JSON (${reason.split('\n')[0]})`,
      'Fix the syntax there (a .json file holds one JSON value; a .ndjson file one object per line).');
  }
  const repeated = repeatedKey(text);
  if (repeated) {
    throw fileError(path, `read ${format} from`,
      `line ${repeated.line + lineOffset} holds the key "${repeated.key}" twice in one object ` +
        '(JSON keeps only the last value)',
      'Rename or remove one of them: a column name appears once per record.');
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function addRecord(path: string, format: string, rows: JsonRows, record: unknown, line: number): void {
  if (!isRecord(record)) {
    throw fileError(path, `read ${format} from`, `line ${line} holds ${Array.isArray(record) ? 'an array' : JSON.stringify(record)}, not an object`,
      'Each record must be an object of column names to values, e.g. {"city": "Oslo", "temp": 3.5}.');
  }
  const row = rows.lines.length;
  for (const [name, value] of Object.entries(record)) {
    let column = rows.values.get(name);
    if (!column) {
      rows.names.push(name);
      rows.values.set(name, (column = new Array<unknown>(row).fill(null)));
    }
    column.push(value);
  }
  rows.lines.push(line);
  for (const column of rows.values.values()) if (column.length === row) column.push(null);
}

/**
 * The rows of a JSON (`lines: false`) or NDJSON (`lines: true`) file's text.
 *
 * @example
 * jsonRows('a.json', '[{"x": 1}, {"x": 2}]', false); // { names: ['x'], values: Map { x → [1, 2] }, lines: [1, 1], … }
 */
export function jsonRows(path: string, text: string, lines: boolean): JsonRows {
  if (lines) {
    const rows: JsonRows = { names: [], values: new Map(), lines: [], layout: 'lines' };
    text.split('\n').forEach((line, i) => {
      if (line.trim() !== '') addRecord(path, 'NDJSON', rows, parse(path, 'NDJSON', line, i), i + 1);
    });
    return rows;
  }
  const value = parse(path, 'JSON', text, 0);
  if (Array.isArray(value)) {
    const rows: JsonRows = { names: [], values: new Map(), lines: [], layout: 'records' };
    const at = elementLines(text);
    for (const [i, record] of value.entries()) addRecord(path, 'JSON', rows, record, at[i] ?? 1);
    return rows;
  }
  if (isRecord(value) && Object.values(value).every(Array.isArray)) return columnRows(path, value as Record<string, unknown[]>);
  throw fileError(path, 'read JSON from', 'it holds neither records (an array of objects) nor columns (an object of arrays)',
    'Write [{"x": 1}, {"x": 2}] or {"x": [1, 2]}.');
}

function columnRows(path: string, value: Record<string, unknown[]>): JsonRows {
  const format = 'JSON';
  const names = Object.keys(value);
  const length = names.length === 0 ? 0 : value[names[0]].length;
  for (const name of names) {
    if (value[name].length !== length) {
      throw fileError(path, `read ${format} from`,
        `column "${name}" has ${value[name].length} values but column "${names[0]}" has ${length}`,
        'Every column of the object must have one value per row.');
    }
  }
  return { names, values: new Map(names.map((n) => [n, value[n]])), lines: Array.from({ length }, (_, i) => i), layout: 'columns' };
}
