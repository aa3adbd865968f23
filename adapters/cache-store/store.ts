/**
 * The cache directory: results by key (see entry.ts for the layout), each checked against its
 * checksum when read. Lookups and reads are synchronous (they sit on the executor's path); writes
 * are atomic (a temporary file renamed into place), so a run killed mid-write leaves no entry, never a
 * half one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CacheError } from '../../src/errors';
import { EntryLost } from '../../src/cache/errors';
import type { Hasher } from '../../src/cache/hasher';
import { removeStaleTempFiles } from '../files/temp-files';
import { writeFileAtomically } from './write-file';
import { decodeValue, encodeValue } from './codec';
import { ENTRY_FORMAT, indexPath, parseEntry, payloadPath, type CacheEntry } from './entry';

export const MARKER = 'QUIVER-CACHE';

/** A stored value could not be used (defined in the core, which reads it). */
export { EntryLost };

export class CacheStore {
  private constructor(readonly dir: string, private readonly hasher: Hasher) {}

  /**
   * Opens (and creates) a cache directory; a directory that cannot be written is a `CacheError`.
   *
   * @example
   * const store = await CacheStore.open('.quiver-cache', await loadHasher());
   */
  static async open(dir: string, hasher: Hasher): Promise<CacheStore> {
    try {
      await fs.promises.mkdir(path.join(dir, 'index'), { recursive: true });
      await fs.promises.mkdir(path.join(dir, 'objects'), { recursive: true });
      const marker = path.join(dir, MARKER);
      if (!fs.existsSync(marker)) await fs.promises.writeFile(marker, `quiver cache, format ${ENTRY_FORMAT}\n`);
      await fs.promises.access(path.join(dir, 'objects'), fs.constants.W_OK);
      // Temporary files of killed runs go once per run here, not on every write (see `write`).
      await removeStaleTempFiles(path.join(dir, 'objects'));
      await removeStaleTempFiles(path.join(dir, 'index'));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CacheError(`Cannot use "${dir}" as a cache directory (${reason}). Pass withCache() a directory you may write to.`);
    }
    return new CacheStore(dir, hasher);
  }

  /** The entry stored under `key`, undefined when there is none, or the reason it cannot be used. */
  find(key: string): CacheEntry | undefined | EntryLost {
    let text: string;
    try {
      text = fs.readFileSync(indexPath(this.dir, key), 'utf8');
    } catch {
      return undefined;
    }
    const entry = parseEntry(text, key);
    if (typeof entry === 'string') return new EntryLost(key, key, entry);
    let size: number;
    try {
      size = fs.statSync(payloadPath(this.dir, entry)).size;
    } catch {
      return new EntryLost(key, entry.node, 'is missing its file');
    }
    return size === entry.bytes ? entry : new EntryLost(key, entry.node, `has ${size} bytes where ${entry.bytes} were written`);
  }

  /** Reads and checks an entry's value; marks it used now (for least-recently-used eviction). */
  read(entry: CacheEntry): unknown {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(payloadPath(this.dir, entry));
    } catch {
      throw new EntryLost(entry.key, entry.node, 'is missing its file');
    }
    if (bytes.byteLength !== entry.bytes) throw new EntryLost(entry.key, entry.node, `has ${bytes.byteLength} bytes where ${entry.bytes} were written`);
    if (this.hasher.bytes(bytes) !== entry.checksum) throw new EntryLost(entry.key, entry.node, 'does not match its checksum');
    let value: unknown;
    try {
      value = decodeValue({ codec: entry.codec, kind: entry.kind, bytes });
    } catch (error) {
      throw new EntryLost(entry.key, entry.node, `cannot be decoded (${error instanceof Error ? error.message : error})`);
    }
    const now = new Date();
    try {
      fs.utimesSync(indexPath(this.dir, entry.key), now, now);
    } catch {
      // evicted meanwhile by another run: the value read is still right
    }
    return value;
  }

  /** Stores `value` under `key`: the payload first, then its index file. Throws `NotEncodable`. */
  async write(key: string, node: string, value: unknown): Promise<CacheEntry> {
    const encoded = encodeValue(value);
    const entry: CacheEntry = {
      format: ENTRY_FORMAT, key, node, codec: encoded.codec, kind: encoded.kind,
      bytes: encoded.bytes.byteLength, checksum: this.hasher.bytes(encoded.bytes),
    };
    writeFileAtomically(payloadPath(this.dir, entry), 'a cached value', encoded.bytes);
    writeFileAtomically(indexPath(this.dir, key), 'a cache index entry', JSON.stringify(entry));
    return entry;
  }

  /** Forgets `key` (its index file; the payload goes at the next eviction or clear). */
  remove(key: string): void {
    fs.rmSync(indexPath(this.dir, key), { force: true });
  }
}
