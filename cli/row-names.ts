/**
 * How the command line's messages name the rows of the `--inputs` file: a CSV/TSV file's lines as an
 * editor shows them (1-based, the header is line 1, a quoted field's line breaks counted), since
 * "rows 0 and 2" of the data match no line the user sees; the rows of other formats, which have no
 * lines, said to count from 0.
 */
import type { Table } from 'apache-arrow';
import { fileLine, hasFileLines } from '../adapters/csv/table-lines';
import { listed, type RowNames } from '../src/timeseries/row-names';

/**
 * The `rowNames` for messages about rows of `table`, read from `file`.
 *
 * @example
 * inputRowNames(await readInputs('sales.csv'), 'sales.csv')([0, 2]);       // 'lines 2 and 4 of sales.csv'
 * inputRowNames(await readInputs('sales.parquet'), 'sales.parquet')([3]);  // 'row 3 (counting from 0)'
 */
export function inputRowNames(table: Table, file: string): RowNames {
  if (!hasFileLines(table)) return (rows) => `${rows.length === 1 ? 'row' : 'rows'} ${listed(rows)} (counting from 0)`;
  return (rows) => {
    const lines = rows.map((row) => fileLine(table, row) ?? `? (row ${row})`);
    return `${rows.length === 1 ? 'line' : 'lines'} ${listed(lines)} of ${file}`;
  };
}
