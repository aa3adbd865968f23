/**
 * Governance policies: checks over the whole graph, run by `Builder.build()` after the graph is
 * assembled. A policy is `{ name, check(graph) }`; built-in ones (`forbidFlow`, `requireTags`) and
 * a user's own go through the same `withPolicies(...)`. Every violation of every policy becomes an
 * issue of one `GraphBuildError`, with the code `policy:<name>`.
 */
import { QuiverError, type Issue } from '../errors';
import type { Graph } from '../graph/graph';
import { downstreamOf, upstreamOf } from '../graph/lineage';
import { matchesTags, nodeInfos, type NodeInfo, type TagFilter } from '../graph/node-info';

/** One violation: a message that names the nodes at fault and the fix. */
export interface PolicyIssue {
  readonly message: string;
  readonly nodes?: readonly string[];
}

/** What a policy sees: every node (inputs and config included) and the lineage questions. */
export interface PolicyGraph {
  readonly nodes: readonly NodeInfo[];
  node(name: string): NodeInfo | undefined;
  upstreamOf(...names: string[]): string[];
  downstreamOf(...names: string[]): string[];
  /** Whether the node's own tags match the filter (as in `listAvailableVariables`, inherited tags aside). */
  matchesOwn(name: string, filter: TagFilter): boolean;
  /** The built graph itself, for policies that walk edges (`graph.deps`, `graph.consumers`). */
  readonly graph: Graph;
}

export interface Policy {
  /** Short, stable: it becomes the issue code `policy:<name>`. */
  readonly name: string;
  check(graph: PolicyGraph): readonly (string | PolicyIssue)[];
}

/**
 * Checks what `withPolicies` was given: each a `{ name, check }` object.
 *
 * @example
 * checkPolicies([{ name: 'noDrafts', check: (g) => g.nodes.filter((n) => n.tags.status === 'draft').map((n) => n.name) }]);
 */
export function checkPolicies(policies: readonly unknown[]): Policy[] {
  return policies.map((p, i) => {
    const candidate = p as Partial<Policy> | null;
    if (candidate === null || typeof candidate !== 'object' || typeof candidate.check !== 'function' ||
      typeof candidate.name !== 'string' || !/^[\w.:-]+$/.test(candidate.name)) {
      throw new QuiverError(
        `withPolicies takes policies such as forbidFlow({ from, to }), requireTags('owner') or your own ` +
          `{ name: 'noDrafts', check(graph) { return ['…'] } }; argument ${i + 1} is not one (it needs a name of ` +
          'letters, digits, ".", ":", "_" or "-" and a check function).',
      );
    }
    return candidate as Policy;
  });
}

/** The view of `graph` that policies are given. */
export function policyGraph(graph: Graph): PolicyGraph {
  const nodes = nodeInfos(graph);
  const byName = new Map(nodes.map((n) => [n.name, n]));
  return {
    nodes,
    graph,
    node: (name) => byName.get(name),
    upstreamOf: (...names) => upstreamOf(graph, names),
    downstreamOf: (...names) => downstreamOf(graph, names),
    matchesOwn: (name, filter) => {
      const info = byName.get(name);
      return info !== undefined && matchesTags(info.tags, filter);
    },
  };
}

/**
 * Runs every policy on the built graph; the issues of all of them, in the order given. A policy
 * that throws is reported as its own issue rather than hiding the others.
 *
 * @example
 * const issues = runPolicies(graph, [requireTags('owner')]);
 */
export function runPolicies(graph: Graph, policies: readonly Policy[]): Issue[] {
  if (policies.length === 0) return [];
  const view = policyGraph(graph);
  const issues: Issue[] = [];
  for (const policy of policies) {
    const code = `policy:${policy.name}`;
    let found: readonly (string | PolicyIssue)[];
    try {
      found = policy.check(view);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      issues.push({ code, message: `Policy "${policy.name}" could not check the graph: it threw ${reason}. Fix the policy.`, nodes: [] });
      continue;
    }
    if (!Array.isArray(found)) {
      issues.push({ code, message: `Policy "${policy.name}" must return a list of issues (strings or { message, nodes }).`, nodes: [] });
      continue;
    }
    for (const f of found) {
      issues.push(typeof f === 'string' ? { code, message: f, nodes: [] } : { code, message: f.message, nodes: [...(f.nodes ?? [])] });
    }
  }
  return issues;
}
