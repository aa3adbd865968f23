/**
 * Fold a big graph into a picture people can read and Graphviz (WebAssembly) can lay out: above
 * `maxNodes` boxes, nodes made by one method become one box (`rollingMean ×120`), then whole
 * namespaces, then whole classes, then depth bands. Once folding, more than `MANY_INPUTS` inputs
 * become one `inputs ×N` box. `expand` keeps chosen parts drawn node by node.
 */
import { InputError } from '../../src/errors';
import { keyChain, matchesTarget, type GroupContext, type GroupRule, type KeyFn } from './group-keys';
import { nodeNamespace, type GraphNode, type NodeKind } from './model';
import type { UnknownNameCode } from '../../src/issue-codes';

/** How `collapse` chooses: `auto` tries node → origin → namespace → class → band until it fits. */
export type CollapseMode = 'auto' | GroupRule;

export interface CollapseOptions {
  /** The most boxes to draw (default 200). Graphviz time grows fast with boxes and edges. */
  readonly maxNodes?: number;
  /** The most edges to draw (default 600). */
  readonly maxEdges?: number;
  readonly by?: CollapseMode;
  /** Names, origins, classes, namespaces or `tag=value`s whose nodes are drawn one by one. */
  readonly expand?: readonly string[];
}

/** One drawn box: a single node (`members.length === 1`, `id` is its name) or a group. */
export interface Box {
  readonly id: string;
  readonly label: string;
  readonly kind: NodeKind;
  readonly members: readonly GraphNode[];
  /** The namespace cluster the box is drawn in (`''` for none). */
  readonly namespace: string;
}

export interface BoxEdge {
  readonly from: string;
  readonly to: string;
  /** How many node-to-node edges this edge stands for. */
  readonly count: number;
}

export interface CollapsedGraph {
  readonly boxes: readonly Box[];
  readonly edges: readonly BoxEdge[];
  /** The grouping used (`node` when nothing was folded). */
  readonly grouping: GroupRule;
  /** How many nodes the boxes stand for. */
  readonly nodeCount: number;
}

export const DEFAULT_MAX_NODES = 200;
export const DEFAULT_MAX_EDGES = 600;
const AUTO: readonly GroupRule[] = ['node', 'origin', 'namespace', 'class', 'band'];
/** Above this many inputs (or config keys), folded pictures draw them as one box. */
export const MANY_INPUTS = 24;

/**
 * Fold `nodes` into at most `maxNodes` boxes (see the module comment for the order tried).
 * Throws `InputError` when an `expand` target matches nothing, or when what must stay expanded is
 * already more than `maxNodes`.
 *
 * @example
 * const picture = collapse(nodes, { maxNodes: 150, expand: ['rollingMean'] });
 * picture.boxes.map((b) => b.label); // ['spend', 'rollingMean ×3', ...] or single nodes when small
 */
export function collapse(nodes: readonly GraphNode[], opts: CollapseOptions = {}): CollapsedGraph {
  const maxNodes = opts.maxNodes ?? DEFAULT_MAX_NODES;
  const maxEdges = opts.maxEdges ?? DEFAULT_MAX_EDGES;
  const expanded = expandedNames(nodes, opts.expand ?? []);
  const ctx = context(nodes, Math.max(1, Math.floor(maxNodes / 5)));
  const rules = !opts.by || opts.by === 'auto' ? AUTO : [opts.by, 'band' as const];
  let picture: CollapsedGraph | undefined;
  for (const rule of rules) {
    if (rule === 'node' && nodes.length > maxNodes) continue; // one box per node cannot fit
    picture = fold(nodes, rule, ctx, expanded);
    if (picture.boxes.length <= maxNodes && picture.edges.length <= maxEdges) return picture;
  }
  if (expanded.size > maxNodes) {
    const targets = opts.expand ?? [];
    const message =
      `Expanding ${targets.map((t) => `"${t}"`).join(', ')} would draw ${expanded.size} nodes, more than ` +
      `the ${maxNodes} a readable picture holds. Expand a smaller part, narrow the picture to what one node ` +
      `needs (--upstream-of <node>), or raise the limit (--max-nodes).`;
    throw new InputError([{ code: 'too-many-nodes' satisfies UnknownNameCode, message, nodes: [...targets] }]);
  }
  return picture as CollapsedGraph;
}

function expandedNames(nodes: readonly GraphNode[], targets: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const target of targets) {
    const hits = nodes.filter((n) => matchesTarget(n, target));
    if (hits.length === 0) {
      const message =
        `Nothing to expand named "${target}": no node, method, class, namespace or tag (key=value) of this ` +
        `picture matches it. Box labels such as "rollingMean ×120" are expanded by the method name ("rollingMean").`;
      throw new InputError([{ code: 'unknown-node' satisfies UnknownNameCode, message, nodes: [target] }]);
    }
    for (const n of hits) names.add(n.name);
  }
  return names;
}

function fold(nodes: readonly GraphNode[], rule: GroupRule, ctx: GroupContext, expanded: ReadonlySet<string>): CollapsedGraph {
  const chain = keyChain(rule);
  const single = keyChain('node')[0];
  const boxOf = new Map<string, string>();
  const groups = new Map<string, { label: string; namespace?: string; kind: NodeKind; members: GraphNode[] }>();
  for (const node of nodes) {
    const key = expanded.has(node.name) ? single(node, ctx) : firstKey(chain, node, ctx);
    const id = `${node.kind}|${key!.key}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { label: key!.label, namespace: key!.namespace, kind: node.kind, members: [] }));
    group.members.push(node);
    boxOf.set(node.name, id);
  }
  const boxes: Box[] = [];
  const idOf = new Map<string, string>();
  for (const [id, g] of groups) {
    const one = g.members.length === 1;
    const boxId = one ? g.members[0].name : `group:${id}`;
    idOf.set(id, boxId);
    boxes.push({
      id: boxId,
      label: one ? (g.members[0].label ?? g.members[0].name) : `${g.kind === 'check' ? 'checks: ' : ''}${g.label} ×${g.members.length}`,
      kind: g.kind,
      members: g.members,
      namespace: one ? nodeNamespace(g.members[0]) : commonNamespace(g.members, g.namespace),
    });
  }
  return { boxes, edges: boxEdges(nodes, boxOf, idOf), grouping: rule, nodeCount: nodes.length };
}

function firstKey(chain: readonly KeyFn[], node: GraphNode, ctx: GroupContext) {
  for (const fn of chain) {
    const key = fn(node, ctx);
    if (key) return key;
  }
  return undefined;
}

/** The rule's namespace for the box when it gives one, else the deepest one all members share. */
function commonNamespace(members: readonly GraphNode[], hint: string | undefined): string {
  if (hint !== undefined) return hint;
  let common = nodeNamespace(members[0]).split('.');
  for (const m of members) {
    const parts = nodeNamespace(m).split('.');
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('.');
}

function boxEdges(nodes: readonly GraphNode[], boxOf: Map<string, string>, idOf: Map<string, string>): BoxEdge[] {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const to = boxOf.get(node.name) as string;
    for (const dep of node.dependencies) {
      const from = boxOf.get(dep);
      if (from === undefined || from === to) continue;
      const key = `${from}\u0000${to}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, count]) => {
    const [from, to] = key.split('\u0000');
    return { from: idOf.get(from) as string, to: idOf.get(to) as string, count };
  });
}

/** Origin counts, and depth bands (longest path from a source, in at most `bandCount` bands) made when first asked for. */
function context(nodes: readonly GraphNode[], bandCount: number): GroupContext {
  const originCounts = new Map<string, number>();
  let supplied = 0;
  for (const n of nodes) {
    if (n.origin) originCounts.set(n.origin, (originCounts.get(n.origin) ?? 0) + 1);
    if (n.kind === 'input' || n.kind === 'config') supplied++;
  }
  let bands: Map<string, { band: number; from: number; to: number }> | undefined;
  return {
    originCounts,
    foldSupplied: supplied > MANY_INPUTS,
    get bands() {
      return (bands ??= depthBands(nodes, bandCount));
    },
  };
}

function depthBands(nodes: readonly GraphNode[], bandCount: number): Map<string, { band: number; from: number; to: number }> {
  const depth = depths(nodes);
  let maxDepth = 0;
  for (const d of depth.values()) maxDepth = Math.max(maxDepth, d);
  const width = Math.ceil((maxDepth + 1) / bandCount);
  const bands = new Map<string, { band: number; from: number; to: number }>();
  for (const [name, d] of depth) {
    const band = Math.floor(d / width);
    bands.set(name, { band, from: band * width, to: Math.min(maxDepth, band * width + width - 1) });
  }
  return bands;
}

/** Each node's depth: 0 for nodes that need nothing, else 1 + the deepest dependency (Kahn's order). */
function depths(nodes: readonly GraphNode[]): Map<string, number> {
  const present = new Set(nodes.map((n) => n.name));
  const waiting = new Map<string, number>();
  const consumers = new Map<string, string[]>();
  for (const n of nodes) {
    const deps = n.dependencies.filter((d) => present.has(d));
    waiting.set(n.name, deps.length);
    for (const d of deps) (consumers.get(d) ?? consumers.set(d, []).get(d)!).push(n.name);
  }
  const depth = new Map<string, number>();
  const queue = nodes.filter((n) => waiting.get(n.name) === 0).map((n) => n.name);
  for (const name of queue) depth.set(name, 0);
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i];
    for (const c of consumers.get(name) ?? []) {
      depth.set(c, Math.max(depth.get(c) ?? 0, (depth.get(name) as number) + 1));
      const left = (waiting.get(c) as number) - 1;
      waiting.set(c, left);
      if (left === 0) queue.push(c);
    }
  }
  return depth;
}
