/**
 * The executor interface: the driver hands an executor the plan, and the executor computes every
 * node in it into `state.values`. `inline()` (the default), `concurrent()` and `threads()` are
 * the three shipped; each gives the same values and the same `quality` results in the same order.
 */
import type { Graph } from '../graph/graph';
import type { ExecutionState } from './executor';
import type { LifecycleAdapter } from './hooks';
import type { Plan } from './plan';

/** What a graph was built from: `threads()` rebuilds the same graph from it in each worker. */
export interface GraphRecipe {
  /** What was passed to `withFeatures`, in order. */
  readonly features: readonly unknown[];
  readonly config: Readonly<Record<string, unknown>>;
}

/** One execution handed to an executor. */
export interface ExecutorRun {
  readonly graph: Graph;
  readonly plan: Plan;
  /** Values by node index (inputs, config and overrides filled in) and the quality results. */
  readonly state: ExecutionState;
  /** Lifecycle adapters: node hooks to call and `aroundNode` wrappers to honour. */
  readonly hooks: readonly LifecycleAdapter[];
  readonly recipe: GraphRecipe;
}

/**
 * Runs plans. `prepare` is called once per driver (at `build()` for `withExecutor`, at the first
 * execution for a per-call executor) and may throw `GraphBuildError`.
 *
 * @example
 * const dr = new Builder().withFeatures(Features).withExecutor(concurrent({ limit: 4 })).build();
 */
export interface Executor {
  readonly name: string;
  prepare?(recipe: GraphRecipe, graph: Graph): void;
  run(run: ExecutorRun): Promise<void>;
}

/** True for an object that can serve as an executor. */
export function isExecutor(x: unknown): x is Executor {
  return typeof x === 'object' && x !== null && typeof (x as Executor).run === 'function';
}
