/**
 * What a cached run spends hashing, measured inside the run: the process's one hasher and
 * `Fingerprints.of` are wrapped while the meter is on, and every call is timed and sorted into
 * - versions: fingerprints (data versions of inputs, config, overrides and always-computed nodes,
 *   and code versions), everything hashed inside `Fingerprints.of`;
 * - checksums: the store's payload checksums (CRC-32 calls: each stored payload when written, each
 *   read payload piece by piece), and byte arrays xxHash64-ed elsewhere (format 2 entries);
 * - keys: strings hashed elsewhere (node keys, index lines).
 * The wrapping is undone by `stop()`. A benchmark tool, not a test: it changes shared objects.
 */
import { Fingerprints } from '../../src/cache/fingerprint';
import type { Hasher } from '../../src/cache/hasher';

export interface HashShare {
  /** Wall-clock milliseconds inside the calls (on a loaded machine: with the time waited for a core). */
  readonly ms: number;
  /**
   * The same calls at their median speed: the bytes of calls of 64 KiB or more at the median
   * ms/byte of those calls, plus the wall time of the smaller ones. On a machine shared with other
   * sessions, the few calls during which the process waited for a core count at the speed of the
   * rest (process CPU time cannot tell: it counts the GC's threads too).
   */
  readonly typicalMs: number;
  readonly mb: number;
  readonly calls: number;
}

export interface HashMeter {
  stop(): { versions: HashShare; checksums: HashShare; keys: HashShare };
}

/**
 * @example
 * const meter = meterHashing(await loadHasher());
 * await cachedDriver.run(outputs, { inputs });
 * meter.stop().checksums.ms  // time spent checksumming stored values
 */
export function meterHashing(hasher: Hasher): HashMeter {
  const shares = { versions: share(), checksums: share(), keys: share() };
  const original = { bytes: hasher.bytes, text: hasher.text, crc32: hasher.crc32, of: Fingerprints.prototype.of };
  let inside = 0;
  const mutable = hasher as { -readonly [K in keyof Hasher]: Hasher[K] };
  const outside = (counter: Counter) => (inside > 0 ? undefined : counter);
  mutable.bytes = (data, seed) => timed(outside(shares.checksums), data.byteLength, () => original.bytes(data, seed));
  mutable.text = (data, seed) => timed(outside(shares.keys), data.length, () => original.text(data, seed));
  const crc32 = original.crc32;
  if (crc32) {
    mutable.crc32 = (data, initial) => timed(outside(shares.checksums), data.byteLength, () => crc32(data, initial));
  }
  Fingerprints.prototype.of = function of(this: Fingerprints, value: unknown) {
    const bytes = ArrayBuffer.isView(value) ? value.byteLength : 0;
    inside++;
    try {
      return timed(inside === 1 ? shares.versions : undefined, bytes, () => original.of.call(this, value));
    } finally {
      inside--;
    }
  };
  return {
    stop() {
      mutable.bytes = original.bytes;
      mutable.text = original.text;
      mutable.crc32 = original.crc32;
      Fingerprints.prototype.of = original.of;
      const done = (s: Counter): HashShare => ({ ms: s.ms, typicalMs: typical(s), mb: s.bytes / 1e6, calls: s.calls });
      return { versions: done(shares.versions), checksums: done(shares.checksums), keys: done(shares.keys) };
    },
  };
}

interface Counter {
  ms: number;
  /** ms per byte of each call of `LARGE` bytes or more, and their bytes and the other calls' ms. */
  rates: number[];
  largeBytes: number;
  smallMs: number;
  bytes: number;
  calls: number;
}

const share = (): Counter => ({ ms: 0, rates: [], largeBytes: 0, smallMs: 0, bytes: 0, calls: 0 });

const LARGE = 64 * 1024;

function typical(s: Counter): number {
  if (s.rates.length === 0) return s.smallMs;
  const sorted = [...s.rates].sort((a, b) => a - b);
  return s.smallMs + s.largeBytes * sorted[sorted.length >> 1];
}

function timed<T>(into: Counter | undefined, bytes: number, fn: () => T): T {
  if (!into) return fn();
  const t = performance.now();
  try {
    return fn();
  } finally {
    const ms = performance.now() - t;
    into.ms += ms;
    if (bytes >= LARGE) {
      into.rates.push(ms / bytes);
      into.largeBytes += bytes;
    } else into.smallMs += ms;
    into.bytes += bytes;
    into.calls++;
  }
}
