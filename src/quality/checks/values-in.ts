/**
 * `valuesIn`: every non-missing value is one of the allowed ones. Numbers, bigints and Dates
 * compare by value (1 matches 1n; a Date matches its epoch milliseconds); NaN, null and undefined
 * are missing and not judged here (that is `allowNaNs`' job).
 */
import { isMissing, isTable } from '../column';
import { elementsOf } from '../elements';
import { allPresent, notApplicable, Offenders, type CheckFn } from '../outcome';
import { atRows, countOf, formatValue } from '../text';

/**
 * The value used to compare: bigints that fit a double become numbers, Dates their epoch ms.
 *
 * @example
 * comparable(3n);             // 3
 * comparable(new Date(1000)); // 1000
 */
export function comparable(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  if (v instanceof Date) return v.getTime();
  return v;
}

/**
 * The `valuesIn` check.
 *
 * @example
 * valuesInCheck(['a', 'b'])(['a', 'c', null]).message;
 * // '1 of 3 values (33.3%) are not in ["a", "b"]; at row 1 (value "c")'
 */
export function valuesInCheck(allowed: readonly unknown[]): CheckFn {
  const set = new Set(allowed.map(comparable));
  const listed = formatValue(allowed);
  return (value) => {
    if (isTable(value)) return notApplicable('valuesIn', 'a column or a single value', value);
    const elements = elementsOf(value);
    if (elements === null) {
      const diagnostics = { value: isMissing(value) ? null : comparable(value), allowed };
      if (isMissing(value)) return { passes: true, message: 'the value is missing; valuesIn ignores missing values', diagnostics };
      return set.has(comparable(value))
        ? { passes: true, message: `value ${formatValue(value)} is in ${listed}`, diagnostics }
        : { passes: false, message: `value ${formatValue(value)} is not in ${listed}`, diagnostics };
    }
    const bad = new Offenders();
    let missing = 0;
    for (let i = 0; i < elements.length; i++) {
      const v = elements[i];
      if (isMissing(v)) missing++;
      else if (!set.has(comparable(v))) bad.add(i, v);
    }
    const n = elements.length;
    const diagnostics = { ...bad.diagnostics(n), firstValues: bad.values.map(comparable), missing };
    if (bad.count > 0) {
      const shown = bad.values.slice(0, bad.rows.length > 1 ? 3 : 1).map(formatValue).join(', ');
      return {
        passes: false,
        message: `${countOf(bad.count, n)} are not in ${listed}; ${atRows(bad.rows, bad.count)} (value${bad.count > 1 ? 's' : ''} ${shown})`,
        diagnostics,
      };
    }
    return { passes: true, message: allPresent(n, missing, 'valuesIn', `are in ${listed}`), diagnostics };
  };
}
