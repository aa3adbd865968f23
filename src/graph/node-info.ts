/** `listAvailableVariables()`: what a user can ask for, with tags, types and where it comes from. */
import type { NodeRole, Tags } from '../execution/hooks';
import type { Graph } from './graph';
import { userDependencies } from './lineage';
import { isInternal, type NodeOrigin } from './node';
import { isKnownType, typeName } from './types';
import { inheritedTags } from '../governance/inherited-tags';
import { hasOwn } from '../util/own';
import { checkLabel } from './check-nodes';

export interface NodeInfo {
  readonly name: string;
  /** The declared type (a constructor such as `Float64Array`), or `undefined` when unknown. */
  readonly type: Function | undefined;
  /** The declared type's name, or `unknown`. */
  readonly typeName: string;
  /** The node's own tags (from `@tag`, or a namespace). */
  readonly tags: Tags;
  /** Tags that flow here from upstream (`@tag(…, { propagate: true })`); `{}` when none. */
  readonly inheritedTags: Tags;
  /** For each inherited tag key, the nodes whose own tag it is. */
  readonly inheritedFrom: Readonly<Record<string, readonly string[]>>;
  /** Supplied at run time (an input) or by config, rather than computed. */
  readonly isExternalInput: boolean;
  readonly doc: string;
  readonly dependencies: readonly string[];
  /**
   * `Class.method` for features; `input`, `optional input` or `config` otherwise: display text. Code
   * should read `role`, `optional` and `definedBy` instead.
   */
  readonly origin: string;
  /** The class and method that define the node (`{ className, method }`); `undefined` for inputs and config. */
  readonly definedBy?: NodeOrigin;
  readonly role: NodeRole;
  /** True for an input that every node reading it has a default for (it may be left out); else false. */
  readonly optional: boolean;
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

/**
 * A tag filter as text: `owner=ds, pii=true|maybe, region`.
 *
 * @example
 * describeTagFilter({ pii: 'true', owner: null }); // 'pii=true, owner'
 */
export function describeTagFilter(filter: TagFilter): string {
  return Object.entries(filter)
    .map(([k, v]) => (v === null ? k : `${k}=${Array.isArray(v) ? v.join('|') : v}`))
    .join(', ');
}

/** Own and inherited tags together, values of one key merged: what a tag filter matches. */
function effectiveTags(own: Tags, inherited: Tags): Tags {
  if (Object.keys(inherited).length === 0) return own;
  const merged: Record<string, string | readonly string[]> = { ...own };
  for (const [key, value] of Object.entries(inherited)) {
    if (!Object.hasOwn(merged, key)) merged[key] = value;
    else merged[key] = [...new Set([...[merged[key]].flat(), ...[value].flat()])];
  }
  return merged;
}

export function nodeInfos(graph: Graph, filter?: TagFilter): NodeInfo[] {
  const inherited = inheritedTags(graph);
  const checks = new Map<string, string[]>();
  for (const n of graph.nodes) if (n.role === 'check') checks.set(n.owner!, [...(checks.get(n.owner!) ?? []), checkLabel(n)]);
  const infos: NodeInfo[] = [];
  graph.nodes.forEach((node, i) => {
    if (isInternal(node) || (filter && !matchesTags(effectiveTags(node.tags, inherited[i].tags), filter))) return;
    infos.push({
      name: node.name,
      type: isKnownType(node.type) ? node.type : undefined,
      typeName: typeName(node.type),
      tags: node.tags,
      inheritedTags: inherited[i].tags,
      inheritedFrom: inherited[i].from,
      isExternalInput: node.role === 'input' || node.role === 'config',
      doc: node.doc,
      dependencies: userDependencies(graph, i),
      origin: node.origin,
      definedBy: node.definedBy,
      role: node.role,
      optional: node.optional === true,
      checks: checks.get(node.name) ?? [],
    });
  });
  return infos;
}
