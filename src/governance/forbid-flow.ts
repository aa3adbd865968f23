/**
 * `forbidFlow({ from, to })`: no node matching `to` may be computed from a node matching `from`,
 * directly or through any number of features (a `pii` column must not reach a shareable frame).
 * Every offending path is named, shortest first.
 */
import { QuiverError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import { describeTagFilter, type TagFilter } from '../graph/node-info';
import { isInternal } from '../graph/node';
import type { Policy, PolicyGraph, PolicyIssue } from './policy';
import { checkTagFilter } from './tag-filter';

/** At most this many paths are listed one by one; the rest are counted. */
const PATHS_SHOWN = 25;

/**
 * A policy refusing any path from a node whose own tags match `from` to a node whose own tags
 * match `to` (tag filters as in `listAvailableVariables`). A node matching both is a path of one.
 *
 * @example
 * new Builder().withFeatures(Customers, Reports)
 *   .withPolicies(forbidFlow({ from: { pii: 'true' }, to: { shareable: 'true' } }))
 *   .build(); // GraphBuildError: … "email" reaches "regionReport": email → emailDomain → regionReport …
 */
export function forbidFlow(options: { from: TagFilter; to: TagFilter }): Policy {
  if (options === null || typeof options !== 'object') {
    throw new QuiverError('forbidFlow takes { from: tagFilter, to: tagFilter }, e.g. forbidFlow({ from: { pii: "true" }, to: { shareable: "true" } }).');
  }
  assertKnownKeys(options, ['from', 'to'], 'forbidFlow');
  const from = checkTagFilter(options.from, 'forbidFlow', 'from');
  const to = checkTagFilter(options.to, 'forbidFlow', 'to');
  const label = `forbidFlow(${describeTagFilter(from)} → ${describeTagFilter(to)})`;
  return {
    name: 'forbidFlow',
    check: (view) => offendingPaths(view, from, to, label),
  };
}

function offendingPaths(view: PolicyGraph, from: TagFilter, to: TagFilter, label: string): PolicyIssue[] {
  const { graph } = view;
  const { nodes, consumers } = graph;
  const targets = new Set(view.nodes.filter((n) => view.matchesOwn(n.name, to)).map((n) => n.name));
  if (targets.size === 0) return [];
  const paths: string[][] = [];
  for (const source of view.nodes) {
    if (!view.matchesOwn(source.name, from)) continue;
    // Breadth first from the source: the first time a target is reached is its shortest path.
    const start = graph.index.get(source.name)!;
    const parent = new Map<number, number>([[start, -1]]);
    const queue = [start];
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q];
      if (!isInternal(nodes[i]) && targets.has(nodes[i].name)) paths.push(pathTo(parent, i, graph.nodes.map((n) => n.owner ?? n.name)));
      for (const c of consumers[i]) {
        if (parent.has(c)) continue;
        parent.set(c, i);
        queue.push(c);
      }
    }
  }
  paths.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
  const issues: PolicyIssue[] = paths.slice(0, PATHS_SHOWN).map((path) => {
    const [first, last] = [path[0], path[path.length - 1]];
    const where = (name: string) => `"${name}" (${view.node(name)?.origin ?? name})`;
    const message = path.length === 1
      ? `${label}: ${where(first)} matches both sides. Remove one of its tags, or split the feature.`
      : `${label}: ${where(first)} reaches ${where(last)}: ${path.join(' → ')}. ` +
        `Break the path (compute "${last}" without "${first}"), or remove the tag that makes "${last}" match.`;
    return { message, nodes: path };
  });
  if (paths.length > PATHS_SHOWN) {
    const rest = paths.slice(PATHS_SHOWN);
    issues.push({ message: `${label}: … and ${rest.length} more offending paths (longer ones).`, nodes: [...new Set(rest.flat())] });
  }
  return issues;
}

/** Names from the source to node `i`, a checked feature's internal nodes shown as the feature once. */
function pathTo(parent: ReadonlyMap<number, number>, i: number, shown: readonly string[]): string[] {
  const names: string[] = [];
  for (let at = i; at !== -1; at = parent.get(at)!) {
    if (names[names.length - 1] !== shown[at]) names.push(shown[at]);
  }
  return names.reverse();
}
