/**
 * The one fast hash behind every fingerprint, key and checksum: xxHash64 in WebAssembly
 * (xxhash-wasm), loaded once per process. Hashes are 16 hex digits.
 */
import xxhash from 'xxhash-wasm';

export interface Hasher {
  /** xxHash64 of bytes (typed arrays hashed at memory speed). */
  bytes(data: Uint8Array, seed?: bigint): string;
  /** xxHash64 of a string's UTF-8 bytes. */
  text(data: string, seed?: bigint): string;
  /** A streaming hash: feed pieces, then `digest()`. */
  stream(): { update(piece: string | Uint8Array): void; digest(): string };
}

let loading: Promise<Hasher> | undefined;

const hex = (h: bigint) => h.toString(16).padStart(16, '0');

/**
 * @example
 * const hasher = await loadHasher();
 * hasher.bytes(new Uint8Array(new Float64Array([1, 2]).buffer)); // '…16 hex digits…'
 */
export function loadHasher(): Promise<Hasher> {
  loading ??= xxhash().then((api) => ({
    bytes: (data, seed) => hex(api.h64Raw(data, seed)),
    text: (data, seed) => hex(api.h64(data, seed)),
    stream: () => {
      const state = api.create64();
      return { update: (piece) => void state.update(piece), digest: () => hex(state.digest()) };
    },
  }));
  return loading;
}

/** The bytes a typed array is made of, without copying. */
export function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
