/**
 * `asOfJoin`'s `by` as one key per row: one column's values as they are, or, for a list of
 * columns, each row's combination of values numbered the same way on both sides — so the matcher
 * (as-of-index.ts) compares one number per row, whatever the number of key columns.
 */

/** Numbers each distinct value of `column` (NaN one value, as `Map` keys are), continuing `ids`. */
function numberValues(column: ArrayLike<unknown>, ids: Map<unknown, number>): Float64Array {
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = ids.size));
    out[i] = id;
  }
  return out;
}

/**
 * One key per row for each side: with one column, its values; with several, a number per
 * combination of values, equal on both sides exactly when every column's values are equal
 * (`===`, NaN equal to NaN). Combinations are numbered through their per-column ids, as one
 * integer while the product of the cardinalities stays exact in a double, else as a string.
 *
 * @example
 * compositeKeys([['A', 'A'], [1, 2]], [['A'], [2]]);   // { left: [0, 1], right: [1] }: row 1 of left matches
 */
export function compositeKeys(
  left: readonly ArrayLike<unknown>[], right: readonly ArrayLike<unknown>[],
): { left: ArrayLike<unknown>; right: ArrayLike<unknown> } {
  if (left.length === 1) return { left: left[0], right: right[0] };
  const perColumn = left.map((l, c) => {
    const ids = new Map<unknown, number>();
    return { left: numberValues(l, ids), right: numberValues(right[c], ids), size: ids.size };
  });
  let product = 1;
  for (const c of perColumn) product *= Math.max(1, c.size);
  const combine = (which: 'left' | 'right', rows: number): ArrayLike<unknown> => {
    if (product <= Number.MAX_SAFE_INTEGER) {
      const out = new Float64Array(rows);
      for (const c of perColumn) {
        const ids = c[which];
        for (let i = 0; i < rows; i++) out[i] = out[i] * c.size + ids[i];
      }
      return out;
    }
    const out = new Array<string>(rows).fill('');
    for (const c of perColumn) {
      const ids = c[which];
      for (let i = 0; i < rows; i++) out[i] += `${ids[i]},`;
    }
    return out;
  };
  return { left: combine('left', left[0].length), right: combine('right', right[0].length) };
}
