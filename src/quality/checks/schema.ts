/**
 * `schema`: a table output (an Arrow Table or a record of columns) has the expected columns with
 * the expected element types; reports every missing, mistyped and (unless allowed) extra column.
 */
import { arrowTypeName } from '../../arrow';
import { isArrowTable, isTable, type Column } from '../column';
import { notApplicable, type CheckFn } from '../outcome';
import type { ValidationOutcome } from '../result';
import { plural } from '../text';
import type { TableSchema } from '../types';
import { columnTypeName } from './data-type';

/**
 * Each column's element type, in the table's order; `null` for a JS array with nothing to infer
 * a type from (it matches any expected type).
 *
 * @example
 * tableColumnTypes({ a: new Float64Array(1), s: ['x'] }); // Map { 'a' => 'float64', 's' => 'utf8' }
 */
export function tableColumnTypes(value: unknown): Map<string, string | null> {
  if (isArrowTable(value)) return new Map(value.schema.fields.map((f) => [f.name, arrowTypeName(f.type)]));
  return new Map(Object.entries(value as Record<string, Column>).map(([name, c]) => [name, columnTypeName(c)]));
}

function judge(actual: Map<string, string | null>, schema: TableSchema): ValidationOutcome {
  const expected = Object.entries(schema.columns);
  const missing = expected.filter(([name]) => !actual.has(name)).map(([name]) => name);
  const mistyped = expected
    .filter(([name, type]) => actual.has(name) && actual.get(name) !== null && actual.get(name) !== type)
    .map(([column, type]) => ({ column, expected: type, actual: actual.get(column) }));
  const extra = [...actual.keys()].filter((name) => !(name in schema.columns));
  const refused = schema.allowExtraColumns ? [] : extra;
  const diagnostics = { missing, mistyped, extra, columns: Object.fromEntries(actual) };
  const problems = [
    ...missing.map((name) => `missing column "${name}" (${schema.columns[name]})`),
    ...mistyped.map((m) => `column "${m.column}" is ${m.actual}, expected ${m.expected}`),
    ...refused.map((name) => `unexpected column "${name}"`),
  ];
  if (problems.length > 0) {
    const hint = refused.length ? ' (set allowExtraColumns: true in the schema to allow extra columns)' : '';
    return { passes: false, message: `${plural(problems.length, 'problem')} with the table's columns: ${problems.join('; ')}${hint}`, diagnostics };
  }
  const listed = expected.map(([name, type]) => `${name}: ${type}`).join(', ');
  const extras = extra.length ? `; ${plural(extra.length, 'extra column')} allowed` : '';
  return { passes: true, message: `all ${plural(expected.length, 'expected column')} present with their types (${listed})${extras}`, diagnostics };
}

/**
 * The `schema` check.
 *
 * @example
 * schemaCheck({ columns: { price: 'float64', n: 'int32' } })({ price: new Float64Array(2), v: [1, 2] }).message;
 * // '2 problems with the table's columns: missing column "n" (int32); unexpected column "v" (set allowExtraColumns: true ...)'
 */
export function schemaCheck(schema: TableSchema): CheckFn {
  return (value) => (isTable(value)
    ? judge(tableColumnTypes(value), schema)
    : notApplicable('schema', 'a table (an Arrow Table or a record of columns)', value));
}
