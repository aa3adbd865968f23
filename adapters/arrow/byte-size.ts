/** How many bytes Arrow data occupies, for keeping record batches under a size. */
import type { Data, RecordBatch } from 'apache-arrow';

/**
 * 1 GiB: far below the 2 GiB that one IPC message or one Node read can hold.
 *
 * @example
 * tableFromColumns(names, values, { maxChunkBytes: DEFAULT_MAX_BATCH_BYTES / 4 });
 */
export const DEFAULT_MAX_BATCH_BYTES = 2 ** 30;

/**
 * Bytes of the chunk's own rows: a slice of a string column counts only its characters, not the
 * whole buffer it shares.
 *
 * @example
 * chunkBytes(makeData({ type: new Float64(), data: new Float64Array(4) })); // 32
 */
export function chunkBytes(chunk: Data): number {
  const offsets = chunk.valueOffsets as Int32Array | BigInt64Array | undefined;
  if (!offsets || chunk.children.length > 0) return chunk.byteLength;
  const characters = Number(offsets[chunk.length]) - Number(offsets[0]);
  return characters + offsets.BYTES_PER_ELEMENT * (chunk.length + 1) + (chunk.nullBitmap?.byteLength ?? 0);
}

/**
 * Bytes of one record batch (the sum over its columns).
 *
 * @example
 * batchBytes(table.batches[0]); // 1600000 for 200,000 rows of Int16, Int16, Float32
 */
export function batchBytes(batch: RecordBatch): number {
  let bytes = 0;
  for (const child of batch.data.children) bytes += chunkBytes(child);
  return bytes;
}
