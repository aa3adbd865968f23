/** Entity boundaries as the row-selection code walks them. */

/** What the time-series helpers read from `Groups`: each entity's first row. */
export interface GroupStarts {
  readonly starts: Int32Array;
  readonly count: number;
}

/**
 * `count + 1` offsets: entity `g` holds rows `bounds[g]` up to (not including) `bounds[g + 1]`.
 *
 * @example
 * groupBounds({ starts: Int32Array.of(0, 3), count: 2 }, 5); // Int32Array [0, 3, 5]
 */
export function groupBounds(groups: GroupStarts | undefined, rows: number): Int32Array {
  if (groups === undefined) return Int32Array.of(0, rows);
  const bounds = new Int32Array(groups.count + 1);
  bounds.set(groups.starts.subarray(0, groups.count));
  bounds[groups.count] = rows;
  return bounds;
}
