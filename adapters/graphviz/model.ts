/**
 * The plain graph structure pictures are drawn from: one record per node with its kind, tags,
 * origin and dependencies. Built from the driver's public `listAvailableVariables()` answer, so
 * the drawing code never reaches into the core.
 */
import { checkNodeName } from '../../src/graph/internal-names';

/**
 * How a node is drawn: supplied (`input`, `config`), computed (`feature`, `output`), a `check`, or
 * an `override` (a computed node whose value one execution was given; only `visualizeExecution` has them).
 */
export type NodeKind = 'input' | 'config' | 'feature' | 'output' | 'check' | 'override';

export type TagValues = Readonly<Record<string, string | readonly string[]>>;

/** One node of a picture. */
export interface GraphNode {
  readonly name: string;
  readonly kind: NodeKind;
  /** The declared type as text (`Float64Array`, `number`…), `''` when unknown. */
  readonly type: string;
  readonly tags: TagValues;
  /** `Class.method` that made the node, when known. */
  readonly origin?: string;
  readonly doc?: string;
  readonly dependencies: readonly string[];
  /** For a check: the node it checks (its namespace is the check's). */
  readonly owner?: string;
  /** A shorter text to draw than the name (a check draws its check's name). */
  readonly label?: string;
}

/** What `listAvailableVariables()` returns per node; `origin`, `role`, `typeName` and `checks` are read when present. */
export interface NodeInfoLike {
  readonly name: string;
  readonly type?: unknown;
  readonly tags?: TagValues;
  readonly isExternalInput?: boolean;
  readonly doc?: string;
  readonly dependencies?: readonly (string | { readonly name: string })[];
  readonly origin?: string;
  readonly role?: string;
  readonly typeName?: string;
  /** The names of the data-quality checks that run on this node. */
  readonly checks?: readonly string[];
}

/** The part of a driver pictures need: its public lineage API. */
export interface GraphSource {
  listAvailableVariables(opts?: { tags?: Record<string, unknown> }): readonly NodeInfoLike[];
}

export interface FromNodeInfoOptions {
  /** Requested outputs: drawn as outputs. */
  readonly outputs?: readonly string[];
  /** Config keys: drawn as config rather than inputs. */
  readonly configKeys?: readonly string[];
  /** Draw each node's data-quality checks as nodes of their own (default true). */
  readonly checks?: boolean;
}

/**
 * The type of a node as people write it: a constructor's name, or the value as text.
 *
 * @example
 * typeName(Float64Array); // 'Float64Array'
 * typeName(undefined);    // ''
 */
export function typeName(type: unknown): string {
  if (type === undefined || type === null) return '';
  if (typeof type === 'function') return type.name || 'function';
  return String(type);
}

function kindOf(info: NodeInfoLike, outputs: ReadonlySet<string>, config: ReadonlySet<string>): NodeKind {
  if (info.role === 'check') return 'check';
  if (info.role === 'config' || info.origin === 'config' || config.has(info.name)) return 'config';
  if (info.isExternalInput || info.role === 'input') return 'input';
  return outputs.has(info.name) ? 'output' : 'feature';
}

/**
 * Make the picture's nodes from a driver's `listAvailableVariables()` answer. A dependency that
 * names no listed node becomes an input node, so every edge has two ends.
 *
 * @example
 * const nodes = graphFromNodeInfo(dr.listAvailableVariables(), { outputs: ['avg3wkSpend'] });
 * nodes.find((n) => n.name === 'avg3wkSpend')?.kind; // 'output'
 */
export function graphFromNodeInfo(infos: readonly NodeInfoLike[], opts: FromNodeInfoOptions = {}): GraphNode[] {
  const outputs = new Set(opts.outputs ?? []);
  const config = new Set(opts.configKeys ?? []);
  const nodes = new Map<string, GraphNode>();
  for (const info of infos) {
    nodes.set(info.name, {
      name: info.name,
      kind: kindOf(info, outputs, config),
      type: info.typeName && info.typeName !== 'unknown' ? info.typeName : typeName(info.type),
      tags: info.tags ?? {},
      origin: info.origin,
      doc: info.doc,
      dependencies: (info.dependencies ?? []).map((d) => (typeof d === 'string' ? d : d.name)),
    });
    if (opts.checks !== false) for (const check of checkNodes(info)) nodes.set(check.name, check);
  }
  for (const node of [...nodes.values()]) {
    for (const dep of node.dependencies) {
      if (!nodes.has(dep)) nodes.set(dep, { name: dep, kind: config.has(dep) ? 'config' : 'input', type: '', tags: {}, dependencies: [] });
    }
  }
  return [...nodes.values()];
}

/**
 * One node per check on `info`, named as the executor names them: `info.checks` holds each check's
 * `checkLabel()` (`range`, `range#2`), so the name is `checkNodeName(owner, label)`.
 */
function checkNodes(info: NodeInfoLike): GraphNode[] {
  return (info.checks ?? []).map((label) => ({
    name: checkNodeName(info.name, label), kind: 'check', type: '', tags: info.tags ?? {}, origin: info.origin,
    dependencies: [info.name], owner: info.name, label,
  }));
}

/**
 * The nodes the given ones need, the given ones included, with their checks, in their original order.
 *
 * @example
 * upstreamOf(nodes, ['spendPerSignup']).map((n) => n.name); // ['spend', 'signups', 'spendPerSignup']
 */
export function upstreamOf(nodes: readonly GraphNode[], names: readonly string[]): GraphNode[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const keep = new Set<string>();
  const stack = names.filter((n) => byName.has(n));
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (keep.has(name)) continue;
    keep.add(name);
    for (const dep of byName.get(name)?.dependencies ?? []) if (!keep.has(dep)) stack.push(dep);
  }
  // a node's checks run whenever it runs
  return nodes.filter((n) => keep.has(n.name) || (n.owner !== undefined && keep.has(n.owner)));
}

/**
 * The namespace a node is drawn in: its own, or for a check, its owner's.
 *
 * @example
 * nodeNamespace({ name: 'prices.ma3:check:range', owner: 'prices.ma3', ... }); // 'prices'
 */
export function nodeNamespace(node: GraphNode): string {
  return namespaceOf(node.owner ?? node.name);
}

/**
 * A node's namespace: what comes before the last `.` of its name (`''` for none).
 *
 * @example
 * namespaceOf('prices.ma.ma3'); // 'prices.ma'
 */
export function namespaceOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(0, dot);
}
