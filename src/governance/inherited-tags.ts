/**
 * Tags that flow downstream: a node tagged with `@tag(tags, { propagate: true })` passes those
 * tags on to every node computed from it, directly or not. Computed once per graph, in
 * topological order; a checked feature's internal nodes pass their feature's tags through.
 */
import type { Graph } from '../graph/graph';
import type { TagMap } from '../records/records';

/** The tags a node inherits, and from which nodes each key came. */
export interface Inherited {
  readonly tags: TagMap;
  /** Tag key → the names of the nodes whose own tag it is. */
  readonly from: Readonly<Record<string, readonly string[]>>;
}

const NONE: Inherited = Object.freeze({ tags: Object.freeze({}), from: Object.freeze({}) });
const memo = new WeakMap<Graph, readonly Inherited[]>();

/**
 * What each node of `graph` inherits (by node index); `NONE`-like empty records where nothing flows.
 *
 * @example
 * const inherited = inheritedTags(dr.graph)[dr.graph.index.get('emailDomain')!];
 * inherited.tags; // { pii: 'true' }
 * inherited.from; // { pii: ['email'] }
 */
export function inheritedTags(graph: Graph): readonly Inherited[] {
  const known = memo.get(graph);
  if (known) return known;
  const result: Inherited[] = new Array(graph.nodes.length).fill(NONE);
  if (graph.nodes.some((n) => n.propagates && n.propagates.length > 0)) {
    for (const i of graph.order) {
      const node = graph.nodes[i];
      const values = new Map<string, Set<string>>();
      const from = new Map<string, Set<string>>();
      const add = (key: string, value: string | readonly string[], source: readonly string[]) => {
        const set = values.get(key) ?? new Set<string>();
        for (const v of typeof value === 'string' ? [value] : value) set.add(v);
        values.set(key, set);
        const origins = from.get(key) ?? new Set<string>();
        for (const s of source) origins.add(s);
        from.set(key, origins);
      };
      for (const j of graph.deps[i]) {
        const dep = graph.nodes[j];
        const passed = result[j];
        for (const [key, value] of Object.entries(passed.tags)) add(key, value, passed.from[key] ?? []);
        // A feature's own raw/check nodes carry its own tags: those are not inherited by it.
        if (dep.propagates && dep.owner !== node.name) {
          for (const key of dep.propagates) add(key, dep.tags[key], [dep.owner ?? dep.name]);
        }
      }
      if (values.size === 0) continue;
      const tags: Record<string, string | readonly string[]> = {};
      const origins: Record<string, readonly string[]> = {};
      for (const [key, set] of values) {
        tags[key] = set.size === 1 ? [...set][0] : Object.freeze([...set].sort());
        origins[key] = Object.freeze([...from.get(key)!].sort());
      }
      result[i] = Object.freeze({ tags: Object.freeze(tags), from: Object.freeze(origins) });
    }
  }
  memo.set(graph, Object.freeze(result));
  return result;
}
