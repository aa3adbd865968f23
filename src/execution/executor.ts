/**
 * Runs a plan: each node once, in dependency order, awaiting only values that are promises,
 * releasing each intermediate value as soon as its last consumer has run. The loop touches
 * integer indices and one values array; hooks cost nothing when none are registered.
 */
import { DataValidationError, FeatureExecutionError, InputMutationError } from '../errors';
import type { Graph } from '../graph/graph';
import type { QualityResult } from '../quality/result';
import type { LifecycleAdapter, NodeCall } from './hooks';
import { afterNode, beforeNode } from './run-events';
import type { Plan } from './plan';
import { returnChecksOf, returnTypeError } from './return-checks';

export interface ExecutionState {
  readonly runId: number;
  readonly values: unknown[];
  /** Every check result, in the order the checks ran. */
  readonly quality: QualityResult[];
}

export async function executePlan(graph: Graph, plan: Plan, state: ExecutionState, hooks: readonly LifecycleAdapter[]): Promise<void> {
  const { nodes, deps } = graph;
  const { values, quality } = state;
  const refs = plan.refs.slice();
  const order = plan.run;
  const observed = hooks.length > 0;
  const wrappers = hooks.filter((h) => typeof h.aroundNode === 'function');
  const returns = returnChecksOf(graph);
  for (let p = 0; p < order.length; p++) {
    const i = order[p];
    const node = nodes[i];
    const d = deps[i];
    const args = new Array(d.length);
    for (let k = 0; k < d.length; k++) args[k] = values[d[k]];
    const started = observed ? beforeNode(hooks, state.runId, node.name, node.tags, node.role, p, order.length) : 0;
    let value: unknown;
    try {
      value = wrappers.length === 0 ? node.fn(args) : callWrapped(wrappers, { runId: state.runId, index: i, node, graph, args });
      // A column (a typed array) is never awaited: no `then` lookup down its prototype chain.
      if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && typeof (value as PromiseLike<unknown>).then === 'function') {
        value = await value;
      }
    } catch (error) {
      const failure = nodeFailure(node, error);
      if (observed) afterNode(hooks, state.runId, node.name, node.tags, node.role, p, order.length, started, false, failure, undefined);
      throw failure;
    }
    const returned = returns[i];
    if (returned !== undefined && !returned(value)) {
      const failure = returnTypeError(node, value);
      if (observed) afterNode(hooks, state.runId, node.name, node.tags, node.role, p, order.length, started, false, failure, undefined);
      throw failure;
    }
    if (observed) afterNode(hooks, state.runId, node.name, node.tags, node.role, p, order.length, started, true, undefined, value);
    if (node.role === 'check') quality.push(value as QualityResult);
    values[i] = value;
    for (let k = 0; k < d.length; k++) if (--refs[d[k]] === 0) values[d[k]] = undefined;
  }
}

/** Computes node `index` from its arguments: the node's own function, or a dispatch to where it runs. */
export type ComputeNode = (index: number, args: unknown[]) => unknown;

/**
 * Runs `call.node` through every adapter's `aroundNode`, the first registered outermost; the
 * innermost `next` is `compute` (default: the node's own function).
 */
/**
 * What a node's failure is thrown as: a failed 'fail' check and a write into an input already name
 * the node and pass as they are; anything else the node threw becomes a `FeatureExecutionError`.
 *
 * @example
 * throw nodeFailure(node, new RangeError('window must be ≥ 1')); // FeatureExecutionError naming node
 */
export function nodeFailure(node: { readonly name: string; readonly owner?: string; readonly origin: string }, error: unknown): Error {
  if (error instanceof DataValidationError || error instanceof InputMutationError) return error;
  return new FeatureExecutionError(node.owner ?? node.name, node.origin, error);
}

export function callWrapped(wrappers: readonly LifecycleAdapter[], call: NodeCall, compute?: ComputeNode): unknown {
  const step = (k: number, args: readonly unknown[]): unknown =>
    k < wrappers.length
      ? wrappers[k].aroundNode!({ ...call, args }, (next) => step(k + 1, next))
      : compute ? compute(call.index, args as unknown[]) : call.node.fn(args as unknown[]);
  return step(0, call.args);
}
