/**
 * What `quiver run` prints after it wrote the table: the first rows of its first columns, which
 * columns hold missing values, and the line that opens the file in pandas or polars.
 */
import { DataType, type Table } from 'apache-arrow';

/** How much of the table the preview shows. */
export interface PreviewOptions {
  readonly rows?: number;
  readonly columns?: number;
  /** Widest a cell is printed (longer text ends in `…`). */
  readonly width?: number;
  /** Rows of the whole result when `table` holds only its first rows (a run written part by part). */
  readonly totalRows?: number;
}

function cell(value: unknown, type: DataType, width: number): string {
  let text: string;
  if (value === null || value === undefined) text = 'null';
  else if ((DataType.isTimestamp(type) || DataType.isDate(type)) && (typeof value === 'number' || typeof value === 'bigint')) {
    const d = new Date(Number(value));
    text = Number.isNaN(d.getTime()) ? String(value) : d.toISOString().replace('T00:00:00.000Z', '').replace('.000Z', 'Z');
  } else if (value instanceof Date) text = value.toISOString().replace('T00:00:00.000Z', '');
  else if (typeof value === 'number') text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  else text = String(value);
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/**
 * The first `rows` rows of the first `columns` columns, as aligned text under a title line.
 *
 * @example
 * previewTable(table, { rows: 3, columns: 4 });
 * // 'First 3 of 6 rows, 2 of 2 columns:\n  sales2  rainSeen\n  10      1\n  …'
 */
export function previewTable(table: Table, options: PreviewOptions = {}): string {
  const rows = Math.min(options.rows ?? 5, table.numRows);
  const fields = table.schema.fields.slice(0, options.columns ?? 6);
  const width = options.width ?? 16;
  const total = options.totalRows ?? table.numRows;
  if (fields.length === 0 || rows === 0) return `The table has ${total} rows and ${table.numCols} columns.`;
  const grid = fields.map((field, j) => {
    const vector = table.getChildAt(j)!;
    const values = [field.name.length > width ? `${field.name.slice(0, width - 1)}…` : field.name];
    for (let i = 0; i < rows; i++) values.push(cell(vector.get(i), field.type, width));
    return values;
  });
  const widths = grid.map((column) => Math.max(...column.map((v) => v.length)));
  const lines = grid[0].map((_, i) => `  ${grid.map((column, j) => column[i].padEnd(widths[j])).join('  ').trimEnd()}`);
  const title =
    `First ${rows} of ${total.toLocaleString('en-US')} rows, ${fields.length} of ` +
    `${table.numCols.toLocaleString('en-US')} columns:`;
  return [title, ...lines].join('\n');
}

/** Nulls, plus NaN in float columns: what pandas' `isna()` counts. */
function missing(table: Table, j: number): number {
  const vector = table.getChildAt(j)!;
  let n = vector.nullCount;
  if (!DataType.isFloat(vector.type)) return n;
  if (n === 0) {
    const values = vector.toArray() as Float64Array | Float32Array;
    for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) n++;
  } else {
    // null slots hold arbitrary bits: look at each value (rare: quiver's float columns use NaN)
    for (let i = 0; i < vector.length; i++) {
      const v = vector.get(i) as number | null;
      if (v !== null && v !== v) n++;
    }
  }
  return n;
}

/**
 * Missing values (null, or NaN as pandas counts it) of each column, in schema order.
 *
 * @example
 * missingCounts(table); // [0, 6, 2]
 */
export function missingCounts(table: Table): number[] {
  return table.schema.fields.map((_, j) => missing(table, j));
}

/**
 * One line on missing values (null, or NaN as pandas counts it), the most affected columns first;
 * `counts` (one per column, as `missingCounts` gives) when the table is written part by part.
 *
 * @example
 * missingLine(table); // 'Missing values (null or NaN) in 2 of 8 columns: ma7 6, lag1 2.'
 */
export function missingLine(table: Table, shown = 5, counted: readonly number[] = missingCounts(table)): string {
  const counts: [string, number][] = [];
  table.schema.fields.forEach((field, j) => {
    if (counted[j] > 0) counts.push([field.name, counted[j]]);
  });
  if (counts.length === 0) return 'No missing values.';
  counts.sort((a, b) => b[1] - a[1]);
  const listed = counts.slice(0, shown).map(([name, n]) => `${name} ${n.toLocaleString('en-US')}`).join(', ');
  const more = counts.length > shown ? `, … ${counts.length - shown} more` : '';
  return `Missing values (null or NaN) in ${counts.length} of ${table.numCols} columns: ${listed}${more}.`;
}

/**
 * How to open the written file in Python, by its extension; `undefined` for a format pandas and
 * polars have no one-liner for.
 *
 * @example
 * openHint('out/features.parquet');
 * // 'Open it in Python: pd.read_parquet("out/features.parquet") or pl.read_parquet("out/features.parquet") (pandas needs pyarrow)'
 */
export function openHint(file: string): string | undefined {
  const p = JSON.stringify(file);
  const ext = (/\.[^./\\]+$/.exec(file)?.[0] ?? '').toLowerCase();
  const pair: Record<string, [string, string]> = {
    '.arrow': [`pd.read_feather(${p})`, `pl.read_ipc(${p})`],
    '.feather': [`pd.read_feather(${p})`, `pl.read_ipc(${p})`],
    '.ipc': [`pd.read_feather(${p})`, `pl.read_ipc(${p})`],
    '.arrows': [`pa.ipc.open_stream(${p}).read_pandas()`, `pl.read_ipc_stream(${p})`],
    '.parquet': [`pd.read_parquet(${p})`, `pl.read_parquet(${p})`],
    '.csv': [`pd.read_csv(${p})`, `pl.read_csv(${p})`],
    '.tsv': [`pd.read_csv(${p}, sep="\\t")`, `pl.read_csv(${p}, separator="\\t")`],
    '.ndjson': [`pd.read_json(${p}, lines=True)`, `pl.read_ndjson(${p})`],
    '.jsonl': [`pd.read_json(${p}, lines=True)`, `pl.read_ndjson(${p})`],
    '.json': [`pd.read_json(${p})`, `pl.read_json(${p})`],
  };
  const found = pair[ext];
  if (found === undefined) return undefined;
  const binary = ext !== '.csv' && ext !== '.tsv' && !ext.startsWith('.json') && ext !== '.ndjson';
  return `Open it in Python: ${found[0]} or ${found[1]}${binary ? ' (pandas needs pyarrow)' : ''}`;
}
