/** Arrow validity bitmaps: bit i set means row i holds a value, clear means null (LSB first). */

/**
 * A bitmap of `length` bits, all valid; the caller clears the null rows with `clearBit`.
 *
 * @example
 * const bitmap = allValidBitmap(3);
 * clearBit(bitmap, 1); // rows 0 and 2 valid, row 1 null
 */
export function allValidBitmap(length: number): Uint8Array {
  return new Uint8Array(((length + 63) & ~63) >> 3).fill(0xff);
}

/**
 * Marks row `i` as null.
 *
 * @example
 * clearBit(bitmap, 1);
 */
export function clearBit(bitmap: Uint8Array, i: number): void {
  bitmap[i >> 3] &= ~(1 << (i & 7));
}

/**
 * Whether row `i` of a chunk whose bitmap starts at bit `offset` is valid; no bitmap means all are.
 *
 * @example
 * isValidAt(chunk.nullBitmap, chunk.offset, 0);
 */
export function isValidAt(bitmap: Uint8Array | null | undefined, offset: number, i: number): boolean {
  if (!bitmap || bitmap.length === 0) return true;
  const bit = offset + i;
  return (bitmap[bit >> 3] & (1 << (bit & 7))) !== 0;
}
