/**
 * One stored result: a line of a pack's index `packs/<pack>.jsonl` pointing at its payload, a byte
 * range of the pack's data file `packs/<pack>.pack`. Every run that stores values writes packs of
 * its own (named by time, pid and random bits) and only ever appends to them, so concurrent runs
 * sharing a directory never edit one shared file. Each index line carries the hash of its own text,
 * and each payload its checksum (CRC-32; see payload-sum.ts): a torn, edited or flipped line is
 * skipped (a miss), a damaged payload is caught when read — neither is ever returned as a value.
 * Entries of format 2 (earlier quiver versions) are read too: their payloads are checked with the
 * xxHash64 they were written with.
 */
import * as path from 'node:path';
import type { Hasher } from '../../src/cache/hasher';
import { SUM_PATTERN, type SumAlgorithm } from './payload-sum';

export const ENTRY_FORMAT = 3;

/** The format before the checksum's algorithm was recorded: every payload checksum is xxHash64. */
const XXH64_FORMAT = 2;

export interface CacheEntry {
  readonly format: number;
  readonly key: string;
  /** The node whose value this is (for people and `quiver cache` listings). */
  readonly node: string;
  readonly codec: 'arrow' | 'json';
  /** For Arrow entries: `table`, `vector` or `array:<TypedArray name>`. */
  readonly kind: string;
  /** The pack holding the payload. */
  readonly pack: string;
  /** Where the payload starts in the pack's data file. */
  readonly offset: number;
  readonly bytes: number;
  /** The algorithm of `checksum` (format 2 entries have none written: they are read as `xxh64`). */
  readonly sum: SumAlgorithm;
  /** The payload's checksum: CRC-32 as 8 hex digits, or xxHash64 as 16. */
  readonly checksum: string;
  /** For a typed array: where its values start in the payload, found by decoding it when written. */
  readonly values?: number;
  /** For a typed array: its length. */
  readonly length?: number;
}

export const KEY_PATTERN = /^[0-9a-f]{32}$/;

/** `<ms since 1970, base 36, 9 digits>-<pid>-<8 hex>`: sorts by creation time; unique per writer. */
export const PACK_PATTERN = /^[0-9a-z]{9}-\d+-[0-9a-f]{8}$/;

/** @example packsDir('.quiver-cache')  // '.quiver-cache/packs' */
export function packsDir(dir: string): string {
  return path.join(dir, 'packs');
}

/** @example packDataPath('.quiver-cache', entry.pack)  // '.quiver-cache/packs/<pack>.pack' */
export function packDataPath(dir: string, pack: string): string {
  return path.join(dir, 'packs', `${pack}.pack`);
}

/** @example packIndexPath('.quiver-cache', entry.pack)  // '.quiver-cache/packs/<pack>.jsonl' */
export function packIndexPath(dir: string, pack: string): string {
  return path.join(dir, 'packs', `${pack}.jsonl`);
}

/**
 * An index line: the entry's JSON, a tab, the xxHash64 of that JSON.
 *
 * @example
 * entryLine(hasher, entry)  // '{"format":3,"key":"…",…}\t…16 hex digits…\n'
 */
export function entryLine(hasher: Hasher, entry: CacheEntry): string {
  const json = JSON.stringify(entry);
  return `${json}\t${hasher.text(json)}\n`;
}

/**
 * The entries of one index file, in the order written. A line that is torn (a run killed while
 * appending it), does not match its hash or is not an entry of this pack is skipped.
 *
 * @example
 * parseIndex(hasher, fs.readFileSync(packIndexPath(dir, pack), 'utf8'), pack)  // CacheEntry[]
 */
export function parseIndex(hasher: Hasher, text: string, pack: string): CacheEntry[] {
  const out: CacheEntry[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
    const line = text.slice(start, end);
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const json = line.slice(0, tab);
    if (hasher.text(json) !== line.slice(tab + 1)) continue;
    const entry = asEntry(json, pack);
    if (entry) out.push(entry);
  }
  return out;
}

function asEntry(json: string, pack: string): CacheEntry | undefined {
  let e: Partial<CacheEntry>;
  try {
    e = JSON.parse(json) as Partial<CacheEntry>;
  } catch {
    return undefined;
  }
  if (e === null || typeof e !== 'object') return undefined;
  if (e.format === XXH64_FORMAT && e.sum === undefined) e = { ...e, sum: 'xxh64' };
  else if (e.format !== ENTRY_FORMAT) return undefined;
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  const summed = (e.sum === 'crc32' || e.sum === 'xxh64') && typeof e.checksum === 'string' &&
    SUM_PATTERN[e.sum].test(e.checksum);
  const ok = e.pack === pack && typeof e.key === 'string' && KEY_PATTERN.test(e.key) && typeof e.node === 'string' &&
    (e.codec === 'arrow' || e.codec === 'json') && typeof e.kind === 'string' && count(e.offset) && count(e.bytes) &&
    summed && (e.values === undefined || (count(e.values) && count(e.length)));
  return ok ? (e as CacheEntry) : undefined;
}
