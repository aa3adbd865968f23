/** `minRows`: a column or a table has at least this many rows (missing values count as rows). */
import { isColumn, isTable, tableRows } from '../column';
import { notApplicable, type CheckFn } from '../outcome';
import { formatCount, plural } from '../text';

/**
 * The `minRows` check.
 *
 * @example
 * minRowsCheck(10)(new Float64Array(3)).message; // '3 rows, fewer than the 10 required'
 */
export function minRowsCheck(min: number): CheckFn {
  return (value) => {
    const rows = isColumn(value) ? value.length : isTable(value) ? tableRows(value) : null;
    if (rows === null) return notApplicable('minRows', 'a column or a table', value);
    const diagnostics = { rows, min };
    return rows >= min
      ? { passes: true, message: `${plural(rows, 'row')}, at least ${formatCount(min)} required`, diagnostics }
      : { passes: false, message: `${plural(rows, 'row')}, fewer than the ${formatCount(min)} required`, diagnostics };
  };
}
