/**
 * The sample the entity-isolation check runs the features on: two neighbouring entities of the
 * sorted history, cut to the rows at their common boundary (the end of the first, the start of
 * the second), and the inputs of a run on some of those rows.
 */
import type { Groups } from '../columns';
import { groupsAt } from '../columns/groups';
import { takeRows } from './rows';
import { isColumn } from '../util/shapes';

/** Two neighbouring entities and the rows of each that the check uses. */
export interface IsolationSample {
  /** Index (in `groups` order) of the entity that comes first in the history; the other is `first + 1`. */
  readonly first: number;
  /** History rows of the first entity's tail and of the second entity's head, each in time order. */
  readonly rows: readonly [Int32Array, Int32Array];
}

function range(lo: number, hi: number): Int32Array {
  const out = new Int32Array(hi - lo);
  for (let k = 0; k < out.length; k++) out[k] = lo + k;
  return out;
}

/**
 * The boundary to check and the rows on each side of it: the last `rows` rows of entity `g` and
 * the first `rows` of entity `g + 1` (fewer when an entity is shorter). The pair whose two sides
 * come closest to `rows` rows each is chosen, the first such pair on a tie; `undefined` when the
 * history has fewer than two entities. The cost is bounded by `2 × rows` rows, whatever the
 * entities' sizes.
 *
 * @example
 * isolationSample({ starts: Int32Array.of(0, 3), count: 2 }, 5, 2).rows; // [Int32Array [1, 2], Int32Array [3, 4]]
 */
export function isolationSample(groups: Groups, historyRows: number, rows: number): IsolationSample | undefined {
  const { starts, count } = groups;
  if (count < 2) return undefined;
  const end = (g: number) => (g + 1 < count ? starts[g + 1] : historyRows);
  let best = 0;
  let bestRows = -1;
  for (let g = 0; g + 1 < count; g++) {
    const covered = Math.min(rows, end(g) - starts[g]) + Math.min(rows, end(g + 1) - starts[g + 1]);
    if (covered > bestRows) {
      best = g;
      bestRows = covered;
    }
    if (covered === 2 * rows) break;
  }
  const boundary = starts[best + 1];
  const tail = range(Math.max(starts[best], boundary - rows), boundary);
  const head = range(boundary, Math.min(end(best + 1), boundary + rows));
  return { first: best, rows: [tail, head] };
}

/**
 * The inputs of one run: every column of the history's length cut to `order` (history rows, in
 * the order the run lays them out), the `groups` input replaced by the run's own groups (one
 * per entity, starting at `starts`, with `keys` when the history's groups have keys: the same
 * shape as the history's), and any other input passed on as it is.
 *
 * @example
 * sampleInputs(history.inputs, history.rows, 'groups', Int32Array.of(1, 2, 3, 4), Int32Array.of(0, 2), ['a', 'b']);
 */
export function sampleInputs(
  inputs: Readonly<Record<string, unknown>>, historyRows: number, groupsName: string, order: Int32Array, starts: Int32Array,
  keys?: readonly unknown[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(inputs)) {
    const value = inputs[name];
    out[name] = isColumn(value) && (value as ArrayLike<unknown>).length === historyRows ? takeRows(value as never, order) : value;
  }
  out[groupsName] = groupsAt(starts, order.length, keys);
  return out;
}
