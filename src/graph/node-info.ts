/** `listAvailableVariables()`: what a user can ask for, with tags, types and where it comes from. */
import type { NodeRole, Tags } from '../execution/hooks';
import type { Graph } from './graph';
import { userDependencies } from './lineage';
import { isInternal } from './node';
import { isKnownType, typeName } from './types';
import { hasOwn } from './own';
import { checkLabel } from './check-nodes';

export interface NodeInfo {
  readonly name: string;
  /** The declared type (a constructor such as `Float64Array`), or `undefined` when unknown. */
  readonly type: Function | undefined;
  /** The declared type's name, or `unknown`. */
  readonly typeName: string;
  readonly tags: Tags;
  /** Supplied at run time (an input) or by config, rather than computed. */
  readonly isExternalInput: boolean;
  readonly doc: string;
  readonly dependencies: readonly string[];
  /** `Class.method` for features; `input`, `optional input` or `config` otherwise. */
  readonly origin: string;
  readonly role: NodeRole;
  /** Names of the data-quality checks that run on this node. */
  readonly checks: readonly string[];
}

/**
 * A tag filter: every key must match. A string matches a node whose value (or one of whose
 * values) equals it; an array matches when any of its items is among the node's values; `null`
 * matches any node that has the tag.
 */
export type TagFilter = Readonly<Record<string, string | readonly string[] | null>>;

export function matchesTags(tags: Tags, filter: TagFilter): boolean {
  return Object.entries(filter).every(([key, wanted]) => {
    if (!hasOwn(tags, key)) return false;
    if (wanted === null) return true;
    const have = tags[key];
    const values = typeof have === 'string' ? [have] : have;
    return typeof wanted === 'string' ? values.includes(wanted) : wanted.some((w) => values.includes(w));
  });
}

export function nodeInfos(graph: Graph, filter?: TagFilter): NodeInfo[] {
  const checks = new Map<string, string[]>();
  for (const n of graph.nodes) if (n.role === 'check') checks.set(n.owner!, [...(checks.get(n.owner!) ?? []), checkLabel(n)]);
  const infos: NodeInfo[] = [];
  graph.nodes.forEach((node, i) => {
    if (isInternal(node) || (filter && !matchesTags(node.tags, filter))) return;
    infos.push({
      name: node.name,
      type: isKnownType(node.type) ? node.type : undefined,
      typeName: typeName(node.type),
      tags: node.tags,
      isExternalInput: node.role === 'input' || node.role === 'config',
      doc: node.doc,
      dependencies: userDependencies(graph, i),
      origin: node.origin,
      role: node.role,
      checks: checks.get(node.name) ?? [],
    });
  });
  return infos;
}
