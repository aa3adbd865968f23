/**
 * Keeping a cache directory in bounds: least-recently-used eviction down to `maxBytes`, by whole
 * packs (recency is a pack's index file's modification time, which every run reading from it
 * refreshes; a pack holds at most `ROLL_BYTES` of values), stray files left by killed runs, and
 * `clearCache` for `quiver cache clear`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CacheError } from '../../src/errors';
import { PACK_PATTERN, packsDir } from './entry';
import { MARKER } from './store';

/** Files that are not part of a pack with an index, older than this, are left over from a killed run. */
const STRAY_MS = 10 * 60_000;

interface Stored {
  readonly pack: string;
  readonly used: number;
  readonly bytes: number;
  readonly files: string[];
  /** Index lines (values) in the pack. */
  readonly lines: number;
}

function listPacks(dir: string): { packs: Stored[]; strays: string[] } {
  const now = Date.now();
  const folder = packsDir(dir);
  const byPack = new Map<string, { bytes: number; files: string[]; used?: number; lines: number; newest: number }>();
  const strays: string[] = [];
  for (const name of safeList(folder)) {
    const file = path.join(folder, name);
    const stat = safeStat(file);
    if (!stat) continue;
    const dot = name.lastIndexOf('.');
    const pack = name.slice(0, dot);
    const ext = name.slice(dot + 1);
    if (!PACK_PATTERN.test(pack) || (ext !== 'pack' && ext !== 'jsonl')) {
      if (now - stat.mtimeMs > STRAY_MS) strays.push(file);
      continue;
    }
    const item = byPack.get(pack) ?? { bytes: 0, files: [], lines: 0, newest: 0 };
    item.bytes += stat.size;
    item.files.push(file);
    item.newest = Math.max(item.newest, stat.mtimeMs);
    if (ext === 'jsonl') {
      item.used = stat.mtimeMs;
      item.lines = countLines(file);
    }
    byPack.set(pack, item);
  }
  const packs: Stored[] = [];
  for (const [pack, item] of byPack) {
    if (item.used === undefined || item.lines === 0) {
      if (now - item.newest > STRAY_MS) strays.push(...item.files); // a data file without its index, or an empty pack
      continue;
    }
    packs.push({ pack, used: item.used, bytes: item.bytes, files: item.files, lines: item.lines });
  }
  return { packs, strays };
}

/**
 * Removes the least recently used packs until the directory holds at most `maxBytes`; returns
 * the packs removed. `current` (the packs the calling run read or wrote) count as used last
 * whatever their file times say (a file system's clock is coarser than `Date.now()`). Stray
 * files of killed runs go too.
 *
 * @example
 * await evictCache('.quiver-cache', 2 ** 30);  // keep at most 1 GiB
 */
export async function evictCache(dir: string, maxBytes: number, current: readonly string[] = []): Promise<string[]> {
  const { packs, strays } = listPacks(dir);
  for (const file of strays) fs.rmSync(file, { force: true });
  let total = packs.reduce((sum, p) => sum + p.bytes, 0);
  const removed: string[] = [];
  const now = new Set(current);
  const used = (p: Stored) => (now.has(p.pack) ? Number.POSITIVE_INFINITY : p.used);
  for (const pack of packs.sort((a, b) => used(a) - used(b) || a.used - b.used)) {
    if (total <= maxBytes) break;
    for (const file of pack.files) fs.rmSync(file, { force: true });
    total -= pack.bytes;
    removed.push(pack.pack);
  }
  return removed;
}

/**
 * Empties a cache directory made by quiver (it must hold the `QUIVER-CACHE` marker, so a mistyped
 * path never deletes anything else). Resolves to what was removed: values (index lines) and bytes.
 * The `index/` and `objects/` folders of earlier quiver versions' caches go too.
 *
 * @example
 * const { entries, bytes } = await clearCache('.quiver-cache');
 */
export async function clearCache(dir: string): Promise<{ entries: number; bytes: number }> {
  if (!fs.existsSync(path.join(dir, MARKER))) {
    const why = fs.existsSync(dir) ? 'it is not a quiver cache (no QUIVER-CACHE file in it)' : 'it does not exist';
    throw new CacheError(`Cannot clear "${dir}": ${why}. Pass the directory given to withCache() or --cache.`);
  }
  const { packs } = listPacks(dir);
  const bytes = packs.reduce((sum, p) => sum + p.bytes, 0);
  const entries = packs.reduce((sum, p) => sum + p.lines, 0);
  for (const folder of [packsDir(dir), path.join(dir, 'derived'), path.join(dir, 'index'), path.join(dir, 'objects')]) {
    await fs.promises.rm(folder, { recursive: true, force: true });
  }
  return { entries, bytes };
}

function countLines(file: string): number {
  try {
    const text = fs.readFileSync(file, 'utf8');
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    return n;
  } catch {
    return 0;
  }
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function safeStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
