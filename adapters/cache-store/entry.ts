/**
 * One stored result: an index file `index/<key>.json` pointing at its payload
 * `objects/<key>-<checksum>.<arrow|json>`. One file per key and a payload named by its own checksum
 * make the index safe for concurrent runs: every write is a rename of a complete file, and no two
 * runs ever edit one shared file.
 */
import * as path from 'node:path';

export const ENTRY_FORMAT = 1;

export interface CacheEntry {
  readonly format: number;
  readonly key: string;
  /** The node whose value this is (for people and `quiver cache` listings). */
  readonly node: string;
  readonly codec: 'arrow' | 'json';
  /** For Arrow entries: `table`, `vector` or `array:<TypedArray name>`. */
  readonly kind: string;
  readonly bytes: number;
  /** xxHash64 of the payload file, 16 hex digits. */
  readonly checksum: string;
}

export const KEY_PATTERN = /^[0-9a-f]{32}$/;

export function indexPath(dir: string, key: string): string {
  return path.join(dir, 'index', `${key}.json`);
}

export function payloadPath(dir: string, entry: Pick<CacheEntry, 'key' | 'checksum' | 'codec'>): string {
  return path.join(dir, 'objects', `${entry.key}-${entry.checksum}.${entry.codec}`);
}

/** The entry an index file holds, or the reason it is not one. */
export function parseEntry(text: string, key: string): CacheEntry | string {
  let e: Partial<CacheEntry>;
  try {
    e = JSON.parse(text) as Partial<CacheEntry>;
  } catch {
    return 'its index file is not JSON';
  }
  const ok = e !== null && typeof e === 'object' && e.format === ENTRY_FORMAT && e.key === key && typeof e.node === 'string' &&
    (e.codec === 'arrow' || e.codec === 'json') && typeof e.kind === 'string' && Number.isInteger(e.bytes) &&
    typeof e.checksum === 'string' && /^[0-9a-f]{16}$/.test(e.checksum);
  return ok ? (e as CacheEntry) : 'its index file is not a cache entry';
}
