/**
 * A stored payload's checksum, and which algorithm made it (recorded in its entry): CRC-32, taken
 * while the bytes are hot — as the value is encoded for the store, and in pieces as it is read back
 * — or xxHash64 (entries of format 2, written by earlier quiver versions, and a Node with no
 * CRC-32). A value is only returned after its bytes matched the checksum its entry names.
 */
import type { Hasher } from '../../src/cache/hasher';

export type SumAlgorithm = 'crc32' | 'xxh64';

/** How each algorithm's checksum is spelled in an entry. */
export const SUM_PATTERN: Record<SumAlgorithm, RegExp> = { crc32: /^[0-9a-f]{8}$/, xxh64: /^[0-9a-f]{16}$/ };

/**
 * Bytes fed to one CRC-32 call when a pack or payload is read in pieces: each piece is
 * checksummed while in the processor's cache (256 KiB: 14–26 GB/s here, against 4–8 GB/s for the
 * same bytes checked after a whole 64 MB pack was read; 1 MiB pieces gave 4–12).
 */
export const PIECE_BYTES = 2 ** 18;

/**
 * The checksum of a whole payload, as an entry spells it; undefined when this process cannot
 * compute that algorithm (a CRC-32 entry read on a Node without one).
 *
 * @example
 * payloadSum(hasher, 'crc32', bytes)  // '…8 hex digits…'
 */
export function payloadSum(hasher: Hasher, algorithm: SumAlgorithm, bytes: Uint8Array): string | undefined {
  if (algorithm === 'xxh64') return hasher.bytes(bytes);
  const crc32 = hasher.crc32;
  return crc32 && crcHex(crc32(bytes, 0));
}

/** @example crcHex(0xcbf43926)  // 'cbf43926' */
export function crcHex(crc: number): string {
  return (crc >>> 0).toString(16).padStart(8, '0');
}

/** The reason a payload cannot be used, when its entry names an algorithm this process lacks. */
export const NO_CRC32 = 'has a CRC-32 checksum this Node cannot compute ' +
  '(it has no zlib.crc32 before 20.15: install @node-rs/crc32 or use Node ≥ 20.15)';
