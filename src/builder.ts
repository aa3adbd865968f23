/**
 * The fluent way to make a `Driver`: feature classes, config, a result builder and hooks in;
 * `build()` checks the whole graph and throws `GraphBuildError` with every problem found.
 */
import type { Table } from './arrow';
import { ports } from './ports';
import { Driver } from './driver';
import { GraphBuildError, QuiverError } from './errors';
import { checkPolicies, runPolicies, type Policy } from './governance/policy';
import { buildGraph } from './graph/build-graph';
import { LIFECYCLE_HOOKS, type LifecycleAdapter } from './execution/hooks';
import { closest } from './execution/suggest';
import { isExecutor, type Executor } from './execution/executor-api';
import { inline } from './execution/inline';
import { withTestDefaults } from './execution/read-only-inputs';
import type { ResultBuilder } from './results/result-builder';
import { cacheSettings, type CacheSettings, type WithCacheOptions } from './cache/options';
import type { DeclaredInputs, FeatureNames, FeatureTypes } from './typing/names';

/**
 * `R` is the result type; `N` the names the driver accepts (feature names of the classes given,
 * config keys, declared inputs) and `M` their value types — type-level only (docs/typed-names.md).
 * @example
 * const dr = new Builder()
 *   .withFeatures(SpendFeatures)
 *   .withConfig({ region: 'US' })
 *   .build();
 * const table = await dr.execute(['avg3wkSpend'], { inputs: { spend } });
 */
export class Builder<R = Table, N extends string = never, M = {}> {
  private readonly features: unknown[] = [];
  private config: Record<string, unknown> = {};
  private result?: ResultBuilder<unknown>;
  private readonly adapters: LifecycleAdapter[] = [];
  private readonly policies: Policy[] = [];
  private executor?: Executor;
  private cache?: CacheSettings;

  /** Feature classes (one instance is made with `new`) or instances; any number of calls. */
  withFeatures<const F extends readonly unknown[]>(
    ...features: F
  ): Builder<R, N | FeatureNames<F[number]> | DeclaredInputs<F[number]>, M & FeatureTypes<F[number]>> {
    this.features.push(...features);
    return this as never;
  }

  /** Build-time values: they choose `@config.when` variants and are available as inputs. */
  withConfig<const C extends Record<string, unknown>>(config: C): Builder<R, N | (keyof C & string), M & C> {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      throw new QuiverError('withConfig takes a record of config values, e.g. withConfig({ region: "US" }).');
    }
    this.config = { ...this.config, ...config };
    return this as never;
  }

  /** How results are shaped: `arrowTable()` (the default), `dictResult()`, `danfoFrame()` or your own. */
  withResult<T>(result: ResultBuilder<T>): Builder<T, N, M> {
    if (!result || typeof result.build !== 'function') {
      throw new QuiverError('withResult takes a result builder such as arrowTable(), dictResult() or danfoFrame().');
    }
    this.result = result;
    return this as unknown as Builder<T, N, M>;
  }

  /**
   * Lifecycle hooks: `{ beforeRun?, afterRun?, beforeNode?, afterNode?, aroundNode? }`. A method
   * named close to a hook (`afterNod`) is refused with "did you mean"; other members are left alone.
   */
  withAdapters(...adapters: LifecycleAdapter[]): this {
    adapters.forEach((a, i) => {
      if (a === null || typeof a !== 'object') {
        throw new QuiverError(`withAdapters takes objects with ${LIFECYCLE_HOOKS.join('/')} methods.`);
      }
      checkHookNames(a, `withAdapters: adapter ${this.adapters.length + i + 1}`);
    });
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

  /**
   * Governance policies checked on the whole graph at `build()`: `forbidFlow`, `requireTags` or your
   * own `{ name, check(graph) }`. Every violation of every policy is an issue of one `GraphBuildError`.
   *
   * @example
   * new Builder().withFeatures(Customers, Reports)
   *   .withPolicies(forbidFlow({ from: { pii: 'true' }, to: { shareable: 'true' } }), requireTags('owner'))
   *   .build();
   */
  withPolicies(...policies: Policy[]): this {
    this.policies.push(...checkPolicies(policies));
    return this;
  }

  /** Builds and checks the graph; throws `GraphBuildError` listing every problem (policy violations included). */
  build(): Driver<R, N, M> {
    const config = Object.freeze({ ...this.config });
    const graph = buildGraph(this.features, config);
    const violations = runPolicies(graph, this.policies);
    if (violations.length > 0) throw new GraphBuildError(violations);
    const executor = this.executor ?? inline();
    const recipe = Object.freeze({ features: Object.freeze([...this.features]), config });
    executor.prepare?.(recipe, graph);
    const result = (this.result ?? ports().resultTable()) as ResultBuilder<R>;
    return new Driver<R, N, M>(graph, config, result, withTestDefaults(this.adapters), executor, recipe, this.cache);
  }

  /**
   * How executions run: `inline()` (the default), `concurrent({ limit })` or `threads({ workers })`.
   * A per-call `executor` option of `execute`/`run` takes precedence.
   */
  withExecutor(executor: Executor): this {
    if (!isExecutor(executor)) {
      throw new QuiverError('withExecutor takes an executor: inline(), concurrent({ limit }) or threads({ workers }).');
    }
    this.executor = executor;
    return this;
  }
}

/** A method of an adapter whose name is a misspelled hook would never be called: refuse it. */
function checkHookNames(adapter: object, where: string): void {
  const names = new Set<string>();
  for (let o: object | null = adapter; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) names.add(name);
  }
  for (const name of names) {
    if (LIFECYCLE_HOOKS.includes(name) || name === 'constructor') continue;
    const near = closest(name, LIFECYCLE_HOOKS);
    if (near === undefined || typeof (adapter as Record<string, unknown>)[name] !== 'function') continue;
    throw new QuiverError(
      `${where} has a method "${name}", which is no lifecycle hook (did you mean "${near}"?). Hooks: ${LIFECYCLE_HOOKS.join(', ')}.`,
    );
  }
}
