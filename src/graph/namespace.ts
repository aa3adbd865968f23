/**
 * Namespaced reuse of a feature set (Hamilton's subdag): the set's nodes are renamed
 * `<namespace>.<name>`; its inputs are bound to outer nodes (`source`) or literals (`value`), and
 * inputs left unbound are read from outside by their own name. What a decorator or `namespaced()`
 * records is in src/records/namespace-spec.ts.
 */
import { renamedCheckFn } from './check-nodes';
import { makeNode, type FeatureNode } from './node';
import type { NamespaceSpec } from '../records/records';
import { own } from '../util/own';

export { checkNamespace, Namespaced, namespaced, namespaceSpec, type NamespaceOptions } from '../records/namespace-spec';

/** Renames the nodes of a feature set into `namespace`, binding its inputs as the spec says. */
export function prefixNodes(
  inner: readonly FeatureNode[], namespace: string, space: NamespaceSpec, origin: string, definedBy?: FeatureNode['definedBy'],
): FeatureNode[] {
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
        constants.set(name, makeNode({ name, type: undefined, dependencies: [], fn: () => v, tags: space.tags, doc: `value bound by ${origin}`, origin: `${origin} (value)`, definedBy, role: 'feature' }));
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
