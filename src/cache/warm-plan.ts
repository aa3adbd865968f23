/**
 * The plan a cached run makes when every keyed value is stored (a fully warm run): the requested
 * outputs read from the cache, each checked feature with its stored check results, and what has
 * no code version (computed every run) with what it needs. Made without the store, by the same
 * pruning a cached run does (cache-plan.ts), for a run that is replayed rather than run.
 */
import type { Graph } from '../graph/graph';
import type { Plan } from '../execution/plan';
import type { CacheEntry } from '../ports';
import { prunePlan, type KeyState } from './cache-plan';

const STORED = 'stored';
const FOUND = Object.freeze({}) as CacheEntry;

/**
 * @example
 * warmPlan(graph, makePlan(graph, outputs, new Set()), outputs).run; // the outputs and their checks
 */
export function warmPlan(graph: Graph, plan: Plan, outputs: readonly number[]): Plan {
  const n = graph.nodes.length;
  const state: KeyState = {
    behavior: graph.nodes.map((node) => (node.code === undefined ? 'disable' : 'default')),
    key: new Array(n), version: new Array(n), mode: new Uint8Array(n), entries: new Array(n),
  };
  // A checked feature's raw value is never stored on its own (it is the feature's value).
  for (const i of plan.run) state.key[i] = graph.nodes[i].role === 'raw' ? undefined : STORED;
  return prunePlan(graph, plan, outputs, state, { keyOf: (i) => state.key[i], find: () => FOUND });
}
