/**
 * Namespaced reuse of a feature set (Hamilton's subdag), as decorators and `withFeatures` record
 * it: the set, its inputs bound to outer nodes (`source`) or literals (`value`), config seen only
 * inside, and tags for every inner node. The builder renames the set's nodes `<namespace>.<name>`
 * (src/graph/namespace.ts).
 */
import { FeatureDefinitionError } from '../errors';
import { describe, frozenLeaves, type LeafSpec } from './dependency-spec';
import type { NamespaceSpec } from './records';
import { freezeTags } from './tags';
import { assertKnownKeys } from '../options/known-keys';

import type { FeatureNames } from '../typing/names';

export interface NamespaceOptions {
  /** Inner input name → `source('outer')` or `value(v)`. */
  readonly inputs?: Record<string, LeafSpec>;
  /** Config seen only inside the namespace, on top of the builder's config. */
  readonly config?: Record<string, unknown>;
  /** Tags added to every node inside the namespace. */
  readonly tags?: Record<string, string | readonly string[]>;
}

const NAMESPACE = /^[\p{ID_Start}$_][\p{ID_Continue}$]*(\.[\p{ID_Start}$_][\p{ID_Continue}$]*)*$/u;

/** A feature set under a namespace, as `withFeatures` takes it. */
export class Namespaced<Names extends string = string> {
  /** Type only: the node names this set makes, for typed drivers (src/typing/names.ts). */
  declare readonly '~quiver'?: { readonly names: Names };
  constructor(readonly namespace: string, readonly space: NamespaceSpec) {
    Object.freeze(this);
  }
}

/**
 * Checks a feature set and its options and returns them as a frozen spec (copied: changing the
 * objects given afterwards changes nothing). `where` starts every message.
 *
 * @example
 * namespaceSpec(WindowStats, { inputs: { x: source('price') } }, 'namespaced("price", …)');
 */
export function namespaceSpec(
  features: unknown, options: NamespaceOptions, where: string, known: readonly string[] = ['inputs', 'config', 'tags'],
): NamespaceSpec {
  const list = Array.isArray(features) ? features : [features];
  if (list.length === 0 || !list.every((f) => typeof f === 'function' || (typeof f === 'object' && f !== null))) {
    throw new FeatureDefinitionError(
      `${where} takes a feature class, an instance, or a list of them, got ${describe(features)}.`,
    );
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new FeatureDefinitionError(`${where} takes options { ${known.map((k) => `${k}?`).join(', ')} }.`);
  }
  assertKnownKeys(options, known, where, FeatureDefinitionError);
  const { inputs = {}, config = {}, tags = {} } = options ?? {};
  for (const [name, spec] of Object.entries(inputs)) {
    if (!isLeafSpec(spec)) {
      throw new FeatureDefinitionError(
        `${where} binds input "${name}" to ${describe(spec)}; use source('outerName') or value(v).`,
      );
    }
  }
  return Object.freeze({
    features: Object.freeze([...list]),
    inputs: frozenLeaves(inputs),
    config: Object.freeze({ ...config }),
    tags: freezeTags(tags),
  });
}

function isLeafSpec(spec: unknown): spec is LeafSpec {
  const kind = (spec as { kind?: unknown } | null)?.kind;
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) && (kind === 'value' || kind === 'source');
}

/**
 * The namespace as given, when it is a valid name (`price`, `eu.price`); else a `FeatureDefinitionError`.
 *
 * @example
 * checkNamespace('price', '@subdag on Prices.band'); // 'price'
 */
export function checkNamespace(namespace: unknown, where: string): string {
  if (typeof namespace !== 'string' || !NAMESPACE.test(namespace)) {
    throw new FeatureDefinitionError(
      `${where}: the namespace must be a name such as "price" (letters, digits, _, $, with . between levels), ` +
        `got ${describe(namespace)}.`,
    );
  }
  return namespace;
}

/**
 * Runs a feature set under a namespace, its inputs bound to other nodes or values.
 *
 * @example
 * class WindowStats {
 *   mean28(x: Float64Array): Float64Array { return rollingMean(x, 28); }
 * }
 * new Builder().withFeatures(
 *   namespaced('price', WindowStats, { inputs: { x: source('price') } }),   // node price.mean28
 *   namespaced('volume', WindowStats, { inputs: { x: source('volume') } }), // node volume.mean28
 * );
 */
export function namespaced<const NS extends string, const C, const O extends NamespaceOptions = {}>(
  namespace: NS,
  features: C,
  options: O = {} as O,
): Namespaced<`${NS}.${FeatureNames<C extends readonly (infer E)[] ? E : C> | (keyof O['config'] & string)}`> {
  const where = `namespaced("${String(namespace)}", …)`;
  return new Namespaced(checkNamespace(namespace, where), namespaceSpec(features, options, where));
}
