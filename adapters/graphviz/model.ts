/**
 * The plain graph structure pictures are drawn from: one record per node with its kind, tags,
 * origin and dependencies. Built from the driver's public `listAvailableVariables()` answer, so
 * the drawing code never reaches into the core.
 */

/** How a node is drawn: supplied (`input`, `config`), computed (`feature`, `output`) or a `check`. */
export type NodeKind = 'input' | 'config' | 'feature' | 'output' | 'check';

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
}

/** What `listAvailableVariables()` returns per node; `origin` and `role` are read when present. */
export interface NodeInfoLike {
  readonly name: string;
  readonly type?: unknown;
  readonly tags?: TagValues;
  readonly isExternalInput?: boolean;
  readonly doc?: string;
  readonly dependencies?: readonly (string | { readonly name: string })[];
  readonly origin?: string;
  readonly role?: string;
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
      type: typeName(info.type),
      tags: info.tags ?? {},
      origin: info.origin,
      doc: info.doc,
      dependencies: (info.dependencies ?? []).map((d) => (typeof d === 'string' ? d : d.name)),
    });
  }
  for (const node of [...nodes.values()]) {
    for (const dep of node.dependencies) {
      if (!nodes.has(dep)) nodes.set(dep, { name: dep, kind: config.has(dep) ? 'config' : 'input', type: '', tags: {}, dependencies: [] });
    }
  }
  return [...nodes.values()];
}

/**
 * The nodes the given ones need, the given ones included, in their original order.
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
  return nodes.filter((n) => keep.has(n.name));
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
