/**
 * How an error message names rows of the data the user passed. By default a message says
 * `row 3` or `rows 0 and 2 (counting from 0)`, indices into the user's own arrays; a caller that
 * read the data from a file (the command line) passes `rowNames` to name what the user sees
 * there instead: `lines 2 and 4 of sales.csv`.
 */

/**
 * Input rows (counting from 0, ascending) as the phrase a message puts where it would say
 * `rows 0 and 2`: it names the noun too (`line 5 of sales.csv`, `lines 2 and 4 of sales.csv`).
 *
 * @example
 * const rowNames: RowNames = (rows) =>
 *   `${rows.length === 1 ? 'line' : 'lines'} ${listed(rows.map((r) => r + 2))} of sales.csv`;
 * entityHistory(table, { entity: 'store', time: 'date', rowNames });
 * // InputError: … appears on lines 2 and 4 of sales.csv. Keep one row per entity and time …
 */
export type RowNames = (rows: readonly number[]) => string;

/**
 * Numbers as an English list: `2`, `2 and 4`, `2, 3 and 4`.
 *
 * @example
 * listed([2, 3, 4]); // '2, 3 and 4'
 */
export function listed(items: readonly (number | string)[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
