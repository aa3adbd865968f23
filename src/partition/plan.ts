/**
 * Entities split into partitions balanced by row count. The history is sorted by entity, so a
 * partition is a contiguous run of whole entities: concatenating the partitions' results in
 * order gives the unpartitioned result row for row.
 */
import type { Groups } from '../columns';
import { InputError } from '../errors';

/** One partition: entities `[firstGroup, firstGroup + groups)` and history rows `[start, end)`. */
export interface Partition {
  readonly index: number;
  readonly firstGroup: number;
  readonly groups: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Splits the groups (entities) of a sorted history of `rows` rows into at most `count`
 * partitions of whole entities, each close to `rows / count` rows: a partition ends at the
 * entity boundary nearest its share. Fewer partitions come back when there are fewer entities;
 * none is empty.
 *
 * @example
 * planPartitions({ starts: Int32Array.of(0, 10, 12, 30), count: 4 }, 40, 2);
 * // [{ index: 0, firstGroup: 0, groups: 2, start: 0, end: 12 }, { index: 1, firstGroup: 2, groups: 2, start: 12, end: 40 }]
 */
export function planPartitions(groups: Groups, rows: number, count: number): Partition[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new InputError([{ code: 'partitions', message: `partitions is ${String(count)}; give a whole number, 1 or more.`, nodes: ['partitions'] }]);
  }
  const { starts } = groups;
  const n = groups.count;
  if (n === 0) return [{ index: 0, firstGroup: 0, groups: 0, start: 0, end: rows }];
  const parts = Math.min(count, n);
  const boundary = (k: number) => (k < n ? starts[k] : rows);
  const out: Partition[] = [];
  let g = 0;
  for (let p = 0; p < parts; p++) {
    const first = g;
    const last = n - (parts - p - 1); // leave at least one entity for each partition after this
    const target = (rows * (p + 1)) / parts;
    let next = first + 1;
    while (next + 1 <= last && Math.abs(boundary(next + 1) - target) < Math.abs(boundary(next) - target)) next++;
    if (p === parts - 1) next = n;
    g = next;
    out.push({ index: p, firstGroup: first, groups: g - first, start: boundary(first), end: boundary(g) });
  }
  return out;
}
