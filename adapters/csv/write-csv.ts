/**
 * Writes a table as CSV: a header line, then one line per row (see `fieldFormatter` for how each
 * value is written). Streams batch by batch; the file appears only once complete.
 */
import type { Table } from 'apache-arrow';
import { InputError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import { isTemporal } from '../arrow/epoch-ms';
import { atomicWrite } from '../files/atomic-write';
import { BufferedWriter } from '../files/buffered-writer';
import { fieldFormatter, onlyMidnights, quoteField } from './csv-format';

export interface WriteCsvOptions {
  /** Field delimiter (default `,`). */
  readonly delimiter?: string;
}

const ROWS_PER_WRITE = 8192;

/**
 * Writes `table` to `path` as CSV. Nulls and NaN are written as empty fields (so both read back as
 * null); an empty string is written as `""` and also reads back as null. A line that would be empty
 * (one column, null) is written as `""` so that readers do not skip it.
 *
 * @example
 * await writeCsv(features, 'features.csv');
 */
export async function writeCsv(table: Table, path: string, options: WriteCsvOptions = {}): Promise<void> {
  assertKnownKeys(options, ['delimiter'], 'writeCsv', InputError);
  const delimiter = options.delimiter ?? ',';
  const names = table.schema.fields.map((f) => f.name);
  const dateOnly = names.map((_, c) => {
    const column = table.getChildAt(c)!;
    return column.data.length > 0 && isTemporal(column.data[0]) && onlyMidnights(column);
  });
  await atomicWrite(path, 'CSV', async (file) => {
    const out = new BufferedWriter(file);
    await out.write(Buffer.from(names.map((n) => quoteField(n, delimiter)).join(delimiter) + '\n'));
    for (const batch of table.batches) {
      const formatters = names.map((_, c) => fieldFormatter(batch.data.children[c], delimiter, dateOnly[c]));
      for (let start = 0; start < batch.numRows; start += ROWS_PER_WRITE) {
        const end = Math.min(batch.numRows, start + ROWS_PER_WRITE);
        const lines: string[] = [];
        for (let i = start; i < end; i++) lines.push(formatters.map((format) => format(i)).join(delimiter) || '""');
        await out.write(Buffer.from(lines.join('\n') + '\n'));
      }
    }
    await out.flush();
  });
}
