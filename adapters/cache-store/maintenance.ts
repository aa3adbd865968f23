/**
 * Keeping a cache directory in bounds: least-recently-used eviction down to `maxBytes` (recency is
 * the index file's modification time, which every read refreshes), stray files left by killed runs,
 * and `clearCache` for `quiver cache clear`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CacheError } from '../../src/errors';
import { KEY_PATTERN } from './entry';
import { MARKER } from './store';

/** Payloads without an index file, and temporary files, older than this are left over from a killed run. */
const STRAY_MS = 10 * 60_000;

interface Stored {
  readonly key: string;
  readonly used: number;
  readonly bytes: number;
  readonly files: string[];
}

function listEntries(dir: string): { entries: Stored[]; strays: string[] } {
  const now = Date.now();
  const byKey = new Map<string, { bytes: number; files: string[]; used?: number }>();
  const strays: string[] = [];
  for (const name of safeList(path.join(dir, 'objects'))) {
    const file = path.join(dir, 'objects', name);
    const stat = safeStat(file);
    if (!stat) continue;
    const key = name.slice(0, 32);
    if (!KEY_PATTERN.test(key) || name[32] !== '-') {
      if (now - stat.mtimeMs > STRAY_MS) strays.push(file);
      continue;
    }
    const item = byKey.get(key) ?? { bytes: 0, files: [] };
    item.bytes += stat.size;
    item.files.push(file);
    byKey.set(key, item);
  }
  for (const name of safeList(path.join(dir, 'index'))) {
    const file = path.join(dir, 'index', name);
    const key = name.slice(0, -'.json'.length);
    const stat = safeStat(file);
    if (!stat) continue;
    if (!KEY_PATTERN.test(key) || !name.endsWith('.json')) {
      if (now - stat.mtimeMs > STRAY_MS) strays.push(file);
      continue;
    }
    const item = byKey.get(key) ?? { bytes: 0, files: [] };
    item.used = stat.mtimeMs;
    item.bytes += stat.size;
    item.files.unshift(file);
    byKey.set(key, item);
  }
  const entries: Stored[] = [];
  for (const [key, item] of byKey) {
    if (item.used === undefined) {
      if (item.files.every((f) => now - (safeStat(f)?.mtimeMs ?? now) > STRAY_MS)) strays.push(...item.files);
    } else entries.push({ key, used: item.used, bytes: item.bytes, files: item.files });
  }
  return { entries, strays };
}

/**
 * Removes the least recently used entries until the directory holds at most `maxBytes`; returns the
 * keys removed. Stray files of killed runs go too.
 *
 * @example
 * await evictCache('.quiver-cache', 2 ** 30);  // keep at most 1 GiB
 */
export async function evictCache(dir: string, maxBytes: number): Promise<string[]> {
  const { entries, strays } = listEntries(dir);
  for (const file of strays) fs.rmSync(file, { force: true });
  let total = entries.reduce((sum, e) => sum + e.bytes, 0);
  const removed: string[] = [];
  for (const entry of entries.sort((a, b) => a.used - b.used)) {
    if (total <= maxBytes) break;
    for (const file of entry.files) fs.rmSync(file, { force: true });
    total -= entry.bytes;
    removed.push(entry.key);
  }
  return removed;
}

/**
 * Empties a cache directory made by quiver (it must hold the `QUIVER-CACHE` marker, so a mistyped
 * path never deletes anything else). Resolves to what was removed.
 *
 * @example
 * const { entries, bytes } = await clearCache('.quiver-cache');
 */
export async function clearCache(dir: string): Promise<{ entries: number; bytes: number }> {
  if (!fs.existsSync(path.join(dir, MARKER))) {
    const why = fs.existsSync(dir) ? 'it is not a quiver cache (no QUIVER-CACHE file in it)' : 'it does not exist';
    throw new CacheError(`Cannot clear "${dir}": ${why}. Pass the directory given to withCache() or --cache.`);
  }
  const { entries, strays } = listEntries(dir);
  const bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
  await fs.promises.rm(path.join(dir, 'index'), { recursive: true, force: true });
  await fs.promises.rm(path.join(dir, 'objects'), { recursive: true, force: true });
  void strays;
  return { entries: entries.length, bytes };
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
