/**
 * Builder stage one: feature classes and instances → checked `Graph`. Reads every method's
 * decorator records once, expands them into frozen nodes, then checks the graph as a whole.
 */
import type { Issue } from '../errors';
import { collectMethods, noFeaturesIssue, toSource } from './collect-methods';
import { expandMethod } from './expand-method';
import { assembleGraph } from './assemble';
import type { Graph } from './graph';
import type { FeatureNode, NodeOrigin } from './node';
import { Namespaced, prefixNodes } from './namespace';
import type { NamespaceSpec } from '../records/records';

let warnedUntyped = false;

export function buildGraph(items: readonly unknown[], config: Readonly<Record<string, unknown>>): Graph {
  const issues: Issue[] = [];
  const untyped: string[] = [];
  const disabled = new Map<string, string>();
  const nodes = nodesOf(items, config, issues, untyped, disabled);
  if (untyped.length > 0 && !warnedUntyped) {
    warnedUntyped = true;
    console.warn(
      `quiver: no type metadata was emitted for ${untyped.slice(0, 3).join(', ')}${untyped.length > 3 ? ` and ${untyped.length - 3} more` : ''}, ` +
        'so types are not checked; quiver goes on with parameter names alone. The metadata comes from the compiler, not from an ' +
        'import (quiver loads reflect-metadata itself): with tsc, ts-node or ts-jest set "experimentalDecorators": true and ' +
        '"emitDecoratorMetadata": true in tsconfig.json; with swc (@swc/core, @swc/jest) set jsc.parser.decorators, ' +
        'jsc.transform.legacyDecorator and jsc.transform.decoratorMetadata to true; esbuild and tsx never emit it — run the ' +
        'file with `node -r quiver/register main.ts` or `npx quiver run` (both keep it), or compile it with tsc.',
    );
  }
  const graph = assembleGraph(nodes, config, issues);
  for (const name of disabled.keys()) if (graph.index.has(name)) disabled.delete(name);
  return disabled.size === 0 ? graph : graph.withDisabled(disabled);
}

/** The nodes of feature classes, instances and namespaced feature sets, before the graph is checked. */
function nodesOf(
  items: readonly unknown[],
  config: Readonly<Record<string, unknown>>,
  issues: Issue[],
  untyped: string[],
  disabled?: Map<string, string>,
): FeatureNode[] {
  const nodes: FeatureNode[] = [];
  const expandSpace = (space: NamespaceSpec, namespace: string, origin: string, definedBy?: NodeOrigin) =>
    prefixNodes(
      nodesOf(space.features, { ...config, ...space.config }, issues, untyped), namespace, space, origin, definedBy,
    );
  for (const item of items) {
    if (item instanceof Namespaced) {
      nodes.push(...expandSpace(item.space, item.namespace, `namespaced("${item.namespace}")`));
      continue;
    }
    const source = toSource(item, issues);
    if (!source) continue;
    const methods = collectMethods(source);
    if (methods.length === 0) issues.push(noFeaturesIssue(item, source.className));
    for (const method of methods) {
      const made = expandMethod(method, { config, issues, untyped, expandSpace, disabled });
      for (let i = 0; i < made.length; i++) nodes.push(made[i]); // indexed: no iterator result a node
    }
  }
  return nodes;
}
