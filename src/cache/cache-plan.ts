/**
 * Before a cached run: every node's behaviour, the keys that can be known before anything runs,
 * and the pruned plan. Walking the plan from the outputs back, a node whose key is stored is read
 * from the cache and needs nothing upstream; any other node is computed and needs its dependencies.
 * A checked feature read from the cache keeps its stored check results, so `run().quality` is the same.
 */
import type { Graph } from '../graph/graph';
import { requiredOf, type Plan } from '../execution/plan';
import type { CacheEntry } from '../ports';
import type { CacheBehavior } from './behavior';
import { IGNORED } from './keys';

export const SKIP = 0;
export const LOAD = 1;
export const COMPUTE = 2;

export interface KeyState {
  readonly behavior: CacheBehavior[];
  /** Keys by node index; undefined until known (after the node's dependencies ran) or never (no code version). */
  readonly key: (string | undefined)[];
  /** Data versions by node index, as consumers' keys see them; undefined until known. */
  readonly version: (string | undefined)[];
  readonly mode: Uint8Array;
  readonly entries: (CacheEntry | undefined)[];
}

/** What planning needs from the session: a node's key from its dependencies, and the store. */
export interface Planner {
  keyOf(i: number): string | undefined;
  find(key: string, node: string): CacheEntry | undefined;
}

/** Fills keys and static versions in plan order. */
export function staticKeys(graph: Graph, plan: Plan, state: KeyState, planner: Planner): void {
  for (const i of plan.run) {
    const b = state.behavior[i];
    state.key[i] = planner.keyOf(i);
    state.version[i] = b === 'ignore' ? IGNORED : b === 'default' ? state.key[i] : undefined;
  }
}

/** The plan that computes only what is not stored; `state.mode` says which nodes load and which compute. */
export function prunePlan(graph: Graph, plan: Plan, outputs: readonly number[], state: KeyState, planner: Planner): Plan {
  const { nodes, deps } = graph;
  const needed = new Uint8Array(nodes.length);
  for (const i of outputs) needed[i] = 1;
  state.mode.fill(SKIP);
  for (let p = plan.run.length - 1; p >= 0; p--) {
    const i = plan.run[p];
    if (!needed[i]) continue;
    const key = state.key[i];
    const entry = state.behavior[i] === 'default' && key !== undefined ? planner.find(key, nodes[i].name) : undefined;
    state.entries[i] = entry;
    if (entry) {
      state.mode[i] = LOAD;
      for (const d of deps[i]) if (nodes[d].role === 'check' && nodes[d].owner === nodes[i].name) needed[d] = 1;
    } else {
      state.mode[i] = COMPUTE;
      for (const d of deps[i]) needed[d] = 1;
    }
  }
  const run = plan.run.filter((i) => state.mode[i] !== SKIP);
  const refs = new Int32Array(nodes.length);
  for (const i of run) for (const d of deps[i]) refs[d]++;
  for (const i of outputs) refs[i]++;
  return {
    run,
    supplied: plan.supplied.filter((i) => needed[i] === 1),
    overridden: plan.overridden.filter((i) => needed[i] === 1),
    refs,
    required: requiredOf(graph, run, outputs),
  };
}
