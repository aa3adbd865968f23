/**
 * How `@parameterize` binds a parameter: a literal (`value`), another node or input (`source`),
 * or a list / record of those (`group`).
 */
import { FeatureDefinitionError } from '../errors';

export type DependencySpec =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'source'; readonly name: string }
  | { readonly kind: 'group'; readonly items: readonly (LeafSpec)[] }
  | { readonly kind: 'groupRecord'; readonly items: Readonly<Record<string, LeafSpec>> };

export type LeafSpec = Extract<DependencySpec, { kind: 'value' | 'source' }>;

/**
 * A literal bound to a parameter by `@parameterize`.
 * @example
 * class Windows {@parameterize({ mean7: { window: value(7) }, mean28: { window: value(28) } })
 *   meanOf(spend: Float64Array, window: number) { return rollingMean(spend, window); }
 * }
 */
export function value(v: unknown): LeafSpec {
  return { kind: 'value', value: v };
}

/**
 * Another node or input bound to a parameter by `@parameterize`.
 * @example
 * class Lags {@parameterize({ spendLag1: { x: source('spend') }, visitsLag1: { x: source('visits') } })
 *   lag1(x: Float64Array) { return shift(x, 1); }
 * }
 */
export function source(name: string): LeafSpec {
  if (typeof name !== 'string' || name.length === 0) {
    throw new FeatureDefinitionError(`source() needs the name of a node or input, got ${describe(name)}.`);
  }
  return { kind: 'source', name };
}

/**
 * A list (`group(a, b)`) or record (`group({ k: a })`) of `value`/`source` bound to one parameter.
 * @example
 * class Totals {@parameterize({ total: { parts: group(source('spend'), source('tax')) } })
 *   sumOf(parts: Float64Array[]) { return parts.reduce((a, b) => add(a, b)); }
 * }
 */
export function group(...items: unknown[]): DependencySpec {
  if (items.length === 1 && isPlainRecord(items[0]) && !isLeaf(items[0])) {
    const record = items[0] as Record<string, unknown>;
    for (const [key, item] of Object.entries(record)) assertLeaf(item, `group({ ${key}: … })`);
    return { kind: 'groupRecord', items: record as Record<string, LeafSpec> };
  }
  for (const [i, item] of items.entries()) assertLeaf(item, `group(…) item ${i}`);
  return { kind: 'group', items: items as LeafSpec[] };
}

export function isDependencySpec(x: unknown): x is DependencySpec {
  return isPlainRecord(x) && ['value', 'source', 'group', 'groupRecord'].includes((x as { kind?: string }).kind ?? '');
}

function isLeaf(x: unknown): x is LeafSpec {
  return isPlainRecord(x) && ((x as { kind?: string }).kind === 'value' || (x as { kind?: string }).kind === 'source');
}

function assertLeaf(item: unknown, where: string): void {
  if (!isLeaf(item)) {
    throw new FeatureDefinitionError(`${where} must be value(…) or source(…), got ${describe(item)}.`);
  }
}

function isPlainRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return `"${x}"`;
  if (typeof x === 'object') return `an object (${Object.prototype.toString.call(x).slice(8, -1)})`;
  return `${typeof x} ${String(x)}`;
}
