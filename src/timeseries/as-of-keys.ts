/**
 * `asOfJoin`'s `by` as one key per row: one column's values as they are, or, for a list of
 * columns, each row's combination of values numbered the same way on both sides — so the matcher
 * (as-of-index.ts) compares one number per row, whatever the number of key columns.
 */

/** Numbers each distinct value of `column` (NaN one value, as `Map` keys are), continuing `ids`. */
function numberValues(column: ArrayLike<unknown>, ids: Map<unknown, number>): Float64Array {
  const out = new Float64Array(column.length);
  let prev: unknown = {};
  let id = -1;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v !== prev) { // a run of one value (a table sorted by key) costs one lookup
      let known = ids.get(v);
      if (known === undefined) ids.set(v, (known = ids.size));
      prev = v;
      id = known;
    }
    out[i] = id;
  }
  return out;
}

/**
 * One key per row for each side, a number (the matcher then reads one typed array, whatever the
 * key columns held): with one column, its values numbered alike on both sides; with several, a number per
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
  const perColumn = left.map((l, c) => {
    const ids = new Map<unknown, number>();
    return { left: numberValues(l, ids), right: numberValues(right[c], ids), size: ids.size };
  });
  let product = 1;
  for (const c of perColumn) product *= Math.max(1, c.size);
  const combine = (which: 'left' | 'right', rows: number): ArrayLike<unknown> => {
    if (perColumn.length === 1) return perColumn[0][which];
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
