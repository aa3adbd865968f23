/** `Builder.withCache(path | { path, maxBytes?, behavior? })`: checked once, when the builder is told. */
import { CacheError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import { behaviorHint, isCacheBehavior, type CacheBehavior } from './behavior';

export interface WithCacheOptions {
  /** The cache directory (made when missing). */
  readonly path: string;
  /** Keep the directory at most this size: least recently used entries go after each run. */
  readonly maxBytes?: number;
  /** Every node's behaviour unless its `@cache` says otherwise (default `'default'`). */
  readonly behavior?: CacheBehavior;
}

export interface CacheSettings {
  readonly path: string;
  readonly maxBytes: number | undefined;
  readonly behavior: CacheBehavior;
}

/**
 * @example
 * cacheSettings('.quiver-cache')                      // { path: '.quiver-cache', maxBytes: undefined, behavior: 'default' }
 * cacheSettings({ path: 'c', maxBytes: 2 ** 30 })
 */
export function cacheSettings(options: string | WithCacheOptions): CacheSettings {
  const given = typeof options === 'string' ? { path: options } : options;
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new CacheError('withCache takes a directory or { path, maxBytes?, behavior? }, e.g. withCache(".quiver-cache").');
  }
  assertKnownKeys(given, ['path', 'maxBytes', 'behavior'], 'withCache', CacheError);
  if (typeof given.path !== 'string' || given.path.trim() === '') {
    throw new CacheError(`withCache needs a directory path, got ${JSON.stringify(given.path)}; e.g. withCache(".quiver-cache").`);
  }
  const { maxBytes } = given;
  if (maxBytes !== undefined && !(typeof maxBytes === 'number' && Number.isFinite(maxBytes) && maxBytes >= 0)) {
    throw new CacheError(`withCache: maxBytes must be a number of bytes ≥ 0, got ${JSON.stringify(maxBytes)}.`);
  }
  const behavior = given.behavior ?? 'default';
  if (!isCacheBehavior(behavior)) throw new CacheError(`withCache: ${behaviorHint(behavior)}.`);
  return { path: given.path, maxBytes, behavior };
}
