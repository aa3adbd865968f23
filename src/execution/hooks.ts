/**
 * Lifecycle hooks: objects passed to `Builder.withAdapters(...)`. Every method is optional.
 * Node hooks are synchronous (they sit on the executor's hot path); run hooks may return a promise.
 *
 * @example
 * const timer: LifecycleAdapter = {
 *   afterNode: ({ name, durationMs }) => console.log(`${name} took ${durationMs.toFixed(1)} ms`),
 * };
 * const dr = new Builder().withFeatures(SpendFeatures).withAdapters(timer).build();
 */
import type { Graph } from '../graph/graph';
import type { FeatureNode } from '../graph/node';

export type Tags = Readonly<Record<string, string | readonly string[]>>;

/** Told once before the first node of an execution runs. */
export interface RunStart {
  readonly runId: number;
  /** The requested outputs, in order. */
  readonly outputs: readonly string[];
  /** The nodes that will run, in execution order (internal check nodes included). */
  readonly nodes: readonly string[];
  readonly config: Readonly<Record<string, unknown>>;
  /** The built graph (for lineage: what each output is computed from). */
  readonly graph: Graph;
  /**
   * True when nothing ran: a training frame read whole from the cache replays the events of the
   * run a node-by-node warm build would have made, to adapters that say `observesOnly`.
   */
  readonly fromCache?: true;
}

/** Told once when an execution ends, successfully or not. */
export interface RunEnd extends RunStart {
  readonly success: boolean;
  readonly error?: unknown;
  readonly durationMs: number;
}

/** Told before a node runs. `index` counts from 0 up to `total - 1`. */
export interface NodeStart {
  readonly runId: number;
  readonly name: string;
  readonly tags: Tags;
  readonly index: number;
  readonly total: number;
  /** `feature`, `raw` (a checked feature's own value before its checks) or `check` (one data-quality check). */
  readonly role: NodeRole;
  /** True on a replayed event (see `RunStart.fromCache`): the node did not run, no `value`, `durationMs` 0. */
  readonly fromCache?: true;
}

/** Told after a node ran (or threw). `value` is what it produced when it succeeded. */
export interface NodeEnd extends NodeStart {
  readonly durationMs: number;
  readonly success: boolean;
  readonly error?: unknown;
  readonly value?: unknown;
}

export type NodeRole = 'input' | 'config' | 'feature' | 'raw' | 'check';

/**
 * What a node wrapper (`aroundNode`) is given: the node about to compute, the graph it belongs to
 * and the arguments it will be called with (its dependencies' values, in `node.dependencies` order).
 */
export interface NodeCall {
  readonly runId: number;
  /** The node's index in `graph.nodes`. */
  readonly index: number;
  readonly node: FeatureNode;
  readonly graph: Graph;
  readonly args: readonly unknown[];
}

/**
 * Computes the node: the next wrapper, or the node's own function after the last one. May be
 * called with other arguments, more than once (retries) or not at all (a cache hit).
 */
export type NextNode = (args: readonly unknown[]) => unknown;

/** The hooks a lifecycle adapter may have; a method named close to one of them is a misspelling. */
export const LIFECYCLE_HOOKS: readonly string[] = ['beforeRun', 'afterRun', 'beforeNode', 'afterNode', 'aroundNode'];

export interface LifecycleAdapter {
  /**
   * Say `true` when the adapter only records what happens (lineage, a report, a log, a progress
   * bar) and changes no value, config or input. A training frame built before is then read whole
   * from the cache and the run's events are replayed to it, marked `fromCache`; without it (or
   * with an `aroundNode`, which decides values) the frame is built node by node so the adapter
   * sees every node run. `openLineage`, `progressBar` and the run report's timer say it.
   *
   * @example
   * const log: LifecycleAdapter = { observesOnly: true, afterRun: (r) => console.log(r.outputs.length, r.fromCache) };
   */
  readonly observesOnly?: boolean;
  beforeRun?(run: RunStart): void | Promise<void>;
  afterRun?(run: RunEnd): void | Promise<void>;
  beforeNode?(node: NodeStart): void;
  afterNode?(node: NodeEnd): void;
  /**
   * Wraps a node's computation (caching, retries, tracing). Returns the node's value, or a promise
   * of it; `next(call.args)` computes it. Wrappers nest in the order the adapters were registered
   * (the first is outermost); `beforeNode`/`afterNode` observe the wrapped call as a whole.
   *
   * @example
   * const retry: LifecycleAdapter = {
   *   async aroundNode(call, next) {
   *     try { return await next(call.args); } catch { return next(call.args); }
   *   },
   * };
   */
  aroundNode?(call: NodeCall, next: NextNode): unknown;
}
