/**
 * `allowNaNs` and `maxFractionNaNs`: missing values are NaN, null, undefined and Arrow nulls.
 * Float columns are profiled in one Float64Array pass (shared with the node's range check);
 * integer typed arrays cannot hold a missing value; other columns are read value by value.
 */
import { ArrowTypeId } from '../../arrow';
import { isArrowVector, isMissing, isTable, isTypedArray } from '../column';
import { elementsOf } from '../elements';
import { numbersOf } from '../numbers';
import { notApplicable, Offenders, type CheckFn } from '../outcome';
import type { ValidationOutcome } from '../result';
import { firstNaNRows, NO_SHARE, type ProfileShare } from '../profile';
import { atRows, countOf, formatCount, formatPercent, formatValue } from '../text';

/** The missing rows of a column. */
export interface MissingScan {
  readonly missing: Offenders;
  readonly total: number;
}

function scanElements(x: ArrayLike<unknown>, out: Offenders): void {
  for (let i = 0; i < x.length; i++) if (isMissing(x[i])) out.add(i);
}

function holdsFloats(value: unknown): boolean {
  return value instanceof Float64Array || value instanceof Float32Array ||
    (isArrowVector(value) && value.type.typeId === ArrowTypeId.Float);
}

/**
 * Finds the missing rows of a column (NaN, null, undefined, Arrow nulls), or `null` when the
 * value is not a column.
 *
 * @example
 * scanMissing([1, null, NaN])?.missing.rows; // [1, 2]
 */
export function scanMissing(value: unknown, share: ProfileShare = NO_SHARE): MissingScan | null {
  if (holdsFloats(value)) {
    const { values } = numbersOf(value) as { values: Float64Array };
    const count = (values === value ? share : NO_SHARE).of(values).missing;
    return { missing: Offenders.counted(count, count > 0 ? firstNaNRows(values, count) : []), total: values.length };
  }
  const missing = new Offenders();
  if (isTypedArray(value)) {
    // integer typed arrays cannot hold a missing value
  } else if (isArrowVector(value) && value.nullCount === 0) {
    // no nulls, and only float vectors can hold NaN
  } else {
    const elements = elementsOf(value);
    if (elements === null) return null;
    scanElements(elements, missing);
  }
  return { missing, total: (value as ArrayLike<unknown>).length };
}

const WHAT_IS_MISSING = 'missing (NaN, null or undefined)';

function scalarMissing(value: unknown, allowed: boolean): ValidationOutcome {
  const missing = isMissing(value);
  const diagnostics = { count: missing ? 1 : 0, total: 1 };
  if (!missing) return { passes: true, message: 'the value is not missing', diagnostics };
  return allowed
    ? { passes: true, message: `the value is missing (${formatValue(value)}), which allowNaNs: true allows`, diagnostics }
    : { passes: false, message: `the value is missing (${formatValue(value)})`, diagnostics };
}

/**
 * The `allowNaNs` check. `false`: passes only when nothing is missing. `true`: always passes and
 * reports how much is missing.
 *
 * @example
 * allowNaNsCheck(false)(Float64Array.of(1, NaN)).message;
 * // '1 of 2 values (50%) are missing (NaN, null or undefined); at row 1'
 */
export function allowNaNsCheck(allowed: boolean, share: ProfileShare = NO_SHARE): CheckFn {
  return (value) => {
    if (isTable(value)) return notApplicable('allowNaNs', 'a column or a single value', value);
    const scan = scanMissing(value, share);
    if (scan === null) return scalarMissing(value, allowed);
    const { missing, total } = scan;
    const diagnostics = missing.diagnostics(total);
    if (total === 0) return { passes: true, message: 'no values to check (empty column)', diagnostics };
    if (missing.count === 0) return { passes: true, message: `no missing values among ${formatCount(total)}`, diagnostics };
    const where = atRows(missing.rows, missing.count);
    return allowed
      ? { passes: true, message: `${countOf(missing.count, total)} are missing, which allowNaNs: true allows; ${where}`, diagnostics }
      : { passes: false, message: `${countOf(missing.count, total)} are ${WHAT_IS_MISSING}; ${where}`, diagnostics };
  };
}

/**
 * The `maxFractionNaNs` check: passes when at most `maxFraction` (0–1) of the column is missing.
 * An empty column passes.
 *
 * @example
 * maxFractionNaNsCheck(0.1)([1, null, null, 4]).message;
 * // '2 of 4 values (50%) are missing, more than the 10% allowed; first at rows 1, 2'
 */
export function maxFractionNaNsCheck(maxFraction: number, share: ProfileShare = NO_SHARE): CheckFn {
  return (value) => {
    const scan = isTable(value) ? null : scanMissing(value, share);
    if (scan === null) return notApplicable('maxFractionNaNs', 'a column', value);
    const { missing, total } = scan;
    const diagnostics = { ...missing.diagnostics(total), maxFraction };
    if (total === 0) return { passes: true, message: 'no values to check (empty column)', diagnostics };
    const limit = `${formatPercent(maxFraction)} allowed`;
    if (missing.count / total > maxFraction) {
      return { passes: false, message: `${countOf(missing.count, total)} are missing, more than the ${limit}; ${atRows(missing.rows, missing.count)}`, diagnostics };
    }
    return { passes: true, message: `${countOf(missing.count, total)} are missing; at most ${limit}`, diagnostics };
  };
}
