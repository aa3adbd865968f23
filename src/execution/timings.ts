/**
 * The hook behind `run().timings`: milliseconds per node, with a checked feature's raw node
 * counted under the feature's own name.
 */
import type { Graph } from '../graph/graph';
import type { LifecycleAdapter, NodeRole } from './hooks';
import { nameRecord } from '../util/own';

/**
 * The name a node's time counts under: a checked feature's raw node (`x:raw`) counts under its
 * feature `x`, found from the graph (no name surgery); every other node under its own name.
 *
 * @example
 * timingKey(graph, 'spendMean:raw', 'raw'); // 'spendMean'
 */
export function timingKey(graph: Graph, name: string, role: NodeRole): string {
  return role === 'raw' ? (graph.node(name)?.owner ?? name) : name;
}

export function timingsHook(graph: Graph): { hook: LifecycleAdapter; timings: Record<string, number> } {
  const timings = nameRecord<number>();
  const hook: LifecycleAdapter = {
    afterNode({ name, durationMs, role }) {
      const key = timingKey(graph, name, role);
      timings[key] = (timings[key] ?? 0) + durationMs;
    },
  };
  return { hook, timings };
}
