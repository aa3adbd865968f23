/** Recognizes an Apache Arrow `Table`, also one made by a second copy of apache-arrow. */
import { Table } from 'apache-arrow';

/**
 * True for an Arrow `Table`: by `instanceof`, by Arrow's own cross-copy marker, or by shape
 * (`schema.fields`, `batches`, `getChild`, `numRows`) for a copy of apache-arrow older than ours.
 *
 * @example
 * isArrowTable(tableFromArrays({ x: new Float64Array(3) })); // true
 * isArrowTable({ x: new Float64Array(3) });                   // false
 */
export function isArrowTable(x: unknown): x is Table {
  if (x instanceof Table || Table.isTable(x)) return true;
  if (typeof x !== 'object' || x === null) return false;
  const t = x as { schema?: { fields?: unknown }; batches?: unknown; getChild?: unknown; numRows?: unknown };
  return Array.isArray(t.schema?.fields) && Array.isArray(t.batches) &&
    typeof t.getChild === 'function' && typeof t.numRows === 'number';
}
