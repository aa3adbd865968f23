/**
 * The cache directory: results by key in packs (see entry.ts for the layout), each checked against
 * its checksum (payload-sum.ts) when read, the bytes checksummed as they come in. Opening reads
 * every pack's index once (one file per pack, not per value); lookups and reads are synchronous
 * (they sit on the executor's path) and read one byte range of an open file each; writes append to
 * this run's own pack (pack-writer.ts), so a run killed mid-write leaves no entry, never a half one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CacheError } from '../../src/errors';
import { EntryLost } from '../../src/cache/errors';
import type { Crc32 } from '../../src/cache/crc32';
import type { Hasher } from '../../src/cache/hasher';
import { decodeValue, encodeValue } from './codec';
import { ENTRY_FORMAT, PACK_PATTERN, packDataPath, packIndexPath, packsDir, parseIndex } from './entry';
import type { CacheEntry } from './entry';
import { PackWriter } from './pack-writer';
import { crcHex, NO_CRC32, PIECE_BYTES, payloadSum } from './payload-sum';

export const MARKER = 'QUIVER-CACHE';

/** A stored value could not be used (defined in the core, which reads it). */
export { EntryLost };

export class CacheStore {
  /** Data file sizes by pack (null: the file is gone), each read once per run. */
  private readonly sizes = new Map<string, number | null>();
  private readonly files = new Map<string, number>();
  /** Packs this run read from: their index files are touched at `close`, for least-recently-used eviction. */
  private readonly used = new Set<string>();
  private readonly written = new Set<string>();
  /** Packs read whole (`prefetch`): entries in them are views of this buffer. */
  private readonly wholes = new Map<string, Buffer>();
  /** CRC-32s of entries in packs read whole, taken piece by piece as they were read; each used once. */
  private readonly sums = new Map<CacheEntry, number>();
  private readonly writer: PackWriter;

  private constructor(
    readonly dir: string, private readonly hasher: Hasher, private readonly entries: Map<string, CacheEntry>,
  ) {
    this.writer = new PackWriter(dir, hasher);
  }

  /**
   * Opens (and creates) a cache directory and reads its packs' index files; a directory that
   * cannot be written is a `CacheError`.
   *
   * @example
   * const store = await CacheStore.open('.quiver-cache', await loadHasher());
   */
  static async open(dir: string, hasher: Hasher): Promise<CacheStore> {
    const packs = packsDir(dir);
    let names: string[];
    try {
      fs.mkdirSync(packs, { recursive: true });
      const marker = path.join(dir, MARKER);
      if (!fs.existsSync(marker)) fs.writeFileSync(marker, `quiver cache, format ${ENTRY_FORMAT}\n`);
      fs.accessSync(packs, fs.constants.W_OK);
      names = fs.readdirSync(packs);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CacheError(
        `Cannot use "${dir}" as a cache directory (${reason}). Pass withCache() a directory you may write to.`,
      );
    }
    const entries = new Map<string, CacheEntry>();
    // Oldest pack first, so a key stored again (after its value was found damaged) takes the newer place.
    for (const name of names.filter((n) => n.endsWith('.jsonl')).sort()) {
      const pack = name.slice(0, -'.jsonl'.length);
      if (!PACK_PATTERN.test(pack)) continue;
      let text: string;
      try {
        text = fs.readFileSync(packIndexPath(dir, pack), 'utf8');
      } catch {
        continue; // evicted meanwhile by another run
      }
      for (const entry of parseIndex(hasher, text, pack)) entries.set(entry.key, entry);
    }
    return new CacheStore(dir, hasher, entries);
  }

  /** The entry stored under `key`, undefined when there is none, or the reason it cannot be used. */
  find(key: string): CacheEntry | undefined | EntryLost {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const size = this.sizeOf(entry.pack);
    if (size === null) return new EntryLost(key, entry.node, 'is missing its file');
    const has = Math.max(0, Math.min(entry.bytes, size - entry.offset));
    return has === entry.bytes ? entry : new EntryLost(key, entry.node, shortBy(has, entry.bytes));
  }

  /**
   * Before a run reads `entries`: each pack of which they make at least half is read in one piece
   * (one buffer instead of one per value), and its entries become views of it. The pack is read in
   * pieces of `PIECE_BYTES`, and each CRC-32 entry's checksum is carried over every piece while it
   * is still in the processor's cache; `read` compares it.
   */
  prefetch(entries: readonly CacheEntry[]): void {
    const needed = new Map<string, CacheEntry[]>();
    for (const e of entries) {
      const list = needed.get(e.pack);
      if (list) list.push(e);
      else needed.set(e.pack, [e]);
    }
    for (const [pack, list] of needed) {
      const size = this.sizeOf(pack);
      const bytes = list.reduce((n, e) => n + e.bytes, 0);
      if (size === null || this.wholes.has(pack) || bytes * 2 < size) continue;
      const whole = Buffer.allocUnsafeSlow(size);
      const crc32 = this.hasher.crc32;
      const spans = crc32 ? list.filter((e) => e.sum === 'crc32').map((e) => span(e, 0)) : [];
      try {
        const got = readSummed(this.fileOf(pack), whole, 0, spans, crc32);
        this.wholes.set(pack, got === size ? whole : whole.subarray(0, got));
        for (const s of spans) this.sums.set(s.entry, s.crc);
      } catch {
        // read one by one instead, each reporting what is wrong with it
      }
    }
  }

  /** Reads and checks an entry's value. */
  read(entry: CacheEntry): unknown {
    const whole = this.wholes.get(entry.pack);
    const crc32 = this.hasher.crc32;
    let bytes: Buffer;
    let got: number;
    let crc = this.sums.get(entry); // taken by `prefetch` as the bytes came in
    this.sums.delete(entry); // only once: an entry read again is checked again
    if (whole) {
      got = Math.max(0, Math.min(entry.bytes, whole.byteLength - entry.offset));
      bytes = whole.subarray(entry.offset, entry.offset + got);
    } else {
      // A buffer of its own (not Node's shared pool), so typed arrays can view it without a copy.
      bytes = Buffer.allocUnsafeSlow(entry.bytes);
      const spans = crc32 && entry.sum === 'crc32' ? [span(entry, entry.offset)] : [];
      try {
        got = readSummed(this.fileOf(entry.pack), bytes, entry.offset, spans, crc32);
      } catch {
        throw new EntryLost(entry.key, entry.node, 'is missing its file');
      }
      crc = spans[0]?.crc;
    }
    if (got !== entry.bytes) throw new EntryLost(entry.key, entry.node, shortBy(got, entry.bytes));
    const sum = crc !== undefined ? crcHex(crc) : payloadSum(this.hasher, entry.sum, bytes);
    if (sum === undefined) throw new EntryLost(entry.key, entry.node, NO_CRC32);
    if (sum !== entry.checksum) throw new EntryLost(entry.key, entry.node, 'does not match its checksum');
    let value: unknown;
    try {
      value = decodeValue({ codec: entry.codec, kind: entry.kind, bytes, values: entry.values, length: entry.length });
    } catch (error) {
      const why = error instanceof Error ? error.message : error;
      throw new EntryLost(entry.key, entry.node, `cannot be decoded (${why})`);
    }
    this.used.add(entry.pack);
    return value;
  }

  /** Stores `value` under `key` in this run's pack. Throws `NotEncodable`, or an `InputError` when it cannot write. */
  async write(key: string, node: string, value: unknown): Promise<CacheEntry> {
    const crc32 = this.hasher.crc32;
    const entry = this.writer.append(key, node, encodeValue(value, crc32 && ((bytes) => crc32(bytes, 0))));
    this.entries.set(key, entry);
    this.sizes.set(entry.pack, entry.offset + entry.bytes);
    this.written.add(entry.pack);
    return entry;
  }

  /** Forgets `key` for this run (a damaged entry: the value computed again is stored in a newer pack). */
  remove(key: string): void {
    this.entries.delete(key);
  }

  /** Ends the run's use of the directory: files closed, the packs it read marked used now; returns those and its own. */
  close(): string[] {
    const recent = new Set([...this.used, ...this.written]);
    this.writer.close();
    for (const fd of this.files.values()) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
    this.files.clear();
    this.wholes.clear();
    this.sums.clear();
    const now = new Date();
    for (const pack of this.used) {
      try {
        fs.utimesSync(packIndexPath(this.dir, pack), now, now);
      } catch {
        // evicted meanwhile by another run: the values read were still right
      }
    }
    this.used.clear();
    return [...recent];
  }

  private sizeOf(pack: string): number | null {
    let size = this.sizes.get(pack);
    if (size === undefined) {
      try {
        size = fs.statSync(packDataPath(this.dir, pack)).size;
      } catch {
        size = null;
      }
      this.sizes.set(pack, size);
    }
    return size;
  }

  /** The pack's data file, opened once per run; throws when it cannot be opened. */
  private fileOf(pack: string): number {
    let fd = this.files.get(pack);
    if (fd === undefined) {
      fd = fs.openSync(packDataPath(this.dir, pack), 'r');
      this.files.set(pack, fd);
    }
    return fd;
  }
}

/** An entry's byte range in the buffer being filled, and its CRC-32 so far. */
interface Span {
  readonly entry: CacheEntry;
  readonly start: number;
  readonly end: number;
  crc: number;
}

/** The entry's range in a buffer that starts at `base` in its pack. */
function span(entry: CacheEntry, base: number): Span {
  const start = entry.offset - base;
  return { entry, start, end: start + entry.bytes, crc: 0 };
}

/**
 * Fills `into` from `position` of the file until it is full or the file ends, `PIECE_BYTES` at a
 * time; after each piece, each span's CRC-32 is carried over its part of that piece (so every byte
 * is checksummed while still in cache, however large the payload). Returns the bytes read.
 */
function readSummed(fd: number, into: Uint8Array, position: number, spans: Span[], crc32: Crc32 | undefined): number {
  spans.sort((a, b) => a.start - b.start);
  let got = 0;
  let first = 0; // spans before it are done
  while (got < into.byteLength) {
    const want = Math.min(PIECE_BYTES, into.byteLength - got);
    let n = 0;
    while (n < want) {
      const r = fs.readSync(fd, into, got + n, want - n, position + got + n);
      if (r === 0) break;
      n += r;
    }
    const from = got;
    got += n;
    if (crc32) {
      for (let i = first; i < spans.length && spans[i].start < got; i++) {
        const s = spans[i];
        const a = Math.max(from, s.start);
        const b = Math.min(got, s.end);
        if (b > a) s.crc = crc32(into.subarray(a, b), s.crc);
      }
      while (first < spans.length && spans[first].end <= got) first++;
    }
    if (n < want) break;
  }
  return got;
}

function shortBy(has: number, written: number): string {
  return `has ${has} byte${has === 1 ? '' : 's'} where ${written} were written`;
}
