import { FeatureDefinitionError } from '../src/errors';
import { behaviorHint, isCacheBehavior, type CacheBehavior } from '../src/cache/behavior';
import { assertKnownKeys } from '../src/options/known-keys';
import { type FeatureDecorator, recordOn } from './record-on';

export interface CacheOptions {
  /** `'default'`, `'recompute'`, `'disable'` or `'ignore'` (see docs/caching.md). */
  readonly behavior: CacheBehavior;
}

/**
 * How the cache treats the node(s) a method produces, over the driver's default
 * (`withCache({ behavior })`). Has an effect only on a driver built `withCache(...)`.
 *
 * @example
 * class Features {@cache({ behavior: 'recompute' })   // reads a file that may change: always compute, store the result
 *   prices(path: string): Float64Array { return readPrices(path); }
 * }
 */
export function cache(options: CacheOptions): FeatureDecorator {
  return recordOn('cache', (where) => {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new FeatureDefinitionError(`@cache on ${where} takes { behavior }, e.g. @cache({ behavior: 'recompute' }).`);
    }
    assertKnownKeys(options, ['behavior'], `@cache on ${where}`, FeatureDefinitionError);
    if (!isCacheBehavior(options.behavior)) {
      throw new FeatureDefinitionError(`@cache on ${where}: ${behaviorHint(options.behavior)}.`);
    }
    return { kind: 'cache', behavior: options.behavior };
  });
}
