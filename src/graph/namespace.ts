/**
 * Namespaced reuse of a feature set (Hamilton's subdag): the set's nodes are renamed
 * `<namespace>.<name>`; its inputs are bound to outer nodes (`source`) or literals (`value`), and
 * inputs left unbound are read from outside by their own name.
 */
import { FeatureDefinitionError } from '../errors';
import { describe, isDependencySpec, type LeafSpec } from './dependency-spec';
import { renamedCheckFn } from './check-nodes';
import { makeNode, type FeatureNode } from './node';
import type { NamespaceSpec, TagMap } from './records';
import { own } from './own';
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

export function namespaceSpec(
  features: unknown, options: NamespaceOptions, where: string, known: readonly string[] = ['inputs', 'config', 'tags'],
): NamespaceSpec {
  const list = Array.isArray(features) ? features : [features];
  if (list.length === 0 || !list.every((f) => typeof f === 'function' || (typeof f === 'object' && f !== null))) {
    throw new FeatureDefinitionError(`${where} takes a feature class, an instance, or a list of them, got ${describe(features)}.`);
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new FeatureDefinitionError(`${where} takes options { ${known.map((k) => `${k}?`).join(', ')} }.`);
  }
  assertKnownKeys(options, known, where, FeatureDefinitionError);
  const { inputs = {}, config = {}, tags = {} } = options ?? {};
  for (const [name, spec] of Object.entries(inputs)) {
    if (!isDependencySpec(spec) || (spec.kind !== 'value' && spec.kind !== 'source')) {
      throw new FeatureDefinitionError(`${where} binds input "${name}" to ${describe(spec)}; use source('outerName') or value(v).`);
    }
  }
  return { features: list, inputs: { ...inputs }, config: { ...config }, tags: Object.freeze({ ...tags }) as TagMap };
}

export function checkNamespace(namespace: unknown, where: string): string {
  if (typeof namespace !== 'string' || !NAMESPACE.test(namespace)) {
    throw new FeatureDefinitionError(`${where}: the namespace must be a name such as "price" (letters, digits, _, $, with . between levels), got ${describe(namespace)}.`);
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

/** Renames the nodes of a feature set into `namespace`, binding its inputs as the spec says. */
export function prefixNodes(inner: readonly FeatureNode[], namespace: string, space: NamespaceSpec, origin: string): FeatureNode[] {
  const innerNames = new Set(inner.map((n) => n.name));
  const values = new Map<string, unknown>(Object.entries(space.config));
  for (const [name, spec] of Object.entries(space.inputs)) if (spec.kind === 'value') values.set(name, spec.value);
  const constants = new Map<string, FeatureNode>();
  const rename = (dep: string): string => {
    if (innerNames.has(dep)) return `${namespace}.${dep}`;
    const bound = own(space.inputs, dep);
    if (bound?.kind === 'source') return bound.name;
    if (values.has(dep)) {
      const name = `${namespace}.${dep}`;
      if (!constants.has(name)) {
        const v = values.get(dep);
        constants.set(name, makeNode({ name, type: undefined, dependencies: [], fn: () => v, tags: space.tags, doc: `value bound by ${origin}`, origin: `${origin} (value)`, role: 'feature' }));
      }
      return name;
    }
    return dep;
  };
  const renamed = inner.map((node) =>
    makeNode({
      ...node,
      fn: renamedCheckFn(node, `${namespace}.${node.owner ?? node.name}`) ?? node.fn,
      name: `${namespace}.${node.name}`,
      owner: node.owner === undefined ? undefined : `${namespace}.${node.owner}`,
      dependencies: node.dependencies.map((d) => ({ ...d, name: rename(d.name) })),
      tags: Object.keys(space.tags).length > 0 ? Object.freeze({ ...node.tags, ...space.tags }) : node.tags,
    }),
  );
  return [...constants.values(), ...renamed];
}
