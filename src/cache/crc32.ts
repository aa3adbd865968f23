/**
 * CRC-32 (IEEE 802.3, the zlib/gzip/PNG polynomial), the cache store's payload checksum: the native
 * `@node-rs/crc32` (an optional dependency: prebuilt SIMD binaries from the npm registry, ~33 GB/s
 * on a buffer in cache here) when it loads and gives the reference value, else Node's own
 * `zlib.crc32` (Node ≥ 20.15; the same value, ~2–4× slower); undefined when neither is there (Node
 * 20.0–20.14 without the package), and the store then checksums with xxHash64. Both take the CRC so
 * far as `initial`, so a payload is checksummed in pieces as it is read. `QUIVER_NATIVE_HASH=0`
 * turns the native package off (to compare the two).
 */
import * as zlib from 'node:zlib';
import { loadNativePackage } from './native-package';

/** CRC-32 of `data`, continuing from `initial` (0, or the CRC of the bytes before `data`). */
export type Crc32 = (data: Uint8Array, initial?: number) => number;

/** The check value of CRC-32: the CRC of the ASCII bytes "123456789". */
const CHECK = 0xcbf43926;
const CHECK_INPUT = Uint8Array.from('123456789', (c) => c.charCodeAt(0));

/**
 * The native CRC-32, or undefined when the package is absent, turned off, or disagrees with the
 * reference (a binary that loads but computes another CRC would make every stored value a miss).
 *
 * @example
 * loadNativeCrc32()?.(Uint8Array.of(1, 2, 3))  // 1438416925, as zlib.crc32
 */
export function loadNativeCrc32(): Crc32 | undefined {
  return loadNativePackage<Crc32>(
    '@node-rs/crc32',
    (mod) => (data, initial = 0) => (mod as { crc32(data: Uint8Array, initial?: number): number }).crc32(data, initial),
    (crc) => checked(crc) !== undefined,
  );
}

/**
 * Node's own CRC-32 (`zlib.crc32`, Node ≥ 20.15), undefined on an older Node.
 *
 * @example
 * zlibCrc32()?.(Uint8Array.of(1, 2, 3))  // 1438416925
 */
export function zlibCrc32(): Crc32 | undefined {
  const fn = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  return typeof fn === 'function' ? checked((data, initial = 0) => fn(data, initial)) : undefined;
}

/**
 * The CRC-32 the store uses: native where it loads, else zlib's, else undefined.
 *
 * @example
 * const crc = loadCrc32();
 * crc?.crc32(Uint8Array.of(1, 2, 3)); // 1438416925 (crc.native is true where the native package loads)
 */
export function loadCrc32(): { crc32: Crc32; native: boolean } | undefined {
  const fast = loadNativeCrc32();
  if (fast) return { crc32: fast, native: true };
  const fallback = zlibCrc32();
  return fallback && { crc32: fallback, native: false };
}

function checked(crc: Crc32): Crc32 | undefined {
  try {
    const pieces = crc(CHECK_INPUT.subarray(4), crc(CHECK_INPUT.subarray(0, 4)));
    return crc(CHECK_INPUT) === CHECK && pieces === CHECK ? crc : undefined;
  } catch {
    return undefined;
  }
}
