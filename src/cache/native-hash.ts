/**
 * The native xxHash64 of `@node-rs/xxhash` (an optional dependency: prebuilt binaries from the npm
 * registry), when it loads on this platform. It gives the same hashes as xxhash-wasm bit for bit and
 * reads large buffers in place (~3× faster here on 100 MB); a platform without a prebuilt binary, or
 * an install without optional dependencies, falls back to xxhash-wasm with identical keys.
 * `QUIVER_NATIVE_HASH=0` turns it off (to compare the two).
 */
import { loadNativePackage } from './native-package';

/** xxHash64 of bytes, or undefined when the native package is absent. */
export type NativeXxh64 = (data: Uint8Array, seed: bigint) => bigint;

/**
 * @example
 * const h = loadNativeXxh64();
 * if (h) h(new Uint8Array(8), 0n); // 0x34c96acdcadb1bbbn, as xxhash-wasm's h64Raw
 */
export function loadNativeXxh64(): NativeXxh64 | undefined {
  return loadNativePackage<NativeXxh64>(
    '@node-rs/xxhash',
    (mod) => (data, seed) => (mod as { xxh64(data: Uint8Array, seed?: bigint): bigint }).xxh64(data, seed),
    // a binary that loads but disagrees with the reference would corrupt every key: refuse it
    (h) => h(Uint8Array.of(1, 2, 3), 0n) === 0x743e13ee0c4ee5a5n,
  );
}
