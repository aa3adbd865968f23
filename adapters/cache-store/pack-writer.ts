/**
 * A run's own packs: each stored value is appended to the data file, then its line to the index
 * file, so a run killed at any point leaves every finished value readable and never half a one (a
 * payload without its line is not an entry; a torn last line fails its hash). Both files are made
 * with `wx` under a name no other writer can pick, and a pack is closed at `ROLL_BYTES`, so
 * eviction (whole packs, least recently used first) stays fine-grained on large caches.
 * Payloads start on multiples of 8 (the gaps are never read), so a pack read whole can be viewed
 * in place. One `write` per value instead of two files created and renamed: a cold run of ~1,000 small
 * features makes 2 files instead of ~4,000. A payload's checksum (CRC-32) is taken as soon as it
 * is encoded (`Encoded.crc`, see store.ts), while its bytes are in the processor's cache.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Hasher } from '../../src/cache/hasher';
import { writeError } from '../files/write-errors';
import type { Encoded } from './codec';
import { ENTRY_FORMAT, entryLine, packDataPath, packIndexPath, type CacheEntry } from './entry';
import { crcHex } from './payload-sum';

/** A pack is closed and the next one started once its data file reaches this size. */
export const ROLL_BYTES = 64 * 2 ** 20;

interface OpenPack {
  readonly id: string;
  readonly data: number;
  readonly index: number;
  offset: number;
}

/**
 * @example
 * const writer = new PackWriter('.quiver-cache', hasher);
 * writer.append('…32 hex…', 'spendMean', encodeValue(column));  // CacheEntry
 * writer.close();
 */
export class PackWriter {
  private current: OpenPack | undefined;

  constructor(private readonly dir: string, private readonly hasher: Hasher) {}

  /** The pack being written, with its data file's size (for the store's own size checks). */
  get open(): { readonly id: string; readonly size: number } | undefined {
    return this.current && { id: this.current.id, size: this.current.offset };
  }

  /** Appends one value; throws an `InputError` naming the file when it cannot be written. */
  append(key: string, node: string, encoded: Encoded): CacheEntry {
    if (this.current && this.current.offset >= ROLL_BYTES) this.close();
    const pack = (this.current ??= this.start());
    const { bytes } = encoded;
    const crc32 = this.hasher.crc32; // none on a Node < 20.15 without @node-rs/crc32: xxHash64 then
    const offset = pack.offset;
    let entry: CacheEntry;
    try {
      // the CRC taken as the value was encoded, while its bytes were hot (store.ts); xxHash64 without CRC-32
      const checksum = crc32 ? crcHex(encoded.crc ?? crc32(bytes, 0)) : this.hasher.bytes(bytes);
      writeAll(pack.data, bytes, offset);
      entry = {
        format: ENTRY_FORMAT, key, node, codec: encoded.codec, kind: encoded.kind, pack: pack.id, offset,
        bytes: bytes.byteLength, sum: crc32 ? 'crc32' : 'xxh64', checksum,
        ...(encoded.values === undefined ? {} : { values: encoded.values, length: encoded.length }),
      };
      // The next payload starts on a multiple of 8, so values read in one piece with the pack can be viewed in place.
      pack.offset = align8(offset + bytes.byteLength);
      writeAll(pack.index, Buffer.from(entryLine(this.hasher, entry), 'utf8'));
    } catch (error) {
      this.close(); // where the files end is unknown now: the next value goes to a new pack
      throw writeError(packDataPath(this.dir, pack.id), 'a cache pack', error);
    }
    return entry;
  }

  close(): void {
    const pack = this.current;
    this.current = undefined;
    if (!pack) return;
    for (const fd of [pack.data, pack.index]) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
  }

  private start(): OpenPack {
    const id = `${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${randomBytes(4).toString('hex')}`;
    let index: number | undefined;
    try {
      index = openSync(packIndexPath(this.dir, id), 'wx');
      return { id, index, data: openSync(packDataPath(this.dir, id), 'wx'), offset: 0 };
    } catch (error) {
      if (index !== undefined) closeSync(index);
      throw writeError(packDataPath(this.dir, id), 'a cache pack', error);
    }
  }
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  let done = 0;
  while (done < bytes.byteLength) {
    done += writeSync(fd, bytes, done, bytes.byteLength - done, position === undefined ? null : position + done);
  }
}
