/**
 * An integer Arrow column without nulls as its own typed array (Int32 → Int32Array, Int64 →
 * BigInt64Array, …): shared with Arrow when it is one chunk, concatenated once when it is several.
 */
import type { Vector } from 'apache-arrow';

type IntArray = Int8Array | Int16Array | Int32Array | BigInt64Array | Uint8Array | Uint16Array | Uint32Array | BigUint64Array;
type IntArrayCtor = new (length: number) => IntArray;

/**
 * The column's values in its own typed array type. The caller ensures the column has no nulls.
 *
 * @example
 * integerColumn(table.getChild('distance')!); // Int16Array
 */
export function integerColumn(vector: Vector): IntArray {
  const chunks = vector.data.filter((d) => d.length > 0);
  if (chunks.length === 1) return (chunks[0].values as IntArray).subarray(0, chunks[0].length);
  const Ctor = vector.type.ArrayType as IntArrayCtor;
  const out = new Ctor(vector.length);
  let at = 0;
  for (const chunk of chunks) {
    (out as Int32Array).set((chunk.values as Int32Array).subarray(0, chunk.length), at);
    at += chunk.length;
  }
  return out;
}
