/**
 * Builder stage one: feature classes and instances → checked `Graph`. Reads every method's
 * decorator records once, expands them into frozen nodes, then checks the graph as a whole.
 */
import type { Issue } from '../errors';
import { collectMethods, toSource } from './collect-methods';
import { expandMethod } from './expand-method';
import { assembleGraph } from './assemble';
import type { Graph } from './graph';
import type { FeatureNode } from './node';

let warnedUntyped = false;

export function buildGraph(items: readonly unknown[], config: Readonly<Record<string, unknown>>): Graph {
  const issues: Issue[] = [];
  const untyped: string[] = [];
  const nodes: FeatureNode[] = [];
  for (const item of items) {
    const source = toSource(item, issues);
    if (!source) continue;
    for (const method of collectMethods(source)) {
      for (const node of expandMethod(method, { config, issues, untyped })) nodes.push(node);
    }
  }
  if (untyped.length > 0 && !warnedUntyped) {
    warnedUntyped = true;
    console.warn(
      `quiver: no type metadata was emitted for ${untyped.slice(0, 3).join(', ')}${untyped.length > 3 ? ` and ${untyped.length - 3} more` : ''}, ` +
        'so types are not checked. Enable "experimentalDecorators" and "emitDecoratorMetadata" in tsconfig.json and ' +
        "import 'reflect-metadata' once; esbuild-based runners (tsx) drop decorator metadata — run with tsc, ts-node, ts-jest or @swc/jest. " +
        'quiver goes on with parameter names alone.',
    );
  }
  return assembleGraph(nodes, config, issues);
}
