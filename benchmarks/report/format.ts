/** Number formatting for the results tables. */

/**
 * A number for a table cell: '—' for missing, thousands separators, `digits` decimals.
 *
 * @example
 * cell(1234.567, 1)  // '1,234.6'
 */
export function cell(x: unknown, digits = 0): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * A ratio cell like `1.32×`.
 *
 * @example
 * times(1.3249)  // '1.32×'
 */
export function times(x: unknown): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${x.toFixed(x >= 100 ? 0 : 2)}×` : '—';
}

/**
 * `a / b` when both are numbers.
 *
 * @example
 * div(3, 2)  // 1.5
 */
export function div(a: unknown, b: unknown): number | undefined {
  return typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : undefined;
}

/**
 * A markdown table from a header row and body rows.
 *
 * @example
 * table(['a', 'b'], [['1', '2']])  // ['| a | b |', '|---|---|', '| 1 | 2 |']
 */
export function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
