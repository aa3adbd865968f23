/**
 * Timestamps into epoch milliseconds (UTC) as a `Float64Array`. Accepts a `Float64Array` or
 * number array of epoch ms, or an Arrow `Date`/`Timestamp` vector, whose chunks src/arrow.ts reads
 * by shape (Int32 days, Int64 units floor-divided exactly, nulls NaN).
 */
import { column } from './options';
import { arrowTimeMillis, isArrowTimeVector, type TimeVector } from '../arrow';
import { checkTimeUnit } from '../dates/time-units';

/** Epoch milliseconds as numbers, or an Arrow Date/Timestamp vector. */
export type TimeColumn = ArrayLike<number> | TimeVector;

export type { TimeVector };

/**
 * `t` as epoch milliseconds (UTC). A `Float64Array` is returned as is; other arrays are copied;
 * Arrow Date/Timestamp vectors are converted by unit, nulls to NaN. Numbers that look like epoch
 * seconds, Excel serial day numbers or nanoseconds are an `InputError` (`checkTimeUnit`), checked once per array.
 *
 * @example
 * epochMillis('month', arrowDateDayVector);   // Float64Array of epoch ms, nulls NaN
 */
export function epochMillis(kernel: string, t: unknown): Float64Array {
  if (isArrowTimeVector(t)) return arrowTimeMillis(kernel, t);
  const ms = column(kernel, 't', t);
  // numbers carry no unit: epoch seconds, Excel day numbers or nanoseconds would be read as ms without a word
  checkTimeUnit(ms, `${kernel}: the time column`, kernel);
  return ms;
}
