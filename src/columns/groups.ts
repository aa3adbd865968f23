/**
 * Entity boundaries. Long-format history holds one row per (entity, time), each entity's rows
 * contiguous and in time order; `Groups` records where each entity starts, computed once and
 * passed to every kernel as `opts.groups` so no window, shift or fill crosses into the next entity.
 */
import { InputError } from '../errors';

/** Where each entity's run of rows starts. `starts[0]` is 0; group g is rows `starts[g]` up to the next start. */
export interface Groups {
  /** Row index where each group starts, strictly increasing; `count` entries. */
  readonly starts: Int32Array;
  /** Number of groups. */
  readonly count: number;
  /** Number of rows the groups were made from (set by {@link groupsOf}; checked against inputs). */
  readonly rows?: number;
  /** The key of each group (set by {@link groupsOf}), so messages can name the entity. */
  readonly keys?: readonly unknown[];
}

/** Keys to group by: a JS array, a typed array, or an Arrow `Vector` (anything with `get(i)` and `length`). */
export type GroupKeys = ArrayLike<unknown> | { readonly length: number; get(index: number): unknown };

function keyReader(keys: GroupKeys): ((i: number) => unknown) | undefined {
  if (Array.isArray(keys) || ArrayBuffer.isView(keys)) {
    const arr = keys as ArrayLike<unknown>;
    return (i) => arr[i];
  }
  const vector = keys as { length?: unknown; get?: unknown };
  if (vector !== null && typeof vector === 'object' && typeof vector.get === 'function' && typeof vector.length === 'number') {
    const get = vector.get as (i: number) => unknown;
    return (i) => get.call(vector, i);
  }
  return undefined;
}

function show(key: unknown): string {
  return typeof key === 'string' ? `"${key}"` : String(key);
}

/**
 * Groups of `rows` rows that start at `starts`, with their keys, in the one object shape
 * `groupsOf` makes: the per-entity kernels V8 compiled for that shape stay compiled when they are
 * given groups made elsewhere (a partition's, the isolation check's sample), instead of
 * deoptimizing on "wrong map" and compiling again.
 *
 * @example
 * groupsAt(Int32Array.of(0, 2), 3, ['AAPL', 'MSFT']);   // { starts, count: 2, rows: 3, keys: ['AAPL', 'MSFT'] }
 */
export function groupsAt(starts: Int32Array, rows: number, keys?: readonly unknown[]): Groups {
  return keys === undefined ? { starts, count: starts.length, rows } : { starts, count: starts.length, rows, keys };
}

/**
 * One group per run of equal keys. Keys must already be sorted by entity (and by time within
 * it): a key that comes back after another key is an `InputError` naming the key and its rows.
 * NaN keys equal each other, as do nulls.
 *
 * @example
 * const groups = groupsOf(['AAPL', 'AAPL', 'MSFT']);   // { starts: Int32Array [0, 2], count: 2, rows: 3 }
 * rollingMean(price, 2, { groups });
 */
export function groupsOf(keys: GroupKeys): Groups {
  const read = keyReader(keys);
  if (read === undefined) {
    throw new InputError(
      'groupsOf: keys must be an array, a typed array or an Arrow Vector of entity keys; ' +
        `got ${keys === null ? 'null' : typeof keys}.`,
    );
  }
  const n = keys.length;
  const starts = new Int32Array(n);
  const seen = new Map<unknown, number>(); // key → its group
  const groupKeys: unknown[] = [];
  let count = 0;
  let prev: unknown;
  for (let i = 0; i < n; i++) {
    const key = read(i);
    if (i > 0 && (key === prev || (key !== key && prev !== prev))) continue;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const from = starts[earlier];
      const to = starts[earlier + 1] - 1;
      const rows = from === to ? `row ${from}` : `rows ${from}–${to}`;
      throw new InputError(
        `groupsOf: key ${show(key)} appears at ${rows} and again at row ${i}, after key ${show(prev)}. ` +
          "Each entity's rows must be contiguous: sort the rows by (entity, time) first.",
      );
    }
    seen.set(key, count);
    groupKeys.push(key);
    starts[count++] = i;
    prev = key;
  }
  return groupsAt(starts.slice(0, count), n, groupKeys);
}

/**
 * The group of each row (0 … count−1), e.g. to look up a per-entity table.
 *
 * @example
 * groupIndex(groupsOf(['a', 'a', 'b']));   // Int32Array [0, 0, 1]
 */
export function groupIndex(groups: Groups, rows?: number): Int32Array {
  const n = rows ?? groups.rows;
  if (n === undefined) {
    throw new InputError('groupIndex: these groups do not record their row count; pass it: groupIndex(groups, rows).');
  }
  checkGroups('groupIndex', groups, n);
  const index = new Int32Array(n);
  for (let g = 0; g < groups.count; g++) {
    index.fill(g, groups.starts[g], g + 1 < groups.count ? groups.starts[g + 1] : n);
  }
  return index;
}

/**
 * Checks that `groups` describes `n` rows; an `InputError` naming `kernel` otherwise.
 *
 * @example
 * checkGroups('rollingMean', groupsOf(['a', 'b']), 2);   // passes; 3 rows would throw
 */
export function checkGroups(kernel: string, groups: Groups, n: number): void {
  // no closure made per call: every windowed kernel call runs this (thousands per frame)
  if (groups === null || typeof groups !== 'object' || !(groups.starts instanceof Int32Array)) {
    groupsMisfit(kernel, n, 'it must be { starts: Int32Array, count } as made by groupsOf');
  }
  const { starts, count } = groups;
  if (!Number.isInteger(count) || count < 0 || count > starts.length) {
    groupsMisfit(kernel, n, `count is ${count} but starts has ${starts.length} entries`);
  }
  if (groups.rows !== undefined && groups.rows !== n) groupsMisfit(kernel, n, `the groups were made from ${groups.rows} rows`);
  if (n === 0) {
    if (count !== 0) groupsMisfit(kernel, n, `it has ${count} groups`);
    return;
  }
  if (count === 0 || starts[0] !== 0) groupsMisfit(kernel, n, 'the first group must start at row 0');
  for (let g = 1; g < count; g++) {
    if (starts[g] <= starts[g - 1]) {
      groupsMisfit(kernel, n, `group starts must increase, but group ${g} starts at ${starts[g]} after ${starts[g - 1]}`);
    }
  }
  if (starts[count - 1] >= n) groupsMisfit(kernel, n, `the last group starts at row ${starts[count - 1]}`);
}

function groupsMisfit(kernel: string, n: number, why: string): never {
  throw new InputError(
    `${kernel}: opts.groups does not fit this input of ${n} rows: ${why}. ` +
      'Make the groups with groupsOf(entity) from the same rows as the input.',
  );
}
