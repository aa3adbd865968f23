/**
 * Writes a table as JSON records (`[{"x": 1.5, …}, …]`) or NDJSON (one record per line), the
 * layouts `readJson` reads back: null and NaN as `null`, int64 as exact digits, dates and timestamps
 * as ISO 8601 strings (`2012-01-01` when a column holds only midnights), so types survive a round trip
 * as they do through CSV. ±Infinity, which JSON cannot hold, is written as `null` too, with a
 * process warning (`QUIVER_NOTE`, `json-infinity-as-null`) naming the column and the first row: a
 * pctChange over a zero makes one, and the file would otherwise say "missing" where the value was infinite.
 */
import { Type, Vector, type Data, type Table } from 'apache-arrow';
import { InputError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import { epochMsAt, isTemporal } from '../arrow/epoch-ms';
import { float16ToNumber } from '../arrow/float64-column';
import { isValidAt } from '../arrow/validity';
import { onlyMidnights } from '../csv/csv-format';
import { atomicWrite } from '../files/atomic-write';
import { BufferedWriter } from '../files/buffered-writer';

export interface WriteJsonOptions {
  /** One record per line (NDJSON) instead of one array; default: from the extension (`.ndjson`, `.jsonl`). */
  readonly lines?: boolean;
}

const ROWS_PER_WRITE = 4096;

function jsonValue(chunk: Data, dateOnly: boolean, onInfinite: (i: number, v: number) => void): (i: number) => string {
  const valid = (i: number) => isValidAt(chunk.nullBitmap, chunk.offset, i);
  const values = chunk.values as ArrayLike<number | bigint>;
  if (chunk.type.typeId === Type.Float) {
    const half = values instanceof Uint16Array;
    return (i) => {
      const v = half ? float16ToNumber(values[i] as number) : (values[i] as number);
      if (!valid(i)) return 'null';
      if (Number.isFinite(v)) return String(v);
      if (v === Infinity || v === -Infinity) onInfinite(i, v);
      return 'null';
    };
  }
  if (chunk.type.typeId === Type.Int) return (i) => (valid(i) ? String(values[i]) : 'null');
  if (isTemporal(chunk)) {
    return (i) => {
      if (!valid(i)) return 'null';
      const iso = new Date(epochMsAt(chunk, i)).toISOString();
      return JSON.stringify(dateOnly ? iso.slice(0, 10) : iso);
    };
  }
  const vector = new Vector([chunk]);
  return (i) => (valid(i) ? JSON.stringify(vector.get(i), (_k, x) => (typeof x === 'bigint' ? String(x) : x)) ?? 'null' : 'null');
}

/**
 * Writes `table` to `path` as JSON records or NDJSON. The file appears only once complete.
 *
 * @example
 * await writeJson(features, 'features.ndjson');
 */
export async function writeJson(table: Table, path: string, options: WriteJsonOptions = {}): Promise<void> {
  assertKnownKeys(options, ['lines'], 'writeJson', InputError);
  const lines = options.lines ?? /\.(ndjson|jsonl)$/i.test(path);
  const keys = table.schema.fields.map((f) => `${JSON.stringify(f.name)}:`);
  const dateOnly = table.schema.fields.map((_, c) => {
    const column = table.getChildAt(c)!;
    return column.data.length > 0 && isTemporal(column.data[0]) && onlyMidnights(column);
  });
  const infinite: ({ row: number; value: number } | undefined)[] = [];
  await atomicWrite(path, lines ? 'NDJSON' : 'JSON', async (file) => {
    const out = new BufferedWriter(file);
    let first = true;
    if (!lines) await out.write(Buffer.from('['));
    let offset = 0;
    for (const batch of table.batches) {
      const at = offset;
      const formatters = keys.map((_, c) => jsonValue(batch.data.children[c], dateOnly[c], (i, value) => {
        if (infinite[c] === undefined) infinite[c] = { row: at + i, value };
      }));
      offset += batch.numRows;
      for (let start = 0; start < batch.numRows; start += ROWS_PER_WRITE) {
        const end = Math.min(batch.numRows, start + ROWS_PER_WRITE);
        const records: string[] = [];
        for (let i = start; i < end; i++) records.push(`{${keys.map((key, c) => key + formatters[c](i)).join(',')}}`);
        const text = lines ? records.join('\n') + '\n' : (first ? '\n' : ',\n') + records.join(',\n');
        first = false;
        await out.write(Buffer.from(text));
      }
    }
    if (!lines) await out.write(Buffer.from(first ? ']\n' : '\n]\n'));
    await out.flush();
  });
  infinite.forEach((at, c) => {
    if (at === undefined) return;
    const name = table.schema.fields[c].name;
    process.emitWarning(
      `Column "${name}" written to "${path}" holds ${at.value} at row ${at.row} (counting from 0), which JSON ` +
        'cannot hold: it is written as null, as a missing value would be. Write .arrow, .parquet or .csv to keep it.',
      { code: 'QUIVER_NOTE', detail: 'json-infinity-as-null' },
    );
  });
}
