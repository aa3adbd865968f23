/** Recognizes an Apache Arrow `Table`, also one made by a second copy of apache-arrow. */
import { Table } from 'apache-arrow';
import { isArrowTableShape } from '../../src/util/shapes';

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
  return isArrowTableShape(x) && Array.isArray((x as { batches?: unknown }).batches);
}
