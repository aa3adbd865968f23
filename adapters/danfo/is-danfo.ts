/** Recognizes danfo.js DataFrames and Series by shape, without loading danfo. */

/** What quiver reads from a danfo DataFrame or Series. */
export interface DanfoLike {
  readonly ndim: number;
  readonly columns: string[];
  readonly dtypes: string[];
  readonly getColumnData: unknown;
  readonly values: unknown;
}

/**
 * True for a danfo.js `DataFrame` or `Series` (any copy of danfo: checked by shape, so calling it
 * never loads danfo).
 *
 * @example
 * isDanfo(new dfd.DataFrame({ x: [1, 2] })); // true
 * isDanfo({ x: [1, 2] });                    // false
 */
export function isDanfo(x: unknown): x is DanfoLike {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as Partial<DanfoLike>;
  return (d.ndim === 1 || d.ndim === 2) && Array.isArray(d.columns) && Array.isArray(d.dtypes) && 'getColumnData' in d;
}
