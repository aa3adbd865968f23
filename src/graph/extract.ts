/**
 * Expand stage for `@extractColumns` and `@extractFields`: the functions of the nodes that take
 * one column or field out of the value a method returned.
 */
import { ports } from '../ports';
import { article, declaredTypeName, valueMatchesType, describeValue } from './types';

const tableColumns = new WeakMap<object, Record<string, unknown>>();

function columnsOf(value: unknown, origin: string): Record<string, unknown> {
  if (ports().isTable(value)) {
    let columns = tableColumns.get(value as object);
    if (!columns) tableColumns.set(value as object, (columns = ports().columnsOf(value)));
    return columns;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value)) {
    return value as Record<string, unknown>;
  }
  throw new TypeError(`${origin} is decorated with @extractColumns but returned ${describeValue(value)}; return an Arrow Table or a record of columns.`);
}

function lengthOf(value: unknown, columns: Record<string, unknown>): number {
  const rows = (value as { numRows?: unknown }).numRows;
  if (typeof rows === 'number') return rows;
  for (const column of Object.values(columns)) {
    const length = (column as { length?: unknown })?.length;
    if (typeof length === 'number') return length;
  }
  return 0;
}

export function columnExtractor(column: string, origin: string, fill: { has: boolean; value: unknown }): (args: unknown[]) => unknown {
  return (args) => {
    const table = args[0];
    const columns = columnsOf(table, origin);
    if (Object.prototype.hasOwnProperty.call(columns, column)) return columns[column];
    if (!fill.has) {
      throw new Error(
        `column "${column}" is not in what ${origin} returned (it has: ${Object.keys(columns).join(', ') || 'no columns'}). ` +
          `Return it, or give @extractColumns a default: @extractColumns(…, { fillWith: NaN }).`,
      );
    }
    const length = lengthOf(table, columns);
    return typeof fill.value === 'number' ? new Float64Array(length).fill(fill.value) : new Array(length).fill(fill.value);
  };
}

export function fieldExtractor(field: string, type: unknown, origin: string): (args: unknown[]) => unknown {
  return (args) => {
    const record = args[0];
    if (typeof record !== 'object' || record === null) {
      throw new TypeError(`${origin} is decorated with @extractFields but returned ${describeValue(record)}; return a record.`);
    }
    if (!Object.prototype.hasOwnProperty.call(record, field)) {
      throw new Error(`field "${field}" is missing from the record ${origin} returned (it has: ${Object.keys(record).join(', ') || 'no fields'}). Return it, or remove it from @extractFields.`);
    }
    const v = (record as Record<string, unknown>)[field];
    if (!valueMatchesType(v, type)) {
      const declared = declaredTypeName(type);
      throw new TypeError(`field "${field}" of ${origin} is ${describeValue(v)}, but @extractFields declares it as ` +
        `${declared}. Return ${article(declared)} ${declared} there, or declare the field's type as what it is.`);
    }
    return v;
  };
}
