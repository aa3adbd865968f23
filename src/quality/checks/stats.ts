/**
 * `meanInRange: [lo, hi]` and `maxStandardDev`: statistics of a numeric column over its
 * non-missing values, as pandas' `Series.mean()` and `Series.std()` (ddof 1). A column with no
 * value (or fewer than two, for the standard deviation) has nothing to judge and passes.
 */
import { numbersOf, type Numbers } from '../numbers';
import { notApplicable, type CheckFn } from '../outcome';
import type { ValidationOutcome } from '../result';
import { formatCount, formatNumber } from '../text';
import { formatInterval } from './range';

/** Count, mean and sample standard deviation (ddof 1) of the non-NaN values. */
export interface Moments {
  readonly count: number;
  readonly mean: number;
  /** NaN when `count < 2`. */
  readonly std: number;
}

/**
 * Count, mean and standard deviation (ddof 1), NaN skipped: two passes over the values shifted by
 * the first finite one, so a constant column has std exactly 0 and its mean is that value exactly
 * (1e9 + 0.1 repeated gives 0, not the 1.6e-5 a plain sum of squares leaves from cancellation).
 *
 * @example
 * moments(Float64Array.of(1, 2, NaN, 3)); // { count: 3, mean: 2, std: 1 }
 */
export function moments(x: Float64Array): Moments {
  let shift = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i])) {
      shift = x[i];
      break;
    }
  }
  let count = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === v) {
      count++;
      sum += v - shift;
    }
  }
  const offset = count ? sum / count : NaN;
  let squares = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - shift - offset;
    if (d === d) squares += d * d;
  }
  return { count, mean: shift + offset, std: count > 1 ? Math.sqrt(squares / (count - 1)) : NaN };
}

/** Runs `judge` on the column's moments, or says the check needs a numeric column. */
function onColumnMoments(check: string, judge: (m: Moments) => ValidationOutcome): CheckFn {
  return (value) => {
    const numbers = numbersOf(value);
    if ('problem' in numbers) return notApplicable(check, 'a numeric column', value, numbers.problem);
    if ((numbers as Numbers).scalar) return notApplicable(check, 'a numeric column', value, `a single value (${formatNumber(numbers.values[0])})`);
    return judge(moments(numbers.values));
  };
}

const over = (count: number) => `over ${formatCount(count)} non-missing values`;

/**
 * The `meanInRange` check: passes when the mean of the non-missing values is within [lo, hi].
 *
 * @example
 * meanInRangeCheck(0, 1)(Float64Array.of(1, 2, 3)).message;
 * // 'mean 2 is outside [0, 1] (over 3 non-missing values)'
 */
export function meanInRangeCheck(lo: number, hi: number): CheckFn {
  return onColumnMoments('meanInRange', ({ count, mean }) => {
    const diagnostics = { mean: count ? mean : null, count, lo, hi };
    const interval = formatInterval(lo, hi);
    if (count === 0) return { passes: true, message: 'no non-missing values: the mean is undefined, nothing to check', diagnostics };
    return mean >= lo && mean <= hi
      ? { passes: true, message: `mean ${formatNumber(mean)} is within ${interval} (${over(count)})`, diagnostics }
      : { passes: false, message: `mean ${formatNumber(mean)} is outside ${interval} (${over(count)})`, diagnostics };
  });
}

/**
 * The `maxStandardDev` check: passes when the standard deviation (ddof 1) of the non-missing
 * values is at most `max`.
 *
 * @example
 * maxStandardDevCheck(0.5)(Float64Array.of(1, 2, 3)).message;
 * // 'standard deviation 1 is above the maximum 0.5 (ddof 1, over 3 non-missing values)'
 */
export function maxStandardDevCheck(max: number): CheckFn {
  return onColumnMoments('maxStandardDev', ({ count, std }) => {
    const diagnostics = { std: count > 1 ? std : null, count, max };
    if (count < 2) {
      return { passes: true, message: `${formatCount(count)} non-missing value${count === 1 ? '' : 's'}: the standard deviation needs at least 2, nothing to check`, diagnostics };
    }
    const detail = `(ddof 1, ${over(count)})`;
    return std <= max
      ? { passes: true, message: `standard deviation ${formatNumber(std)} is at most ${formatNumber(max)} ${detail}`, diagnostics }
      : { passes: false, message: `standard deviation ${formatNumber(std)} is above the maximum ${formatNumber(max)} ${detail}`, diagnostics };
  });
}
