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
  const { nodes, deps, order } = graph;
  // seen[i]: 0 not reached, 1 runs, 2 supplied or overridden
  const seen = new Uint8Array(nodes.length);
  const supplied: number[] = [];
  const overridden: number[] = [];
  const stack = outputs.slice();
  let runs = 0;
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen[i] !== 0) continue;
    const node = nodes[i];
    if (overrides.size > 0 && overrides.has(node.name)) {
      seen[i] = 2;
      overridden.push(i);
    } else if (node.role === 'input' || node.role === 'config') {
      seen[i] = 2;
      supplied.push(i);
    } else {
      seen[i] = 1;
      runs++;
      const d = deps[i];
      for (let k = 0; k < d.length; k++) if (seen[d[k]] === 0) stack.push(d[k]);
    }
  }
  // The graph's topological order, kept to the nodes that run: sorted without a comparison.
  const run = new Int32Array(runs);
  for (let p = 0, at = 0; at < runs; p++) if (seen[order[p]] === 1) run[at++] = order[p];
  const refs = new Int32Array(nodes.length);
  for (let p = 0; p < run.length; p++) {
    const d = deps[run[p]];
    for (let k = 0; k < d.length; k++) refs[d[k]]++;
  }
  for (let o = 0; o < outputs.length; o++) refs[outputs[o]]++;
  return { run, supplied: Int32Array.from(supplied), overridden: Int32Array.from(overridden), refs, required: requiredOf(graph, run, outputs) };
}

export function requiredOf(graph: Graph, run: Int32Array, outputs: readonly number[]): Uint8Array {
  const required = new Uint8Array(graph.nodes.length);
  for (let o = 0; o < outputs.length; o++) required[outputs[o]] = 1;
  for (let p = 0; p < run.length; p++) {
    const i = run[p];
    const d = graph.deps[i];
    const list = graph.nodes[i].dependencies;
    for (let k = 0; k < d.length; k++) if (!list[k].optional) required[d[k]] = 1;
  }
  return required;
}
