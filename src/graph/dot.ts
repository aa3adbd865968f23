/**
 * The graph of one execution as Graphviz DOT text: inputs, config, overrides, outputs and checks
 * drawn differently; a checked feature's raw node is folded into the feature; names with `.`
 * (namespaces) are drawn as clusters.
 */
import type { Graph } from './graph';
import type { FeatureNode } from './node';
import type { Plan } from '../execution/plan';
import { checkLabel } from './check-nodes';

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function style(node: FeatureNode, isOutput: boolean, isOverride: boolean): string {
  if (isOverride) return 'shape=box, style="dashed,rounded", label=' + quote(`${node.name}\n(override)`);
  switch (node.role) {
    case 'input':
      return 'shape=parallelogram, style=filled, fillcolor="#e8f0fe"';
    case 'config':
      return 'shape=note, style=filled, fillcolor="#fef7e0"';
    case 'check': {
      const fail = node.validator?.importance === 'fail';
      return `shape=octagon, fontsize=10, style=filled, fillcolor="${fail ? '#fce8e6' : '#fff4e5'}", label=${quote(`${checkLabel(node)}${fail ? ' (fail)' : ''}`)}`;
    }
    default:
      return `shape=box, style="rounded${isOutput ? ',bold,filled' : ''}"${isOutput ? ', fillcolor="#e6f4ea"' : ''}`;
  }
}

export function toDot(graph: Graph, plan: Plan, outputs: ReadonlySet<number>): string {
  const members = [...plan.supplied, ...plan.overridden, ...plan.run];
  const overridden = new Set(plan.overridden);
  const shown = (i: number) => graph.nodes[i].role !== 'raw';
  const idOf = (i: number) => {
    const node = graph.nodes[i];
    return quote(node.role === 'raw' ? node.owner! : node.name);
  };
  const clusters = new Map<string, string[]>();
  const loose: string[] = [];
  for (const i of members) {
    if (!shown(i)) continue;
    const node = graph.nodes[i];
    const line = `${idOf(i)} [${style(node, outputs.has(i), overridden.has(i))}];`;
    const namespace = node.role === 'check' ? namespaceOf(node.owner!) : namespaceOf(node.name);
    if (namespace) clusters.set(namespace, [...(clusters.get(namespace) ?? []), line]);
    else loose.push(line);
  }
  const edges = new Set<string>();
  for (const i of plan.run) {
    const node = graph.nodes[i];
    for (const d of graph.deps[i]) {
      const dep = graph.nodes[d];
      if (node.role === 'check') edges.add(`${idOf(d)} -> ${idOf(i)} [style=dotted, arrowhead=none];`);
      else if (dep.role === 'check' || (dep.role === 'raw' && dep.owner === node.name)) continue;
      else edges.add(`${idOf(d)} -> ${idOf(i)};`);
    }
  }
  const body = [...loose];
  let c = 0;
  for (const [namespace, lines] of clusters) {
    body.push(`subgraph ${quote(`cluster_${c++}`)} {`, `  label=${quote(namespace)}; style="rounded,dashed";`, ...lines.map((l) => `  ${l}`), '}');
  }
  return ['digraph quiver {', '  rankdir=LR;', '  node [fontname="Helvetica"];', ...[...body, ...edges].map((l) => `  ${l}`), '}', ''].join('\n');
}

function namespaceOf(name: string): string | undefined {
  const cut = name.lastIndexOf('.');
  return cut > 0 ? name.slice(0, cut) : undefined;
}
