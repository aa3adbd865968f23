/**
 * Per-entity aggregates broadcast back to every row of the entity, as pandas
 * `x.groupby(entity).transform('mean' | 'sum' | …)`: NaN values are skipped; std and var use
 * ddof 1. `groups` may be `undefined` to aggregate the whole column.
 */
import { perGroup } from './per-group';
import { stats, summarize } from './group-stats';
import type { Groups } from './groups';
import { kernelOptions, type Column } from './options';

const SUM = 0, MEAN = 1, VAR = 2, STD = 3, MIN = 4, MAX = 5, COUNT = 6, FIRST = 7, LAST = 8;

/** Options of the per-entity aggregates: only where to write. */
export interface AggregateOptions {
  readonly out?: Float64Array;
}

function firstOrLast(x: Float64Array, start: number, end: number, mode: number): number {
  if (mode === FIRST) {
    for (let i = start; i < end; i++) if (x[i] === x[i]) return x[i];
  } else {
    for (let i = end - 1; i >= start; i--) if (x[i] === x[i]) return x[i];
  }
  return NaN;
}

/** Computes the aggregate `mode` of `x[start..end)` and writes it to every row of the range. */
function aggregateSegment(
  x: Float64Array, out: Float64Array, start: number, end: number, mode: number,
): void {
  let value: number;
  if (mode === FIRST || mode === LAST) value = firstOrLast(x, start, end, mode);
  else {
    summarize(x, start, end, mode === VAR || mode === STD);
    switch (mode) {
      case SUM: value = stats.sum; break;
      case MEAN: value = stats.mean; break;
      case VAR: value = stats.variance; break;
      case STD: value = Math.sqrt(stats.variance); break;
      case MIN: value = stats.min; break;
      case MAX: value = stats.max; break;
      default: value = stats.count;
    }
  }
  out.fill(value, start, end);
}

function aggregate(kernel: string, x: Column, groups: Groups | undefined, opts: AggregateOptions | undefined, mode: number) {
  kernelOptions(kernel, opts); // opts.groups, as every kernel's contract takes it, is accepted
  return perGroup(kernel, x, { groups, out: opts?.out }, aggregateSegment, mode);
}

/**
 * Sum of the entity's non-NaN values on each of its rows (`transform('sum')`); 0 when all are NaN.
 *
 * @example
 * groupSum(new Float64Array([1, 2, NaN]), groupsOf(['a', 'a', 'b']));   // [3, 3, 0]
 */
export function groupSum(x: Column, groups: Groups | undefined, opts?: AggregateOptions): Float64Array {
  return aggregate('groupSum', x, groups, opts, SUM);
}

/**
 * Mean of the entity's non-NaN values on each of its rows (`transform('mean')`); NaN when all are NaN.
 *
 * @example
 * groupMean(new Float64Array([1, 3, 5]), groupsOf(['a', 'a', 'b']));   // [2, 2, 5]
 */
export function groupMean(x: Column, groups: Groups | undefined, opts?: AggregateOptions): Float64Array {
  return aggregate('groupMean', x, groups, opts, MEAN);
}

/**
 * Sample variance (ddof 1) of the entity's non-NaN values (`transform('var')`); NaN below 2 values,
 * exactly 0 when they are all equal.
 *
 * @example
 * groupVar(new Float64Array([1, 3, 5]), groupsOf(['a', 'a', 'b']));   // [2, 2, NaN]
 */
export function groupVar(x: Column, groups: Groups | undefined, opts?: AggregateOptions): Float64Array {
  return aggregate('groupVar', x, groups, opts, VAR);
}

/**
 * Sample standard deviation (ddof 1) of the entity's non-NaN values (`transform('std')`); NaN below 2 values.
 *
 * @example
 * groupStd(new Float64Array([1, 3, 5]), groupsOf(['a', 'a', 'b']));   // [1.4142135623730951, 1.4142135623730951, NaN]
 */
export function groupStd(x: Column, groups: Groups | undefined, opts?: AggregateOptions): Float64Array {
  return aggregate('groupStd', x, groups, opts, STD);
}

/**
 * Smallest non-NaN value of the entity (`transform('min')`); NaN when all are NaN.
 *
 * @example
 * groupMin(new Float64Array([4, 2, 5]), groupsOf(['a', 'a', 'b']));   // [2, 2, 5]
 */
export function groupMin(x: Column, groups: Groups | undefined, opts?: AggregateOptions): Float64Array {
  return aggregate('groupMin', x, groups, opts, MIN);
}

/**
 * Largest non-NaN value of the entity (`transform('max')`); NaN when all are NaN.
 *
 * @example
 * groupMax(new Float64Array([4, 2, 5]), groupsOf(['a', 'a', 'b']));   // [4, 4, 5]
 */
export function groupMax(x: Column, groups: Groups | undefined, opts?: AggregateOptions): Float64Array {
  return aggregate('groupMax', x, groups, opts, MAX);
}

/**
 * Number of non-NaN values of the entity on each of its rows (`transform('count')`).
 *
 * @example
 * groupCount(new Float64Array([1, NaN, 5]), groupsOf(['a', 'a', 'b']));   // [1, 1, 1]
 */
export function groupCount(x: Column, groups: Groups | undefined, opts?: AggregateOptions): Float64Array {
  return aggregate('groupCount', x, groups, opts, COUNT);
}

/**
 * The entity's first non-NaN value on each of its rows (`transform('first')`); NaN when none.
 *
 * @example
 * groupFirst(new Float64Array([NaN, 2, 5]), groupsOf(['a', 'a', 'b']));   // [2, 2, 5]
 */
export function groupFirst(x: Column, groups: Groups | undefined, opts?: AggregateOptions): Float64Array {
  return aggregate('groupFirst', x, groups, opts, FIRST);
}

/**
 * The entity's last non-NaN value on each of its rows (`transform('last')`); NaN when none.
 *
 * @example
 * groupLast(new Float64Array([1, NaN, 5]), groupsOf(['a', 'a', 'b']));   // [1, 1, 5]
 */
export function groupLast(x: Column, groups: Groups | undefined, opts?: AggregateOptions): Float64Array {
  return aggregate('groupLast', x, groups, opts, LAST);
}
