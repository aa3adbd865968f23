/**
 * How the cache loads an optional native package (prebuilt binaries from the npm registry): once
 * per process, only when `QUIVER_NATIVE_HASH` is not `0` (to compare with the fallback), and only
 * when it gives the reference value on a known input — a binary that loads but computes another
 * hash would make every key or checksum a miss, so it is refused and the fallback is used.
 */

const loaded = new Map<string, unknown>();

/**
 * `bind(require(name))` when the package loads and `verify` accepts what it gives, else undefined;
 * the answer is kept for the process.
 *
 * @example
 * loadNativePackage('@node-rs/crc32', (m) => (m as CrcModule).crc32, (crc) => crc(check) === CHECK);
 */
export function loadNativePackage<T>(
  name: string, bind: (mod: unknown) => T, verify: (fn: T) => boolean,
): T | undefined {
  if (loaded.has(name)) return loaded.get(name) as T | undefined;
  let fn: T | undefined;
  if (process.env.QUIVER_NATIVE_HASH !== '0') {
    try {
      const bound = bind(require(name));
      fn = verify(bound) ? bound : undefined;
    } catch {
      fn = undefined;
    }
  }
  loaded.set(name, fn);
  return fn;
}
