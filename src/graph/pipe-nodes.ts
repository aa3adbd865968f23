/**
 * Expand stage for `@pipeInput` / `@pipeOutput`: a chain of step nodes. Each step reads the
 * previous node through its first parameter; its other parameters are bound like a method's.
 */
import { bindParameters } from './bind-parameters';
import { configAllows } from './config-match';
import { source, type DependencySpec } from '../records/dependency-spec';
import { pipeStepName } from './internal-names';
import { copyWith, makeNode, type FeatureNode } from './node';
import { parseParameters, ParameterParseError } from './params';
import type { Step } from '../records/step';

export interface ChainContext {
  readonly config: Readonly<Record<string, unknown>>;
  readonly instance: object;
  readonly origin: string;
  readonly definedBy?: FeatureNode['definedBy'];
  readonly problem: (code: string, message: string) => void;
}

/** Step nodes from `from` on; the last is named `lastName` when given. Undefined after a problem. */
function chain(steps: readonly Step[], from: string, prefix: string, ctx: ChainContext, lastName?: string): FeatureNode[] | undefined {
  const active = steps.filter((s) => configAllows(s.conditions, ctx.config));
  const nodes: FeatureNode[] = [];
  const used = new Set<string>();
  let previous = from;
  for (const [i, s] of active.entries()) {
    let params: ReturnType<typeof parseParameters>;
    try {
      params = parseParameters(s.fn);
    } catch (error) {
      if (!(error instanceof ParameterParseError)) throw error;
      ctx.problem('bad-step', `A step of ${ctx.origin} (${s.fn.name || 'anonymous'}): ${error.message}.`);
      return undefined;
    }
    if (params.length === 0 || params[0].rest) {
      ctx.problem('bad-step', `The step ${s.fn.name || 'anonymous'} of ${ctx.origin} needs a first parameter to receive the value flowing through the chain.`);
      return undefined;
    }
    const unknown = Object.keys(s.bindings).filter((b) => !params.some((p, k) => k > 0 && p.name === b));
    if (unknown.length > 0) {
      ctx.problem('bad-step', `The step ${s.fn.name || 'anonymous'} of ${ctx.origin} binds ${unknown.map((u) => `"${u}"`).join(', ')}, which is not one of its parameters after the first (${params.slice(1).map((p) => p.name).join(', ') || 'none'}).`);
      return undefined;
    }
    const step = s.name ?? (s.fn.name || `step${i}`);
    let name = pipeStepName(prefix, step);
    for (let n = 2; used.has(name); n++) name = pipeStepName(prefix, `${step}${n}`);
    used.add(name);
    if (lastName !== undefined && i === active.length - 1) name = lastName;
    const bound: Record<string, DependencySpec> = { ...s.bindings, [params[0].name]: source(previous) };
    const { dependencies, fn } = bindParameters(s.fn, ctx.instance, params, undefined, bound);
    nodes.push(makeNode({ name, type: undefined, dependencies, fn, tags: {}, doc: `${s.fn.name || 'step'} (a step of ${ctx.origin})`, origin: ctx.origin, definedBy: ctx.definedBy, role: 'feature' }));
    previous = name;
  }
  return nodes;
}

/** `@pipeInput`: the steps run on the dependency of parameter `param` before `node` reads it. */
export function pipeInputNodes(node: FeatureNode, dependencyIndex: number, steps: readonly Step[], ctx: ChainContext): FeatureNode[] | undefined {
  const dep = node.dependencies[dependencyIndex];
  const nodes = chain(steps, dep.name, node.name, ctx);
  if (!nodes || nodes.length === 0) return nodes && [node];
  const dependencies = node.dependencies.map((d, k) => (k === dependencyIndex ? { name: nodes[nodes.length - 1].name, type: d.type, optional: false } : d));
  return [...nodes, copyWith(node, { dependencies })];
}

/** `@pipeOutput`: `node` becomes `<name>.raw` and the steps run on it; the last step takes the name. */
export function pipeOutputNodes(node: FeatureNode, steps: readonly Step[], ctx: ChainContext): FeatureNode[] | undefined {
  const raw = copyWith(node, { name: pipeStepName(node.name, 'raw') });
  const nodes = chain(steps, raw.name, node.name, ctx, node.name);
  if (!nodes || nodes.length === 0) return nodes && [node];
  const last = nodes[nodes.length - 1];
  return [raw, ...nodes.slice(0, -1), copyWith(last, { type: node.type, doc: node.doc })];
}
