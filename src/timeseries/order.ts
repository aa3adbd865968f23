/**
 * The (entity, time) order of long-format history: one stable permutation that sorts rows by
 * entity, then by time, and the check that no (entity, time) pair appears twice.
 */
import { InputError, type Issue } from '../errors';
import { cellAt, columnLength, isVectorLike } from './rows';
import { describe, formatTime } from './time';
import { listed, type RowNames } from './row-names';

const MAX_LISTED = 20;

/** Orders entity keys (all of one kind): numbers and bigints by value, strings by UTF-16 code units. */
export function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === typeof b && (typeof a === 'number' || typeof a === 'bigint' || typeof a === 'string')) {
    return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  }
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

const KEY_KINDS = new Set(['string', 'number', 'bigint', 'boolean']);

/**
 * Entity keys must be of one kind: the number 10 and the string "10" would be two entities shown
 * alike in the frame, and an object (a Date) is a key by identity, so every row its own entity.
 */
function checkKeyKinds(keys: unknown[], firstRow: number[], name: string, rowNames?: RowNames): void {
  const fix = 'Convert the entity column to one type first (e.g. every key a string: String(key)).';
  const onRow = (row: number) => (rowNames ? rowNames([row]) : `row ${row}`);
  const bad = keys.findIndex((key) => !KEY_KINDS.has(typeof key));
  if (bad >= 0) {
    throw new InputError(
      `Entity column "${name}" holds ${describe(keys[bad])} on ${onRow(firstRow[bad])}; an entity key must be a string, ` +
        `a number, a bigint or a boolean. ${fix}`,
      [name],
    );
  }
  const other = keys.findIndex((key) => typeof key !== typeof keys[0]);
  if (other >= 0) {
    const show = (k: number) => `the ${typeof keys[k]} ${describe(keys[k])} on ${onRow(firstRow[k])}`;
    throw new InputError(
      `Entity column "${name}" mixes kinds of keys: ${show(0)} and ${show(other)}; ` +
        `they would be different entities, shown alike in the frame. ${fix}`,
      [name],
    );
  }
}

/** Each row's entity as a rank in sorted key order (0 = smallest key), plus the sorted keys. */
function rankEntities(entity: unknown, name: string, rowNames?: RowNames): { codes: Int32Array; keys: unknown[] } {
  const n = columnLength(entity, name);
  const codeOf = new Map<unknown, number>();
  const raw = new Int32Array(n);
  const missing: number[] = [];
  const firstRow: number[] = []; // per code, the first row holding the key
  let prevKey: unknown, prevCode = -1; // a run of one key (history sorted by entity) needs one lookup
  const plain = isVectorLike(entity) ? undefined : (entity as ArrayLike<unknown>); // read as it is, not by cellAt
  for (let i = 0; i < n; i++) {
    const key = plain === undefined ? cellAt(entity, i) : plain[i];
    if (prevCode >= 0 && key === prevKey) {
      raw[i] = prevCode;
      continue;
    }
    if (key === null || key === undefined || (typeof key === 'number' && Number.isNaN(key))) {
      missing.push(i);
      continue;
    }
    let code = codeOf.get(key);
    if (code === undefined) {
      codeOf.set(key, (code = codeOf.size));
      firstRow.push(i);
    }
    raw[i] = code;
    prevKey = key;
    prevCode = code;
  }
  if (missing.length > 0) {
    const rows = rowNames
      ? rowNames(missing.slice(0, 5)) + (missing.length > 5 ? ` (and ${missing.length - 5} more rows)` : '')
      : `row${missing.length > 1 ? 's' : ''} ${missing.slice(0, 5).join(', ')}` +
        (missing.length > 5 ? `, … (${missing.length} rows)` : '');
    throw new InputError(
      `Entity column "${name}" is missing on ${rows}. ` +
        'Every row must belong to an entity; drop those rows or fill the entity first.',
      [name],
    );
  }
  const firstSeen = [...codeOf.keys()];
  checkKeyKinds(firstSeen, firstRow, name, rowNames);
  const sorted = firstSeen.map((key, code) => ({ key, code })).sort((a, b) => compareKeys(a.key, b.key));
  const rank = new Int32Array(sorted.length);
  sorted.forEach((entry, r) => {
    rank[entry.code] = r;
  });
  for (let i = 0; i < n; i++) raw[i] = rank[raw[i]];
  return { codes: raw, keys: sorted.map((entry) => entry.key) };
}

/** True when rows are already sorted by (code, time) with no tie. */
function isOrdered(codes: Int32Array, time: Float64Array): boolean {
  for (let i = 1; i < codes.length; i++) {
    if (codes[i] < codes[i - 1] || (codes[i] === codes[i - 1] && time[i] <= time[i - 1])) return false;
  }
  return true;
}

/** Counting sort by entity code (stable), then a stable sort by time inside each entity. */
function sortRows(codes: Int32Array, time: Float64Array, entities: number): Int32Array {
  const n = codes.length;
  const next = new Int32Array(entities + 1);
  for (let i = 0; i < n; i++) next[codes[i] + 1]++;
  for (let e = 0; e < entities; e++) next[e + 1] += next[e];
  const bounds = next.slice();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[codes[i]]++] = i;
  for (let e = 0; e < entities; e++) {
    const lo = bounds[e];
    const hi = bounds[e + 1];
    let sorted = true;
    for (let i = lo + 1; i < hi && sorted; i++) sorted = time[order[i]] >= time[order[i - 1]];
    if (!sorted) {
      const part = Array.from(order.subarray(lo, hi)).sort((a, b) => time[a] - time[b] || a - b);
      order.set(part, lo);
    }
  }
  return order;
}

/** Every (entity, time) pair that appears on more than one row, as one issue each. */
function duplicateIssues(
  codes: Int32Array, time: Float64Array, order: Int32Array | null, keys: unknown[], names: OrderNames,
): Issue[] {
  const issues: Issue[] = [];
  const n = codes.length;
  const at = (i: number) => (order === null ? i : order[i]);
  let pairs = 0;
  for (let i = 1; i < n; i++) {
    const a = at(i - 1);
    if (codes[at(i)] !== codes[a] || time[at(i)] !== time[a]) continue;
    const rows = [a];
    while (i < n && codes[at(i)] === codes[a] && time[at(i)] === time[a]) rows.push(at(i++));
    pairs++;
    if (issues.length === MAX_LISTED) continue;
    rows.sort((x, y) => x - y);
    const where = names.rowNames ? names.rowNames(rows) : `rows ${listed(rows)} (counting from 0)`;
    issues.push({
      code: 'duplicate_entity_time',
      message:
        `Duplicate (entity, time) pair: ${names.entity} ${describe(keys[codes[a]])} at ${formatTime(time[a])} ` +
        `appears on ${where}. Keep one row per entity and time: aggregate or drop the duplicates first.`,
      nodes: [names.entity, names.time],
    });
  }
  if (pairs > MAX_LISTED) {
    issues.push({
      code: 'duplicate_entity_time',
      message: `… and ${pairs - MAX_LISTED} more duplicate (${names.entity}, ${names.time}) pairs.`,
      nodes: [names.entity, names.time],
    });
  }
  return issues;
}

/** The columns' names for messages, and how they name rows (default `row 3`; see `RowNames`). */
export interface OrderNames {
  readonly entity: string;
  readonly time: string;
  readonly rowNames?: RowNames;
}

/** The result of `entityTimeOrder`. */
export interface EntityTimeOrder {
  /** Row `i` of the sorted history is input row `order[i]`; `null` when the input is already sorted. */
  readonly order: Int32Array | null;
  /** The distinct entities in sorted order. */
  readonly entities: readonly unknown[];
}

/**
 * The stable permutation that sorts long-format rows by (entity, time): entities by key
 * (numbers by value, strings by code units), then time ascending. Input already in that
 * order gives `order: null` (nothing to copy). A repeated (entity, time) pair is an
 * `InputError` naming each pair with its rows; a missing entity is one too.
 *
 * @example
 * const { order } = entityTimeOrder(['b', 'a', 'a'], Float64Array.of(1, 2, 1), { entity: 'city', time: 'day' });
 * // order = Int32Array [2, 1, 0]
 */
export function entityTimeOrder(
  entity: unknown, time: Float64Array, names: OrderNames,
): EntityTimeOrder {
  const { codes, keys } = rankEntities(entity, names.entity, names.rowNames);
  if (codes.length !== time.length) {
    throw new InputError(
      `Entity column "${names.entity}" has ${codes.length} rows but time column "${names.time}" has ${time.length}. ` +
        'Both must describe the same rows.',
      [names.entity, names.time],
    );
  }
  const order = isOrdered(codes, time) ? null : sortRows(codes, time, keys.length);
  const issues = order === null ? [] : duplicateIssues(codes, time, order, keys, names);
  if (issues.length > 0) throw new InputError(issues);
  return { order, entities: keys };
}
