/**
 * Any numeric Arrow column (float of any precision, or integer) as one `Float64Array`, with nulls as
 * NaN — the form features compute on. Zero-copy when the column is one Float64 chunk without nulls.
 */
import { Data, Precision, Type, type Float, type Vector } from 'apache-arrow';
import { isValidAt } from './validity';

/**
 * IEEE 754 half precision bits → number (Arrow stores Float16 as Uint16Array).
 *
 * @example
 * float16ToNumber(0x3c00); // 1
 */
export function float16ToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function isHalf(chunk: Data): boolean {
  return chunk.type.typeId === Type.Float && (chunk.type as Float).precision === Precision.HALF;
}

/** Writes rows of one chunk into `out` from `at`; nulls become NaN. */
function copyChunk(chunk: Data, out: Float64Array, at: number): void {
  const n = chunk.length;
  const values = chunk.values as ArrayLike<number | bigint> & { subarray(a: number, b: number): ArrayLike<number> };
  if (isHalf(chunk)) {
    for (let i = 0; i < n; i++) out[at + i] = float16ToNumber(values[i] as number);
  } else if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    for (let i = 0; i < n; i++) out[at + i] = Number(values[i]);
  } else {
    out.set(values.subarray(0, n), at);
  }
  if (chunk.nullCount === 0) return;
  for (let i = 0; i < n; i++) {
    if (!isValidAt(chunk.nullBitmap, chunk.offset, i)) out[at + i] = NaN;
  }
}

/**
 * The column as one Float64Array: shared with Arrow when it is a single Float64 chunk without
 * nulls; otherwise the chunks are converted and concatenated once (nulls → NaN).
 *
 * @example
 * float64Column(table.getChild('delay')!); // Float64Array, NaN where delay is null
 */
export function float64Column(vector: Vector): Float64Array {
  const chunks = vector.data.filter((d) => d.length > 0);
  if (chunks.length === 1 && chunks[0].nullCount === 0 && chunks[0].values instanceof Float64Array) {
    return chunks[0].values.subarray(0, chunks[0].length);
  }
  const out = new Float64Array(vector.length);
  let at = 0;
  for (const chunk of chunks) {
    copyChunk(chunk, out, at);
    at += chunk.length;
  }
  return out;
}
