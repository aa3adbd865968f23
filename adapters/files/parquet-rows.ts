/**
 * Row selection for Parquet reads. parquet-wasm 0.8.0 applies `limit` to each row group rather than
 * to the file (a limit of 10 over 3 row groups gives 30 rows), so quiver picks the row groups that
 * hold rows [offset, offset + limit) itself and trims the batches it gets back.
 */
import type { RecordBatch } from 'apache-arrow';

export interface RowSelection {
  /** Row groups to read, in order. */
  readonly rowGroups: number[];
  /** Rows to drop from the start of the first selected row group. */
  readonly skip: number;
  /** Rows to keep after that (Infinity for all). */
  readonly take: number;
}

/**
 * Which row groups hold rows [offset, offset + limit) of a file whose row groups have `rowCounts` rows.
 *
 * @example
 * selectRows([100, 100, 100], 150, 60); // { rowGroups: [1, 2], skip: 50, take: 60 }
 */
export function selectRows(rowCounts: readonly number[], offset = 0, limit = Infinity): RowSelection {
  const rowGroups: number[] = [];
  let start = 0;
  let skip = 0;
  const end = offset + limit;
  rowCounts.forEach((count, group) => {
    const groupEnd = start + count;
    if (groupEnd > offset && start < end && count > 0) {
      if (rowGroups.length === 0) skip = offset - start;
      rowGroups.push(group);
    }
    start = groupEnd;
  });
  return { rowGroups, skip, take: limit };
}

/**
 * Trims a stream of batches to the selection: drops `skip` rows, then keeps `take` rows (by slicing).
 *
 * @example
 * for await (const b of trimBatches(batches, { rowGroups: [1], skip: 50, take: 60 })) use(b);
 */
export async function* trimBatches(batches: AsyncIterable<RecordBatch>, selection: RowSelection): AsyncGenerator<RecordBatch> {
  let skip = selection.skip;
  let left = selection.take;
  for await (const batch of batches) {
    if (left <= 0) return;
    const from = Math.min(skip, batch.numRows);
    skip -= from;
    const to = Math.min(batch.numRows, from + left);
    if (to <= from) continue;
    left -= to - from;
    yield from === 0 && to === batch.numRows ? batch : batch.slice(from, to);
  }
}
