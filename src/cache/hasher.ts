/**
 * The hashes of the cache, loaded once per process. Every fingerprint and key is xxHash64 (16 hex
 * digits): byte arrays of 4 KB or more go to the native `@node-rs/xxhash` when it is installed (it
 * reads them in place, ~3× faster); strings, small arrays and every platform without the native
 * package use xxhash-wasm, whose per-call cost is lower. Both give the same hash. The store's
 * payload checksums are CRC-32 (`crc32`, see crc32.ts): only they, never a key.
 */
import xxhash from 'xxhash-wasm';
import { loadCrc32, type Crc32 } from './crc32';
import { loadNativeXxh64 } from './native-hash';

/** Below this many bytes a call into WebAssembly is cheaper than one into the native addon. */
const NATIVE_FROM_BYTES = 4096;

export interface Hasher {
  /** xxHash64 of bytes (typed arrays hashed at memory speed). */
  bytes(data: Uint8Array, seed?: bigint): string;
  /** xxHash64 of a string's UTF-8 bytes. */
  text(data: string, seed?: bigint): string;
  /** A streaming hash: feed pieces, then `digest()`. */
  stream(): { update(piece: string | Uint8Array): void; digest(): string };
  /** Whether large byte arrays are hashed by the native `@node-rs/xxhash` (false: xxhash-wasm only). */
  readonly native: boolean;
  /**
   * CRC-32 of bytes from `initial` (the store's payload checksum): native `@node-rs/crc32` or
   * `zlib.crc32`; undefined on a Node without `zlib.crc32` (< 20.15) and without the package.
   */
  readonly crc32: Crc32 | undefined;
  /** Whether `crc32` is the native `@node-rs/crc32` (false: zlib's, or none). */
  readonly crc32Native: boolean;
}

let loading: Promise<Hasher> | undefined;

const hex = (h: bigint) => h.toString(16).padStart(16, '0');

/**
 * @example
 * const hasher = await loadHasher();
 * hasher.bytes(new Uint8Array(new Float64Array([1, 2]).buffer)); // '…16 hex digits…'
 */
export function loadHasher(): Promise<Hasher> {
  loading ??= xxhash().then((api) => {
    const native = loadNativeXxh64();
    const bytes: Hasher['bytes'] = native
      ? (data, seed = 0n) => hex(data.byteLength >= NATIVE_FROM_BYTES ? native(data, seed) : api.h64Raw(data, seed))
      : (data, seed) => hex(api.h64Raw(data, seed));
    const crc = loadCrc32();
    return {
      bytes,
      native: native !== undefined,
      crc32: crc?.crc32,
      crc32Native: crc?.native ?? false,
      text: (data, seed) => hex(api.h64(data, seed)),
      stream: () => {
        const state = api.create64();
        return { update: (piece) => void state.update(piece), digest: () => hex(state.digest()) };
      },
    };
  });
  return loading;
}

/** The bytes a typed array is made of, without copying. */
export function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
