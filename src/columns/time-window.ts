/**
 * The bounds of offset windows (pandas' `VariableWindowIndexer` with `closed='right'`): row i's
 * window is the rows of its entity whose time lies in (t[i] − offset, t[i]], i.e. from the first
 * such row up to and including i. The kernels (rolling-offset.ts) move the window start with the time
 * column inside their own loop and check the order there; `ascendingTimes` is the check on its
 * own, and names the entity and rows when a time is out of order.
 */
import { InputError } from '../errors';
import { checkGroups, type Groups } from './groups';
import { epochMillis } from './time-input';
import { formatTime } from '../timeseries/time';

function entityText(groups: Groups | undefined, g: number, start: number, end: number): string {
  if (groups === undefined) return 'the column (no opts.groups)';
  const key = groups.keys?.[g];
  const shown = typeof key === 'string' ? `"${key}"` : String(key);
  const name = key === undefined ? `entity ${g + 1} of ${groups.count}` : `entity ${shown}`;
  return `${name} (rows ${start}–${end - 1})`;
}

/**
 * `time` as epoch ms, checked for offset windows: a finite time per row, non-decreasing within
 * each entity (equal times are allowed, as in pandas); else an `InputError` names the entity and
 * the rows. One read of `time`, nothing allocated for a `Float64Array`. `kernel` names the caller.
 *
 * @example
 * ascendingTimes('rollingSum', Float64Array.of(0, 1, 5), undefined);   // the same Float64Array
 */
export function ascendingTimes(kernel: string, time: unknown, groups: Groups | undefined): Float64Array {
  const t = offsetTimes(kernel, time, groups);
  const n = t.length;
  const count = groups === undefined ? 1 : groups.count;
  for (let g = 0; g < count; g++) {
    const start = groups === undefined ? 0 : groups.starts[g];
    const end = groups === undefined || g + 1 === count ? n : groups.starts[g + 1];
    let prev = -Infinity;
    for (let i = start; i < end; i++) {
      const ti = t[i];
      if (!(ti >= prev) || ti - ti !== 0) throw notAscending(kernel, t, i, groups, g, start, end);
      prev = ti;
    }
  }
  return t;
}

/**
 * `time` as epoch ms for an offset window, with `groups` checked against its length, but not its
 * order: for kernels that check the order inside their own loop (and call `ascendingTimes` for the
 * error when they find a row out of order). Without `time` an `InputError` says to pass it.
 *
 * @example
 * offsetTimes('rollingSum', Float64Array.of(0, 5, 1), undefined);   // the same Float64Array, unchecked order
 */
export function offsetTimes(kernel: string, time: unknown, groups: Groups | undefined): Float64Array {
  if (time === undefined) {
    throw new InputError(
      `${kernel}: an offset window needs opts.time, the time of each row ` +
        '(epoch ms or an Arrow Date/Timestamp vector); ' +
        'pass { time } or give the window as a number of rows.',
    );
  }
  const t = epochMillis(kernel, time);
  if (groups !== undefined) checkGroups(kernel, groups, t.length);
  return t;
}

function notAscending(
  kernel: string, t: Float64Array, i: number, groups: Groups | undefined, g: number, start: number, end: number,
): InputError {
  const where = entityText(groups, g, start, end);
  if (!Number.isFinite(t[i])) {
    return new InputError(
      `${kernel}: opts.time has no time at row ${i} (${t[i]}) in ${where}; every row needs a time.`,
    );
  }
  return new InputError(
    `${kernel}: opts.time is not ascending in ${where}: ` +
      `rows ${i - 1} and ${i} hold ${formatTime(t[i - 1])} then ${formatTime(t[i])}. ` +
      "An offset window needs each entity's rows in time order: sort by (entity, time) first (entityHistory does).",
  );
}
