/**
 * `dataType`: the element type of a column (typed array, Arrow Vector, JS array), or the JS type
 * of a single value (number is float64, bigint int64, boolean bool, string utf8, Date timestamp).
 */
import { arrowTypeName } from '../../arrow';
import { describeValue, isArrowVector, isMissing, isTable, isTypedArray, type Column } from '../column';
import { notApplicable, type CheckFn } from '../outcome';
import type { DataTypeName } from '../types';
import { dtypeOfConstructor } from '../../util/dtypes';

/**
 * The data-type name of one JS value, or `null` when it is missing (null, undefined).
 *
 * @example
 * jsTypeName(1.5);        // 'float64'
 * jsTypeName(new Date()); // 'timestamp'
 */
export function jsTypeName(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number': return 'float64';
    case 'bigint': return 'int64';
    case 'boolean': return 'bool';
    case 'string': return 'utf8';
    default: return v instanceof Date ? 'timestamp' : (v as object).constructor?.name ?? 'object';
  }
}

/** The inferred element type of a JS array: one name, `mixed (a, b)`, or null when all missing. */
function arrayTypeName(a: readonly unknown[]): string | null {
  const seen = new Set<string>();
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (isMissing(v) && typeof v !== 'number') continue; // NaN is still a number
    seen.add(jsTypeName(v) as string);
  }
  if (seen.size === 0) return null;
  return seen.size === 1 ? [...seen][0] : `mixed (${[...seen].join(', ')})`;
}

/**
 * The element type of a column: typed arrays and Arrow Vectors by their type, JS arrays inferred
 * from their non-missing elements (`null` when there are none; `mixed (...)` when they differ).
 *
 * @example
 * columnTypeName(new BigInt64Array(2));   // 'int64'
 * columnTypeName(['a', null, 'b']);        // 'utf8'
 */
export function columnTypeName(c: Column): string | null {
  if (isTypedArray(c)) return dtypeOfConstructor(c.constructor) ?? c.constructor.name;
  if (isArrowVector(c)) return arrowTypeName(c.type);
  return arrayTypeName(c as readonly unknown[]);
}

/**
 * The `dataType` check: passes when the column's element type (or the single value's JS type) is
 * `expected`. An empty or all-missing JS array has no type to infer and passes.
 *
 * @example
 * dataTypeCheck('float64')(new Int32Array(3)).message;
 * // 'expected float64, got int32 (Int32Array of 3 values)'
 */
export function dataTypeCheck(expected: DataTypeName): CheckFn {
  return (value) => {
    if (isTable(value)) return notApplicable('dataType', 'a column or a single value (use schema for a table)', value);
    const isCol = isTypedArray(value) || Array.isArray(value) || isArrowVector(value);
    const actual = isCol ? columnTypeName(value as Column) : jsTypeName(value);
    const what = describeValue(value);
    if (actual === null) {
      return isCol
        ? { passes: true, message: `no non-missing values to take a type from (${what}); ${expected} not contradicted`, diagnostics: { expected, actual } }
        : { passes: false, message: `expected ${expected}, but the value is ${String(value)}`, diagnostics: { expected, actual } };
    }
    return actual === expected
      ? { passes: true, message: `${expected} as expected (${what})`, diagnostics: { expected, actual } }
      : { passes: false, message: `expected ${expected}, got ${actual} (${what})`, diagnostics: { expected, actual } };
  };
}
