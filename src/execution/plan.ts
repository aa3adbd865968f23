/**
 * A plan: exactly the nodes the requested outputs need, in dependency order, stopping at
 * overrides, inputs and config; plus how many consumers each value has, so the executor can
 * release every intermediate value as soon as its last consumer has run.
 */
import type { Graph } from '../graph/graph';

export interface Plan {
  /** Node indices to compute, in dependency order. */
  readonly run: Int32Array;
  /** Input and config nodes whose values must be supplied. */
  readonly supplied: Int32Array;
  /** Nodes whose values come from `overrides` (their upstream is not run). */
  readonly overridden: Int32Array;
  /** How many times each node's value is still needed; outputs count once more and are never released. */
  readonly refs: Int32Array;
  /**
   * `required[i]` is 1 when a supplied node must have a value: a requested output, or a dependency
   * without a default of a node that runs. What only unplanned nodes need, or only parameters with
   * defaults, may be left out.
   */
  readonly required: Uint8Array;
}

export function makePlan(graph: Graph, outputs: readonly number[], overrides: ReadonlySet<string>): Plan {
  const { nodes, deps } = graph;
  const seen = new Uint8Array(nodes.length);
  const run: number[] = [];
  const supplied: number[] = [];
  const overridden: number[] = [];
  const stack = [...outputs];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    const node = nodes[i];
    if (overrides.has(node.name)) overridden.push(i);
    else if (node.role === 'input' || node.role === 'config') supplied.push(i);
    else {
      run.push(i);
      for (const d of deps[i]) if (!seen[d]) stack.push(d);
    }
  }
  const ordered = Int32Array.from(run).sort((a, b) => graph.position[a] - graph.position[b]);
  const refs = new Int32Array(nodes.length);
  for (const i of ordered) for (const d of deps[i]) refs[d]++;
  for (const i of outputs) refs[i]++;
  return { run: ordered, supplied: Int32Array.from(supplied), overridden: Int32Array.from(overridden), refs, required: requiredOf(graph, ordered, outputs) };
}

export function requiredOf(graph: Graph, run: Int32Array, outputs: readonly number[]): Uint8Array {
  const required = new Uint8Array(graph.nodes.length);
  for (const i of outputs) required[i] = 1;
  for (const i of run) {
    const d = graph.deps[i];
    const list = graph.nodes[i].dependencies;
    for (let k = 0; k < d.length; k++) if (!list[k].optional) required[d[k]] = 1;
  }
  return required;
}
