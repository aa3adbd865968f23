/**
 * A single value repeated down a column: number → Float64, boolean → Bool, string → Utf8,
 * bigint → Int64, Date → Timestamp (ms; an invalid Date gives nulls).
 */
import { Bool, Data, Float64, Int64, TimestampMillisecond, Utf8, makeData } from 'apache-arrow';
import type { Scalar } from './column-kind';

/**
 * `length` copies of `value` as one Arrow `Data` chunk.
 *
 * @example
 * scalarToData(0.5, 3).values; // Float64Array [0.5, 0.5, 0.5]
 */
export function scalarToData(value: Scalar, length: number): Data {
  if (typeof value === 'number') {
    return makeData({ type: new Float64(), length, data: new Float64Array(length).fill(value) });
  }
  if (typeof value === 'bigint') {
    return makeData({ type: new Int64(), length, data: new BigInt64Array(length).fill(value) });
  }
  if (typeof value === 'boolean') {
    return makeData({ type: new Bool(), length, data: new Uint8Array((length + 7) >> 3).fill(value ? 0xff : 0) });
  }
  if (typeof value === 'string') return repeatedUtf8(value, length);
  const ms = value.getTime();
  if (Number.isNaN(ms)) {
    return makeData({ type: new TimestampMillisecond(), length, nullCount: length, nullBitmap: new Uint8Array((length + 7) >> 3) });
  }
  return makeData({ type: new TimestampMillisecond(), length, data: new BigInt64Array(length).fill(BigInt(ms)) });
}

function repeatedUtf8(value: string, length: number): Data {
  const bytes = new TextEncoder().encode(value);
  const width = bytes.length;
  const data = new Uint8Array(width * length);
  const valueOffsets = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) {
    data.set(bytes, i * width);
    valueOffsets[i + 1] = (i + 1) * width;
  }
  return makeData({ type: new Utf8(), length, valueOffsets, data });
}
