/**
 * The matching behind `asOfJoin`, on plain arrays: for each left row, the right row of the same
 * key whose time is the last at or before (backward), the first at or after (forward) or the
 * nearest to the left row's time — pandas `merge_asof`. Right sorted by (key, time) already is
 * found in one pass and used as it is; otherwise it is bucketed by key (a counting sort, O(m)) and
 * each bucket sorted by time only when it is not in time order already (O(m log m) at worst).
 * A left row at or after the previous left time of its key steps forward from where that row
 * landed, as a two-pointer merge does (galloping past a long way), so left sorted by (key, time)
 * or by time costs O(n + m); a row earlier than its key's previous one is a galloping search,
 * O(log m).
 */

/** Right rows a left row steps over one by one before galloping (left sorted by (key, time)). */
const STEPS = 8;

/** Which right row a left row takes. */
export type AsOfDirection = 'backward' | 'forward' | 'nearest';

/** How the rows are matched, checked already. */
export interface AsOfMatch {
  readonly direction: AsOfDirection;
  /** Largest time distance allowed, inclusive (ms); `Infinity` for none. */
  readonly tolerance: number;
  /** Whether a right row stamped exactly at the left row's time matches. */
  readonly allowExactMatches: boolean;
}

/** Right's rows bucketed by key, each bucket sorted by time (stable, so equal times keep right's order). */
interface Buckets {
  readonly ids: Map<unknown, number>;
  /** Bucket b is positions `start[b]` … `start[b + 1] − 1` of `rows` / `times`. */
  readonly start: Int32Array;
  /** Right's row at each position; `undefined` when position k is row k (right already sorted by (key, time)). */
  readonly rows: Int32Array | undefined;
  readonly times: Float64Array;
}

/**
 * Right's buckets without moving a row, when right is sorted by (key, time) already — each key one
 * run, times in order within it — found run by run (one scan of the keys, one of the times);
 * `undefined` when it is not.
 */
function sortedRight(time: Float64Array, keys: ArrayLike<unknown> | undefined): Buckets | undefined {
  const m = time.length;
  const ids = new Map<unknown, number>();
  const starts: number[] = [];
  for (let i = 0; i < m;) {
    const key = keys === undefined ? 0 : keys[i];
    if (ids.has(key)) return undefined; // a key seen before in another run (NaN: each NaN row is a run of its own)
    ids.set(key, ids.size);
    starts.push(i);
    const end = keys === undefined ? m : runEnd(keys, i);
    for (let k = i + 1; k < end; k++) if (time[k] < time[k - 1]) return undefined;
    i = end;
  }
  starts.push(m);
  return { ids, start: Int32Array.from(starts), rows: undefined, times: time };
}

/** The end of the run of equal keys (`===`) that starts at row `i`. */
function runEnd(keys: ArrayLike<unknown>, i: number): number {
  const key = keys[i];
  let end = i + 1;
  while (end < keys.length && keys[end] === key) end++;
  return end;
}

function bucketRight(time: Float64Array, keys: ArrayLike<unknown> | undefined): Buckets {
  const m = time.length;
  const ids = new Map<unknown, number>();
  const id = new Int32Array(m);
  let prevKey: unknown = {};
  let prevId = -1;
  for (let i = 0; i < m; i++) {
    const key = keys === undefined ? 0 : keys[i];
    if (key !== prevKey) { // runs of one key (right sorted by key) need one lookup
      let b = ids.get(key);
      if (b === undefined) ids.set(key, (b = ids.size));
      prevKey = key;
      prevId = b;
    }
    id[i] = prevId;
  }
  const start = new Int32Array(ids.size + 1);
  for (let i = 0; i < m; i++) start[id[i] + 1]++;
  for (let b = 0; b < ids.size; b++) start[b + 1] += start[b];
  // Counting sort by key, stable: each bucket holds its rows in right's order…
  const fill = start.slice(0, ids.size);
  const rows = new Int32Array(m);
  for (let i = 0; i < m; i++) rows[fill[id[i]]++] = i;
  // …then by time, only where a bucket is not in time order already (stable: equal times keep right's order).
  for (let b = 0; b < ids.size; b++) {
    const lo = start[b], hi = start[b + 1];
    let sorted = true;
    for (let k = lo + 1; k < hi && sorted; k++) sorted = time[rows[k - 1]] <= time[rows[k]];
    if (!sorted) rows.subarray(lo, hi).sort((a, c) => time[a] - time[c] || a - c);
  }
  const times = new Float64Array(m);
  for (let k = 0; k < m; k++) times[k] = time[rows[k]];
  return { ids, start, rows, times };
}

/**
 * The first position k in [lo, hi) with `times[k] > x` (`above`) or `times[k] >= x`, searched
 * from `hint` outwards (galloping), so nearby answers cost O(1).
 */
function firstPast(times: Float64Array, lo: number, hi: number, x: number, above: boolean, hint: number): number {
  let a: number, b: number;
  if (hint > lo && (above ? times[hint - 1] > x : times[hint - 1] >= x)) {
    a = lo; b = hint - 1; // the answer lies before the hint
  } else {
    let step = 1;
    a = hint;
    b = hint;
    while (b < hi && !(above ? times[b] > x : times[b] >= x)) {
      a = b + 1;
      b = Math.min(hi, b + step);
      step *= 2;
    }
  }
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (above ? times[mid] > x : times[mid] >= x) b = mid;
    else a = mid + 1;
  }
  return a;
}

/**
 * `backward` and `forward` into `out`: the first position past t (`above`: times above t, else at
 * or above) from where the previous row of the key landed, less one for backward. Left is taken a
 * run of equal keys at a time (one bucket lookup per run), each run by `stepRun`.
 */
function stepRows(
  leftTime: Float64Array, leftKeys: ArrayLike<unknown> | undefined, buckets: Buckets, above: boolean,
  backward: boolean, tolerance: number, out: Int32Array,
): void {
  const { ids, start, rows, times } = buckets;
  const hints = start.slice(0, ids.size);
  const last = new Float64Array(ids.size).fill(-Infinity);
  const n = leftTime.length;
  for (let i = 0; i < n;) {
    const end = leftKeys === undefined ? n : runEnd(leftKeys, i);
    const b = ids.get(leftKeys === undefined ? 0 : leftKeys[i]) ?? -1;
    if (b < 0) out.fill(-1, i, end);
    else {
      const lo = start[b], hi = start[b + 1];
      hints[b] = stepRun(leftTime, i, end, times, lo, hi, hints[b], last[b], above, backward, tolerance, rows, out);
      last[b] = leftTime[end - 1];
    }
    i = end;
  }
}

/**
 * Left rows `i0` … `end − 1` (one key) against the bucket `lo` … `hi − 1`, from position `h` with
 * `lastT` the key's previous left time; returns where the last row landed. A row at or after the
 * previous one steps forward as a two-pointer merge does (galloping past STEPS rows, so there is
 * no O(n·m) case); an earlier one gallops back. Tolerance and right's order are looked at only
 * when there is one (`tolerance` finite, `rows` given).
 */
function stepRun(
  leftTime: Float64Array, i0: number, end: number, times: Float64Array, lo: number, hi: number, h: number,
  lastT: number, above: boolean, backward: boolean, tolerance: number, rows: Int32Array | undefined, out: Int32Array,
): number {
  const shift = backward ? -1 : 0;
  const check = tolerance !== Infinity || rows !== undefined;
  for (let i = i0; i < end; i++) {
    const t = leftTime[i];
    if (t >= lastT) {
      let stop = h + STEPS;
      if (stop > hi) stop = hi;
      if (above) while (h < stop && times[h] <= t) h++;
      else while (h < stop && times[h] < t) h++;
      if (h === stop && h < hi) h = firstPast(times, lo, hi, t, above, h);
    } else h = firstPast(times, lo, hi, t, above, h);
    lastT = t;
    const k = h + shift;
    let r = k >= lo && k < hi ? k : -1;
    if (check && r >= 0) r = Math.abs(times[k] - t) <= tolerance ? (rows === undefined ? k : rows[k]) : -1;
    out[i] = r;
  }
  return h;
}

/**
 * For each left row, the index of its right row, or −1 when none matches (no right row of its
 * key on that side of its time, or none within `tolerance`). `leftKeys`/`rightKeys` are the
 * `by` values (equal when `===`, NaN equal to NaN); leave both out to match on time alone.
 * Times are epoch ms without NaN. Among equal right times, backward takes the last and forward
 * the first in right's order; `nearest` takes the backward row on a tie, as pandas does.
 *
 * @example
 * asOfIndex(Float64Array.of(5, 1), Float64Array.of(0, 4, 9), undefined, undefined,
 *   { direction: 'backward', tolerance: Infinity, allowExactMatches: true });   // Int32Array [1, 0]
 */
export function asOfIndex(
  leftTime: Float64Array, rightTime: Float64Array, leftKeys: ArrayLike<unknown> | undefined,
  rightKeys: ArrayLike<unknown> | undefined, match: AsOfMatch,
): Int32Array {
  const buckets = sortedRight(rightTime, rightKeys) ?? bucketRight(rightTime, rightKeys);
  const { ids, start, rows, times } = buckets;
  const hints = start.slice(0, ids.size);
  const { direction, tolerance, allowExactMatches: exact } = match;
  const n = leftTime.length;
  const out = new Int32Array(n);
  if (direction !== 'nearest') {
    // backward: the first time above t (at or above without exact matches), less one; forward: the first at or above
    const above = direction === 'backward' ? exact : !exact;
    stepRows(leftTime, leftKeys, buckets, above, direction === 'backward', tolerance, out);
    return out;
  }
  let prevKey: unknown = {};
  // The current bucket, its bounds and hint, kept in locals while left stays on one key.
  let b = -1, lo = 0, hi = 0, hint = 0;
  for (let i = 0; i < n; i++) {
    if (leftKeys !== undefined || i === 0) {
      const key = leftKeys === undefined ? 0 : leftKeys[i];
      if (key !== prevKey) {
        if (b >= 0) hints[b] = hint;
        b = ids.get(key) ?? -1;
        prevKey = key;
        if (b >= 0) { lo = start[b]; hi = start[b + 1]; hint = hints[b]; }
      }
    }
    if (b < 0) { out[i] = -1; continue; }
    const t = leftTime[i];
    // nearest: the backward row and the forward one, searched from where the backward one landed
    let back = -1, fwd = -1;
    const before = firstPast(times, lo, hi, t, exact, hint) - 1;
    if (before >= lo && t - times[before] <= tolerance) back = before;
    const after = firstPast(times, lo, hi, t, !exact, Math.max(lo, back));
    if (after < hi && times[after] - t <= tolerance) fwd = after;
    hint = after;
    let k = back;
    if (fwd >= 0 && (back < 0 || times[fwd] - t < t - times[back])) k = fwd;
    out[i] = k < 0 ? -1 : rows === undefined ? k : rows[k];
  }
  return out;
}
