/** The memory an Arrow table's columns are made of, for handing written buffers back to a pool. */
import type { Data, Table } from 'apache-arrow';

function collect(data: Data, out: Set<ArrayBufferLike>): void {
  const views = [data.values, data.valueOffsets, data.nullBitmap, data.typeIds] as (ArrayBufferView | undefined)[];
  for (const view of views) {
    if (view?.buffer) out.add(view.buffer);
  }
  for (const child of data.children) collect(child, out);
}

/**
 * Every ArrayBuffer under the table's columns (values, offsets, validity, children).
 *
 * @example
 * tableBuffers(tableFromColumns(['x'], [x])).has(x.buffer); // true
 */
export function tableBuffers(table: Table): Set<ArrayBufferLike> {
  const out = new Set<ArrayBufferLike>();
  for (const batch of table.batches) for (const child of batch.data.children) collect(child, out);
  return out;
}
