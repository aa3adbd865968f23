/**
 * Lineage questions on a built graph: what feeds what, by name. Internal nodes (a checked
 * feature's raw value and its checks) are part of the walk but never part of an answer.
 */
import { InputError } from '../errors';
import { didYouMean, type Spelling } from '../execution/suggest';
import { spellingsOf } from './spellings';
import type { Graph } from './graph';
import { isInternal } from './node';
import type { UnknownNameCode } from '../issue-codes';

/** The indices of user-visible nodes by name; an InputError (with suggestions) for unknown names. */
export function nodeIndices(graph: Graph, names: readonly string[], what: string): number[] {
  const unknown = names.filter((n) => graph.index.get(n) === undefined || isInternal(graph.node(n)!));
  if (unknown.length > 0) {
    let known: Spelling[] | undefined;
    throw new InputError(unknown.map((n) => {
      const why = graph.disabled.get(n);
      if (why !== undefined) {
        return { code: 'disabled-node', message: `${what}: "${n}" exists, but ${why}. Change the config to ask about it.`, nodes: [n] };
      }
      known ??= spellingsOf(graph);
      const message = `${what}: no feature or input is named "${n}".${didYouMean(n, known)}`;
      return { code: 'unknown-node' satisfies UnknownNameCode, message, nodes: [n] };
    }));
  }
  return names.map((n) => graph.index.get(n)!);
}

function reach(graph: Graph, from: readonly number[], edges: readonly Int32Array[]): Uint8Array {
  const seen = new Uint8Array(graph.nodes.length);
  const stack = [...from];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    for (const j of edges[i]) if (!seen[j]) stack.push(j);
  }
  return seen;
}

function namesOf(graph: Graph, marked: Uint8Array): string[] {
  const names: string[] = [];
  for (const i of graph.order) if (marked[i] && !isInternal(graph.nodes[i])) names.push(graph.nodes[i].name);
  return names;
}

export function upstreamOf(graph: Graph, names: readonly string[]): string[] {
  return namesOf(graph, reach(graph, nodeIndices(graph, names, 'whatIsUpstreamOf'), graph.deps));
}

export function downstreamOf(graph: Graph, names: readonly string[]): string[] {
  return namesOf(graph, reach(graph, nodeIndices(graph, names, 'whatIsDownstreamOf'), graph.consumers));
}

export function pathBetween(graph: Graph, up: string, down: string): string[] {
  const [u, d] = nodeIndices(graph, [up, down], 'whatIsThePathBetween');
  const below = reach(graph, [u], graph.consumers);
  if (!below[d]) return [];
  const above = reach(graph, [d], graph.deps);
  for (let i = 0; i < below.length; i++) below[i] &= above[i];
  return namesOf(graph, below);
}

/** A node's dependencies as a user wrote them: a checked feature's internal nodes are seen through. */
export function userDependencies(graph: Graph, i: number): string[] {
  const self = graph.nodes[i].name;
  const found = new Set<string>();
  const stack = [...graph.deps[i]].reverse();
  while (stack.length > 0) {
    const j = stack.pop()!;
    const node = graph.nodes[j];
    if (isInternal(node) && node.owner === self) {
      if (node.role === 'raw') stack.push(...[...graph.deps[j]].reverse());
    } else found.add(node.name);
  }
  return [...found];
}
