/**
 * The graph of one execution (`visualizeExecution`) as the nodes of a picture: what the plan
 * supplies, overrides and runs, each with its kind; a checked feature's raw node is folded into
 * the feature, and checks are named by `checkLabel()`. The DOT text itself is written by the one
 * DOT producer (adapters/graphviz/dot.ts, reached through the core's ports), the same that draws
 * `quiver graph` and the run report, so the three pictures share one style.
 */
import type { Graph } from './graph';
import type { Plan } from '../execution/plan';
import type { PictureNode, PictureNodeKind } from '../ports';
import { ports } from '../ports';
import { checkLabel } from './check-nodes';
import { isKnownType, typeName } from './types';

/**
 * The picture nodes of one execution: every supplied, overridden and run node but the raw halves
 * of checked features; edges follow the plan (an override or a supplied value has none coming in).
 *
 * @example
 * executionNodes(graph, plan, new Set([graph.index.get('total')!])).map((n) => n.kind); // ['input', 'output']
 */
export function executionNodes(graph: Graph, plan: Plan, outputs: ReadonlySet<number>): PictureNode[] {
  const overridden = new Set(plan.overridden);
  const idOf = (i: number) => {
    const node = graph.nodes[i];
    return node.role === 'raw' ? node.owner! : node.name;
  };
  const deps = new Map<string, Set<string>>();
  for (const i of plan.run) {
    const node = graph.nodes[i];
    const into = idOf(i);
    for (const d of graph.deps[i]) {
      const dep = graph.nodes[d];
      if (node.role !== 'check' && (dep.role === 'check' || (dep.role === 'raw' && dep.owner === node.name))) continue;
      if (!deps.has(into)) deps.set(into, new Set());
      deps.get(into)!.add(idOf(d));
    }
  }
  const nodes: PictureNode[] = [];
  for (const i of [...plan.supplied, ...plan.overridden, ...plan.run]) {
    const node = graph.nodes[i];
    if (node.role === 'raw') continue;
    const kind = kindOf(node.role, overridden.has(i), outputs.has(i));
    const fail = node.role === 'check' && node.validator?.importance === 'fail';
    nodes.push({
      name: node.name,
      kind,
      type: isKnownType(node.type) ? typeName(node.type) : '',
      tags: node.tags as PictureNode['tags'],
      origin: node.origin || undefined,
      doc: node.doc || undefined,
      dependencies: [...(deps.get(node.name) ?? [])],
      ...(node.role === 'check' ? { owner: node.owner, label: `${checkLabel(node)}${fail ? ' (fail)' : ''}` } : {}),
      ...(kind === 'override' ? { label: `${node.name}\n(override)` } : {}),
    });
  }
  return nodes;
}

function kindOf(role: string, isOverride: boolean, isOutput: boolean): PictureNodeKind {
  if (isOverride) return 'override';
  if (role === 'input' || role === 'config' || role === 'check') return role;
  return isOutput ? 'output' : 'feature';
}

/**
 * The DOT text of one execution, in the house style (adapters/graphviz/styles.ts).
 *
 * @example
 * fs.writeFileSync('graph.dot', toDot(graph, plan, new Set(outputIndices)));
 */
export function toDot(graph: Graph, plan: Plan, outputs: ReadonlySet<number>): string {
  return ports().drawDot(executionNodes(graph, plan, outputs));
}
