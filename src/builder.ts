/**
 * The fluent way to make a `Driver`: feature classes, config, a result builder and hooks in;
 * `build()` checks the whole graph and throws `GraphBuildError` with every problem found.
 */
import { arrowTable, type Table } from './io';
import { Driver } from './driver';
import { QuiverError } from './errors';
import { buildGraph } from './graph/build-graph';
import type { LifecycleAdapter } from './execution/hooks';
import type { ResultBuilder } from './results/result-builder';
import { cacheSettings, type CacheSettings, type WithCacheOptions } from './cache/options';

/**
 * @example
 * const dr = new Builder()
 *   .withFeatures(SpendFeatures)
 *   .withConfig({ region: 'US' })
 *   .build();
 * const table = await dr.execute(['avg3wkSpend'], { inputs: { spend } });
 */
export class Builder<R = Table> {
  private readonly features: unknown[] = [];
  private config: Record<string, unknown> = {};
  private result?: ResultBuilder<unknown>;
  private readonly adapters: LifecycleAdapter[] = [];
  private cache?: CacheSettings;

  /** Feature classes (one instance is made with `new`) or instances; any number of calls. */
  withFeatures(...features: unknown[]): this {
    this.features.push(...features);
    return this;
  }

  /** Build-time values: they choose `@config.when` variants and are available as inputs. */
  withConfig(config: Record<string, unknown>): this {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      throw new QuiverError('withConfig takes a record of config values, e.g. withConfig({ region: "US" }).');
    }
    this.config = { ...this.config, ...config };
    return this;
  }

  /** How results are shaped: `arrowTable()` (the default), `dictResult()`, `danfoFrame()` or your own. */
  withResult<T>(result: ResultBuilder<T>): Builder<T> {
    if (!result || typeof result.build !== 'function') {
      throw new QuiverError('withResult takes a result builder such as arrowTable(), dictResult() or danfoFrame().');
    }
    this.result = result;
    return this as unknown as Builder<T>;
  }

  /** Lifecycle hooks: `{ beforeRun?, afterRun?, beforeNode?, afterNode? }`. */
  withAdapters(...adapters: LifecycleAdapter[]): this {
    for (const a of adapters) {
      if (a === null || typeof a !== 'object') throw new QuiverError('withAdapters takes objects with beforeRun/afterRun/beforeNode/afterNode methods.');
    }
    this.adapters.push(...adapters);
    return this;
  }

  /**
   * Caches every node's value in a directory: a node whose code, config and inputs are unchanged is
   * read instead of computed, and a killed run resumes where it stopped (docs/caching.md).
   * @example
   * new Builder().withFeatures(SpendFeatures).withCache({ path: '.quiver-cache', maxBytes: 2 ** 30 }).build();
   */
  withCache(options: string | WithCacheOptions): this {
    this.cache = cacheSettings(options);
    return this;
  }

  /** Builds and checks the graph; throws `GraphBuildError` listing every problem. */
  build(): Driver<R> {
    const config = Object.freeze({ ...this.config });
    const graph = buildGraph(this.features, config);
    return new Driver(graph, config, (this.result ?? arrowTable()) as ResultBuilder<R>, [...this.adapters], this.cache);
  }
}
