/**
 * The hook behind `run().timings`: milliseconds per node, with a checked feature's raw node
 * counted under the feature's own name.
 */
import type { Graph } from '../graph/graph';
import type { LifecycleAdapter } from './hooks';
import { nameRecord } from '../graph/own';

export function timingsHook(graph: Graph): { hook: LifecycleAdapter; timings: Record<string, number> } {
  const timings = nameRecord<number>();
  const hook: LifecycleAdapter = {
    afterNode({ name, durationMs, role }) {
      const key = role === 'raw' ? graph.node(name)!.owner! : name;
      timings[key] = (timings[key] ?? 0) + durationMs;
    },
  };
  return { hook, timings };
}
