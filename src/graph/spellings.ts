/**
 * Every name a request may use for a graph's nodes, for "did you mean": each visible node's name,
 * the method that defines it when the names differ (`out__b` for `out` under `@config.when`, the
 * method of each `@parameterize` or `@extractColumns` node), and the nodes switched off by config.
 */
import type { Spelling } from '../execution/suggest';
import type { Graph } from './graph';
import { isInternal } from './node';

/**
 * The spellings of `graph`'s node names (see `Spelling`), computed on each call: use it for errors only.
 *
 * @example
 * didYouMean('out__b', spellingsOf(graph)); // ' Did you mean "out"?' (the method out__b defines node out)
 */
export function spellingsOf(graph: Graph): Spelling[] {
  const out: Spelling[] = [];
  for (const node of graph.nodes) {
    if (isInternal(node)) continue;
    out.push(node.name);
    const method = node.definedBy?.method;
    if (method !== undefined && method !== node.name) out.push([method, node.name]);
  }
  for (const name of graph.disabled.keys()) out.push(name);
  return out;
}
