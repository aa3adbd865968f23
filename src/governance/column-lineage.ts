/**
 * Column lineage: for each output, the raw input columns it is computed from, reached through
 * every intermediate feature. One pass in topological order, so thousands of outputs cost one walk.
 */
import type { Graph } from '../graph/graph';

/**
 * Output name → the names of the graph's inputs (not config) upstream of it, in graph order. An
 * output that is itself an input maps to itself.
 *
 * @example
 * rawColumnsOf(dr.graph, ['spendZeroMeanUnitVariance']); // Map { 'spendZeroMeanUnitVariance' => ['spend'] }
 */
export function rawColumnsOf(graph: Graph, outputs: readonly string[]): Map<string, string[]> {
  const { nodes, deps, order } = graph;
  const inputs = nodes.flatMap((n, i) => (n.role === 'input' ? [i] : []));
  const bit = new Map(inputs.map((i, k) => [i, k]));
  const words = Math.ceil(inputs.length / 32);
  const sets: (Uint32Array | undefined)[] = new Array(nodes.length);
  for (const i of order) {
    const set = new Uint32Array(words);
    const own = bit.get(i);
    if (own !== undefined) set[own >>> 5] |= 1 << (own & 31);
    for (const d of deps[i]) {
      const from = sets[d]!;
      for (let w = 0; w < words; w++) set[w] |= from[w];
    }
    sets[i] = set;
  }
  const result = new Map<string, string[]>();
  for (const name of outputs) {
    const i = graph.index.get(name);
    if (i === undefined) continue;
    const set = sets[i]!;
    result.set(name, inputs.filter((_, k) => (set[k >>> 5] & (1 << (k & 31))) !== 0).map((j) => nodes[j].name));
  }
  return result;
}
