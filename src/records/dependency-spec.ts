/**
 * How `@parameterize` binds a parameter: a literal (`value`), another node or input (`source`),
 * or a list / record of those (`group`). Specs are frozen records; a decorator keeps frozen copies
 * of the records of specs it is given (`frozenBindings`), so changing them afterwards changes nothing.
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
  return Object.freeze({ kind: 'value', value: v });
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
  return Object.freeze({ kind: 'source', name });
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
    return Object.freeze({ kind: 'groupRecord', items: frozenLeaves(record as Record<string, LeafSpec>) });
  }
  for (const [i, item] of items.entries()) assertLeaf(item, `group(…) item ${i}`);
  return Object.freeze({ kind: 'group', items: Object.freeze(items.map((item) => frozenSpec(item as LeafSpec))) });
}

/**
 * Whether `x` is a spec made by `value`, `source` or `group` (or an object of the same shape).
 *
 * @example
 * isDependencySpec(source('spend')); // true
 * isDependencySpec(3);               // false
 */
export function isDependencySpec(x: unknown): x is DependencySpec {
  if (!isPlainRecord(x)) return false;
  const kind = (x as { kind?: unknown }).kind;
  return kind === 'value' || kind === 'source' || kind === 'group' || kind === 'groupRecord';
}

/**
 * A spec as stored: itself when frozen (as `value`, `source` and `group` make them), else a frozen
 * copy (a hand-written `{ kind: 'source', name }`). A `value`'s literal is kept as it is.
 *
 * @example
 * frozenSpec({ kind: 'source', name: 'spend' }); // a frozen copy
 */
export function frozenSpec<S extends DependencySpec>(spec: S): S {
  if (Object.isFrozen(spec)) return spec;
  if (spec.kind === 'group') {
    return Object.freeze({ kind: 'group', items: Object.freeze(spec.items.map(frozenSpec)) }) as S;
  }
  if (spec.kind === 'groupRecord') return Object.freeze({ kind: 'groupRecord', items: frozenLeaves(spec.items) }) as S;
  return Object.freeze({ ...spec });
}

/**
 * A frozen copy of a record of specs (`{ parameter: spec }`), each spec stored by `frozenSpec`.
 * Keys are set as own properties, so a parameter may be named `__proto__`.
 *
 * @example
 * const bindings = frozenBindings({ x: source('spend') }); // later changes to the argument change nothing
 */
export function frozenBindings<S extends DependencySpec>(
  record: Readonly<Record<string, S>>,
): Readonly<Record<string, S>> {
  const copy: Record<string, S> = {};
  for (const key of Object.keys(record)) {
    if (key === '__proto__') Object.defineProperty(copy, key, { value: frozenSpec(record[key]), enumerable: true });
    else copy[key] = frozenSpec(record[key]);
  }
  return Object.freeze(copy);
}

/** `frozenBindings` for a record of `value` / `source` specs. */
export function frozenLeaves(record: Readonly<Record<string, LeafSpec>>): Readonly<Record<string, LeafSpec>> {
  return frozenBindings(record);
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

/**
 * How a definition-time message shows a wrong argument: `"text"`, `number 3`, `an array`.
 *
 * @example
 * describe(3); // 'number 3'
 */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return `"${x}"`;
  if (typeof x === 'object') return `an object (${Object.prototype.toString.call(x).slice(8, -1)})`;
  return `${typeof x} ${String(x)}`;
}
