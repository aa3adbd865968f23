/**
 * Turns one method and its decorator records into nodes, applying the records in a fixed order
 * of stages whatever order the decorators were written in (src/records/kinds.ts says which stage
 * applies each kind): resolve (`@config.*`) → create (the method's node: parameters, types, doc)
 * → bind (`@does`, `@parameterize`, `@inject`, `@subdag`) → chain (`@pipeInput` / `@pipeOutput`)
 * → extract (`@extractColumns` / `@extractFields`) → decorate (`@tag`) → transform (checks
 * become nodes). `@cache` is read by the executor's cache, not here.
 */
import { readRecords } from '../metadata';
import type { Stage } from '../records/kinds';
import type { FoundMethod } from './collect-methods';
import { makeNode, type CodeIdentity, type FeatureNode, type NodeOrigin } from './node';
import { bindStage } from './stages/bind';
import { chainStage } from './stages/chain';
import { createStage } from './stages/create';
import { decorateStage, transformStage } from './stages/decorate';
import { groupRecords, type ExpandContext, type Expansion } from './stages/expansion';
import { extractStage } from './stages/extract';
import { resolveStage } from './stages/resolve';

export type { ExpandContext } from './stages/expansion';

/**
 * The build stages in the order they run. A stage returns false to stop with no nodes (config switched the method
 * off, or a problem it recorded); decorate and transform record their problems and go on.
 */
export const BUILD_STAGES: readonly (readonly [Exclude<Stage, 'run'>, (x: Expansion) => boolean])[] = [
  ['resolve', resolveStage],
  ['create', createStage],
  ['bind', bindStage],
  ['chain', chainStage],
  ['extract', extractStage],
  ['decorate', decorateStage],
  ['transform', transformStage],
];

export function expandMethod(method: FoundMethod, ctx: ExpandContext): FeatureNode[] {
  const records = readRecords(method.holder, method.name);
  const className = method.source.className;
  const definedBy: NodeOrigin = Object.freeze({ className, method: method.name });
  const code: CodeIdentity = { fn: method.fn, records, instance: method.source.instance };
  const x: Expansion = {
    method, ctx, records, of: groupRecords(records), origin: `${className}.${method.name}`, definedBy, code,
    failed: false, name: method.name, params: [], types: {}, doc: '', impl: method.fn,
    outputs: [], inner: [], finals: [], paramDeps: [], chained: [], extracted: [], produced: [],
  };
  for (const [, stage] of BUILD_STAGES) if (!stage(x)) return [];
  const nodes = x.inner.length === 0 ? x.produced : [...x.inner, ...x.produced];
  // Step, check and bound-value nodes are made without the method's code identity; they share it.
  for (let i = 0; i < nodes.length; i++) if (nodes[i].code === undefined) nodes[i] = makeNode({ ...nodes[i], code });
  return nodes;
}
