/**
 * Whole-column reductions to one number, NaN skipped, as pandas' `Series.sum()`, `.mean()`,
 * `.std()`, … — for scalar features such as a column's mean used to centre it.
 */
import { column, type Column } from './options';
import { stats, summarize } from './group-stats';

function summary(kernel: string, x: Column, withVariance: boolean): typeof stats {
  const xs = column(kernel, 'x', x);
  summarize(xs, 0, xs.length, withVariance);
  return stats;
}

/**
 * Sum of the non-NaN values (pandas `x.sum()`); 0 when there are none.
 *
 * @example
 * sum(new Float64Array([1, NaN, 2]));   // 3
 */
export function sum(x: Column): number {
  return summary('sum', x, false).sum;
}

/**
 * Mean of the non-NaN values (pandas `x.mean()`); NaN when there are none.
 *
 * @example
 * mean(new Float64Array([1, NaN, 2]));   // 1.5
 */
export function mean(x: Column): number {
  return summary('mean', x, false).mean;
}

/**
 * Sample variance (ddof 1) of the non-NaN values (pandas `x.var()`); NaN below 2 values, 0 when all are equal.
 *
 * @example
 * variance(new Float64Array([1, 2, 3, NaN]));   // 1
 */
export function variance(x: Column): number {
  return summary('variance', x, true).variance;
}

/**
 * Sample standard deviation (ddof 1) of the non-NaN values (pandas `x.std()`); NaN below 2 values.
 *
 * @example
 * std(new Float64Array([1, 3]));   // 1.4142135623730951
 */
export function std(x: Column): number {
  return Math.sqrt(summary('std', x, true).variance);
}

/**
 * Smallest non-NaN value (pandas `x.min()`); NaN when there are none.
 *
 * @example
 * min(new Float64Array([3, NaN, 1]));   // 1
 */
export function min(x: Column): number {
  return summary('min', x, false).min;
}

/**
 * Largest non-NaN value (pandas `x.max()`); NaN when there are none.
 *
 * @example
 * max(new Float64Array([3, NaN, 1]));   // 3
 */
export function max(x: Column): number {
  return summary('max', x, false).max;
}

/**
 * Number of non-NaN values (pandas `x.count()`).
 *
 * @example
 * count(new Float64Array([3, NaN, 1]));   // 2
 */
export function count(x: Column): number {
  return summary('count', x, false).count;
}
