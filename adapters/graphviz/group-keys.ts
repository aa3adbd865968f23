/**
 * The ways nodes can be folded into one box, from fine to coarse. Each rule gives a node a group
 * key and a label, or `undefined` when it does not apply to that node (the next rule then does).
 */
import { namespaceOf, nodeNamespace, type GraphNode } from './model';

/** How a picture folds nodes: by origin method, namespace, class, a tag's value, or depth band. */
export type GroupRule = 'node' | 'origin' | 'namespace' | 'class' | 'band' | `tag:${string}`;

export interface GroupKey {
  readonly key: string;
  /** The box's label before its count, e.g. `rollingMean` (drawn `rollingMean ×120`). */
  readonly label: string;
  /** The namespace whose cluster holds the box; `undefined`: the deepest one all members share. */
  readonly namespace?: string;
}

/** What the rules need to know about the whole graph. */
export interface GroupContext {
  /** How many nodes each origin made. */
  readonly originCounts: ReadonlyMap<string, number>;
  /** Fold inputs (and config) into one box each: there are too many to draw one by one. */
  readonly foldSupplied: boolean;
  /** Each node's depth band (used by the `band` rule). */
  readonly bands: ReadonlyMap<string, { readonly band: number; readonly from: number; readonly to: number }>;
}

export type KeyFn = (node: GraphNode, ctx: GroupContext) => GroupKey | undefined;

const SUPPLIED_LABEL = { input: 'inputs', config: 'config' } as const;

function method(origin: string): string {
  return origin.slice(origin.lastIndexOf('.') + 1);
}

function className(origin: string): string | undefined {
  const dot = origin.lastIndexOf('.');
  return dot > 0 ? origin.slice(0, dot) : undefined;
}

function parentNamespace(ns: string): string {
  return namespaceOf(ns);
}

function isSupplied(node: GraphNode): node is GraphNode & { kind: 'input' | 'config' } {
  return node.kind === 'input' || node.kind === 'config';
}

const byNode: KeyFn = (node) => ({ key: `node:${node.name}`, label: node.label ?? node.name, namespace: nodeNamespace(node) });

const suppliedBox = (node: GraphNode & { kind: 'input' | 'config' }) => ({ key: `supplied:${node.kind}`, label: SUPPLIED_LABEL[node.kind] });

/** When there are many inputs, they are one box (`inputs ×40`); `--expand inputs` opens it. */
const bySuppliedIfMany: KeyFn = (node, ctx) => (ctx.foldSupplied && isSupplied(node) ? suppliedBox(node) : undefined);

const byOrigin: KeyFn = (node, ctx) => {
  if (isSupplied(node) || !node.origin || (ctx.originCounts.get(node.origin) ?? 0) < 2) return undefined;
  return { key: `origin:${node.origin}`, label: method(node.origin) };
};

const byNamespace: KeyFn = (node) => {
  const ns = nodeNamespace(node);
  return ns ? { key: `ns:${ns}`, label: `${ns}.*`, namespace: parentNamespace(ns) } : undefined;
};

const byClass: KeyFn = (node) => {
  // the coarsest rule before depth bands: every input is one box, every class one box
  if (isSupplied(node)) return suppliedBox(node);
  const cls = node.origin ? className(node.origin) : undefined;
  return cls ? { key: `class:${cls}`, label: cls } : undefined;
};

const byBand: KeyFn = (node, ctx) => {
  const band = ctx.bands.get(node.name);
  if (!band) return undefined;
  const range = band.from === band.to ? `${band.from}` : `${band.from}–${band.to}`;
  return { key: `band:${band.band}`, label: `depth ${range}` };
};

function byTag(tagKey: string): KeyFn {
  return (node) => {
    const raw = node.tags[tagKey];
    const value = Array.isArray(raw) ? raw[0] : (raw as string | undefined);
    return value === undefined ? undefined : { key: `tag:${tagKey}=${value}`, label: `${tagKey}=${value}` };
  };
}

/**
 * The rules applied in order for one grouping, ending with the node itself.
 *
 * @example
 * keyChain('namespace'); // [many inputs, namespace, origin, node]
 */
export function keyChain(rule: GroupRule): KeyFn[] {
  if (rule.startsWith('tag:')) return [bySuppliedIfMany, byTag(rule.slice(4)), byOrigin, byNode];
  switch (rule) {
    case 'node':
      return [byNode];
    case 'origin':
      return [bySuppliedIfMany, byOrigin, byNode];
    case 'namespace':
      return [bySuppliedIfMany, byNamespace, byOrigin, byNode];
    case 'class':
      return [byClass, byNode];
    case 'band':
      return [byBand, byNode];
    default:
      throw new Error(`unknown grouping "${rule}"`);
  }
}

/**
 * Whether `target` (from `--expand`) names this node or a group it belongs to: its name, its
 * origin (`Class.method` or `method`), its class, a namespace it sits in, or a tag as `key=value`.
 *
 * @example
 * matchesTarget({ name: 'ma.ma3', origin: 'Prices.rollingMean', ... }, 'rollingMean'); // true
 */
export function matchesTarget(node: GraphNode, target: string): boolean {
  const name = node.owner ?? node.name;
  if (name === target || name.startsWith(`${target}.`)) return true;
  if (node.origin && (node.origin === target || method(node.origin) === target || className(node.origin) === target)) return true;
  if (isSupplied(node) && SUPPLIED_LABEL[node.kind] === target) return true;
  const eq = target.indexOf('=');
  if (eq > 0) {
    const raw = node.tags[target.slice(0, eq)];
    const want = target.slice(eq + 1);
    return raw === want || (Array.isArray(raw) && raw.includes(want));
  }
  return false;
}
