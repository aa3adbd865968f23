/**
 * A training frame kept whole in the cache directory, under its frame key (frame-key.ts): one
 * Arrow IPC entry, the frame table of frame-tables.ts (train, validation and test rows one after
 * the other; each split an index range of it, sliced without a copy), and one JSON entry with the rest of what
 * the caller gets (features, quality results with their warnings, counts, ranges, warm-up rows,
 * the node names the cold run answered). The JSON entry is written last, so a run killed in
 * between leaves no frame. Both go through the node cache's store: checksummed, in packs, evicted
 * with them, removed by `quiver cache clear`. A damaged or unreadable entry is a note and a miss;
 * the frame is built again and stored anew.
 */
import { EntryLost, NotEncodable } from '../cache/errors';
import { loadHasher, type Hasher } from '../cache/hasher';
import type { CacheSettings } from '../cache/options';
import { ports, type AdapterNote, type CacheStore } from '../ports';
import type { ArrowTable } from './frame-tables';
import { FRAME_FORMAT, frameKey } from './frame-key';
import type { ResolvedFrameOptions } from './frame-options';
import { SPLIT_NAMES, type SplitName } from './split';
import type { FrameCounts } from './training-frame';

/** What a frame is made of beyond its options and history: computed by a cold build, read by a warm one. */
export interface FrameParts {
  /** Every split's rows in one table: train, validation, test (`counts` says how many of each). */
  readonly table: ArrowTable;
  readonly features: readonly string[];
  readonly leftOut: readonly string[];
  readonly quality: readonly import('../quality/result').QualityResult[];
  readonly counts: FrameCounts;
  readonly ranges: Readonly<Record<SplitName, readonly [number, number] | null>>;
  readonly warmup: Int32Array;
}

/** The JSON entry: `FrameParts` without the tables, and where the tables are. */
interface StoredParts extends Omit<FrameParts, 'table'> {
  readonly format: string;
  /** The key of the one table of every split's rows (train, validation, test, in that order). */
  readonly table: string;
  /** The node names the cold run computed or read for the frame: a warm build reports them as `hits`. */
  readonly outputs: readonly string[];
}

const NODE = 'training frame';

/** A frame read from the cache, and the node names its cold build answered. */
export interface FrameHit {
  readonly parts: FrameParts;
  readonly outputs: readonly string[];
}

/**
 * @example
 * const cache = await FrameCache.open(o, o.cacheSettings);
 * const hit = cache.read();   // { parts, outputs } | undefined
 * if (!hit) await cache.write(parts, outputs);
 * await cache.close();
 */
export class FrameCache {
  readonly notes: AdapterNote[] = [];

  private constructor(
    private readonly settings: CacheSettings, private readonly hasher: Hasher,
    private readonly store: CacheStore | undefined, private readonly key: string | undefined, note?: AdapterNote,
  ) {
    if (note) this.notes.push(note);
  }

  /** Makes the frame's key (or the note saying why there is none) and opens the store. */
  static async open(o: ResolvedFrameOptions, settings: CacheSettings): Promise<FrameCache> {
    const hasher = await loadHasher();
    const made = frameKey(o, settings, hasher);
    if ('note' in made) return new FrameCache(settings, hasher, undefined, undefined, made.note);
    return new FrameCache(settings, hasher, await ports().openCacheStore(settings.path, hasher), made.key);
  }

  /** The stored frame, checked against `columns` (the frame's column names, entity to label); undefined on a miss. */
  read(columns: (features: readonly string[]) => readonly string[]): FrameHit | undefined {
    if (!this.store || !this.key) return undefined;
    const stored = this.value(this.key);
    if (stored === undefined) return undefined;
    if (!isStored(stored)) return void this.lost(this.key, 'is not a training frame quiver can read'), undefined;
    const table = this.value(stored.table, true) as ArrowTable | undefined;
    if (table === undefined) return void this.store.remove(this.key), undefined;
    const { train, validation, test } = stored.counts;
    const names = table.schema?.fields?.map((f) => f.name) ?? [];
    const expected = columns(stored.features);
    if (table.numRows !== train + validation + test || names.join('\u0000') !== expected.join('\u0000')) {
      this.lost(stored.table, 'does not hold the frame its summary describes');
      this.store.remove(this.key);
      return undefined;
    }
    const { features, leftOut, quality, ranges, warmup, outputs } = stored;
    const parts: FrameParts = { table, features, leftOut, quality, counts: stored.counts, ranges, warmup };
    return { parts, outputs };
  }

  /** Stores a frame just built; a failure to store is a note (the next build computes it again). */
  async write(parts: FrameParts, outputs: readonly string[]): Promise<void> {
    if (!this.store || !this.key) return;
    const { table: rows, ...rest } = parts;
    const table = this.hasher.text(`${this.key}\u0000table`, 0n) + this.hasher.text(`${this.key}\u0000table`, 1n);
    const stored: StoredParts = { format: FRAME_FORMAT, table, outputs: [...outputs], ...rest };
    try {
      await this.store.write(table, `${NODE} (table)`, rows);
      await this.store.write(this.key, NODE, stored);
    } catch (error) {
      const reason = error instanceof NotEncodable || error instanceof Error ? error.message : String(error);
      this.note('cache-not-stored', reason);
    }
  }

  /** Ends the build's use of the store; least recently used packs go while the directory is over `maxBytes`. */
  async close(): Promise<void> {
    if (!this.store) return;
    const recent = this.store.close();
    const { path, maxBytes } = this.settings;
    if (maxBytes !== undefined) await ports().evictCache(path, maxBytes, recent);
  }

  /** The value stored under `key`; undefined when there is none (a note if `required`) or it is unreadable (a note). */
  private value(key: string, required = false): unknown {
    const store = this.store!;
    const found = store.find(key);
    if (found === undefined) return void (required && this.lost(key, 'is missing')), undefined;
    if (found instanceof EntryLost) return void this.drop(found), undefined;
    try {
      return store.read(found);
    } catch (error) {
      if (!(error instanceof EntryLost)) throw error;
      return void this.drop(error), undefined;
    }
  }

  private lost(key: string, reason: string): void {
    this.drop(new EntryLost(key, NODE, reason));
  }

  private drop(lost: EntryLost): void {
    this.store?.remove(lost.key);
    const message = `${lost.message}; it was dropped and the frame built again.`;
    this.notes.push({ code: 'cache-entry-lost', column: NODE, message });
  }

  private note(code: AdapterNote['code'], reason: string): void {
    this.notes.push({ code, column: NODE, message: `The training frame was built but not cached: ${reason}.` });
  }
}

function isStored(value: unknown): value is StoredParts {
  if (value === null || typeof value !== 'object') return false;
  const s = value as Partial<StoredParts>;
  const names = (list: unknown) => Array.isArray(list) && list.every((n) => typeof n === 'string');
  const counts = s.counts as unknown as Record<string, unknown> | undefined;
  const whole = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return s.format === FRAME_FORMAT && typeof s.table === 'string' && names(s.features) && names(s.leftOut) &&
    names(s.outputs) && Array.isArray(s.quality) && s.warmup instanceof Int32Array && typeof s.ranges === 'object' &&
    s.ranges !== null && SPLIT_NAMES.every((k) => k in s.ranges!) && counts !== undefined && counts !== null &&
    ['history', 'warmup', 'unlabeled', 'gap', ...SPLIT_NAMES].every((k) => whole(counts[k]));
}
