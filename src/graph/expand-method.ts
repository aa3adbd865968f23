/**
 * Turns one method and its decorator records into nodes, applying the records in a fixed order
 * of stages whatever order the decorators were written in:
 * resolve (`@config.*`) → create (the method's node: parameters, types, doc) → expand
 * (`@does`, `@parameterize`, `@inject`, `@subdag`, then `@pipeInput` / `@pipeOutput`, then
 * `@extractColumns` / `@extractFields`) → decorate (`@tag`) → transform (checks become nodes).
 */
import type { Issue } from '../errors';
import { readDesignTypes, readDocComment, readRecords } from '../metadata';
import { bindParameters, fillDoc } from './bind-parameters';
import type { FoundMethod } from './collect-methods';
import { configAllows, nodeNameOf, whyDisabled } from './config-match';
import { decorate } from './decorate';
import { source, type DependencySpec } from './dependency-spec';
import { columnExtractor, fieldExtractor } from './extract';
import { implementationOf } from './implementation';
import { makeNode, type FeatureNode } from './node';
import { parseParameters, ParameterParseError, type ParsedParameter } from './params';
import { pipeInputNodes, pipeOutputNodes } from './pipe-nodes';
import { primitiveName } from './types';
import type { DecoratorRecord, NamespaceSpec, RecordKind, TagMap } from './records';
import { hasOwn, own, setOwn } from './own';

type Of<K extends RecordKind> = Extract<DecoratorRecord, { kind: K }>;

const NO_TAGS: TagMap = Object.freeze({});
const ONLY_ONE: readonly RecordKind[] = ['parameterize', 'inject', 'does', 'subdag', 'pipeInput', 'pipeOutput'];

export interface ExpandContext {
  readonly config: Readonly<Record<string, unknown>>;
  readonly issues: Issue[];
  /** Methods that have quiver decorators but no emitted types (metadata is off). */
  readonly untyped: string[];
  /** The nodes of a feature set under a namespace (for `@subdag`). */
  readonly expandSpace: (space: NamespaceSpec, namespace: string, origin: string) => FeatureNode[];
  /** Where to record nodes that `@config.*` switched off (name → why), for "disabled by config" messages. */
  readonly disabled?: Map<string, string>;
}

export function expandMethod(method: FoundMethod, ctx: ExpandContext): FeatureNode[] {
  const records = readRecords(method.holder, method.name);
  const one = <K extends RecordKind>(kind: K) => records.find((r): r is Of<K> => r.kind === kind);
  const origin = `${method.source.className}.${method.name}`;
  let failed = false;
  const problem = (code: string, message: string, nodes: string[] = [origin]) => {
    failed = true;
    ctx.issues.push({ code, message, nodes });
  };

  // resolve
  const conditions = records.filter((r): r is Of<'config'> => r.kind === 'config');
  if (!configAllows(conditions, ctx.config)) {
    ctx.disabled?.set(nodeNameOf(method.name, true), `${origin} ${whyDisabled(conditions, ctx.config)}`);
    return [];
  }
  const name = nodeNameOf(method.name, conditions.length > 0);
  for (const kind of ONLY_ONE) {
    const count = records.filter((r) => r.kind === kind).length;
    if (count > 1) problem(`${kind}-twice`, `${origin} has ${count} @${kind} decorators; merge them into one.`);
  }

  // create
  let params: ParsedParameter[];
  try {
    params = parseParameters(method.fn);
  } catch (error) {
    if (!(error instanceof ParameterParseError)) throw error;
    problem('bad-parameters', `Cannot read the parameters of ${origin}: ${error.message}.`);
    return [];
  }
  const rest = params.find((p) => p.rest);
  if (rest) problem('rest-parameter', `${origin} has a rest parameter "...${rest.name}"; each dependency must be one named parameter. Use a parameter per input, or @parameterize with group(…).`);
  const types = readDesignTypes(method.holder, method.name);
  if (records.length > 0 && types.params === undefined) ctx.untyped.push(origin);
  const doc = one('feature')?.doc ?? readDocComment(method.holder, method.name) ?? '';
  if (failed) return [];

  // expand: what runs (@does), and how parameters are bound (@parameterize, @inject, @subdag)
  let impl: Function = method.fn;
  const does = one('does');
  if (does) {
    const found = implementationOf(does.fn, does.mapping, params, origin, method.fn);
    if ('problem' in found) return problem('does', found.problem), [];
    impl = found.fn;
  }
  const parameterization = one('parameterize');
  const injected = one('inject')?.bindings;
  const sub = one('subdag');
  const copy = injected !== undefined || sub !== undefined;
  const outputs: [string, Record<string, DependencySpec>, string][] = [];
  if (parameterization) {
    for (const out of Object.keys(parameterization.spec)) {
      const bound = parameterization.spec[out];
      outputs.push([out, copy ? { ...bound } : (bound as Record<string, DependencySpec>), own(parameterization.docs, out) ?? doc]);
    }
  } else outputs.push([name, {}, doc]);
  const known = new Set(params.map((p) => p.name));
  for (const [out, bound] of outputs) {
    for (const param of Object.keys(injected ?? {})) {
      if (hasOwn(bound, param)) problem('inject-conflict', `${origin} binds "${param}" in both @inject and @parameterize (for "${out}"); bind it in one place.`);
      setOwn(bound, param, injected![param]);
    }
    let unknown: string[] | undefined;
    for (const p of Object.keys(bound)) if (!known.has(p)) (unknown ??= []).push(p);
    if (unknown) {
      problem('parameterize-unknown-parameter',
        `@${bindingDecorator(parameterization, unknown, injected ?? {})} on ${origin} binds ${unknown.map((p) => `"${p}"`).join(', ')} for "${out}", but ${origin} has no such parameter (its parameters: ${params.map((p) => p.name).join(', ') || 'none'}).`);
    }
  }
  const inner: FeatureNode[] = [];
  if (sub) {
    const namespace = sub.namespace ?? name;
    inner.push(...ctx.expandSpace(sub.space, namespace, origin));
    const innerNames = new Set(inner.map((n) => n.name));
    for (const [, bound] of outputs) {
      for (const p of params) if (!hasOwn(bound, p.name) && innerNames.has(`${namespace}.${p.name}`)) setOwn(bound, p.name, source(`${namespace}.${p.name}`));
    }
  }
  if (failed) return [];
  const finals: FeatureNode[] = [];
  const chained: FeatureNode[] = [];
  const chainCtx = { config: ctx.config, instance: method.source.instance, origin, problem };
  const pipeIn = one('pipeInput');
  const pipeOut = one('pipeOutput');
  for (const [out, bound, text] of outputs) {
    const { dependencies, fn, paramDeps } = bindParameters(impl, method.source.instance, params, types.params, bound);
    let node = makeNode({ type: types.returns, tags: NO_TAGS, doc: text === '' ? '' : fillDoc(text, bound), origin, role: 'feature', name: out, dependencies, fn });
    if (pipeIn) {
      const at = pipeIn.on === undefined ? 0 : params.findIndex((p) => p.name === pipeIn.on);
      if (at < 0 || at >= params.length || paramDeps[at] < 0) {
        problem('pipe-input', `@pipeInput on ${origin} pipes ${at < 0 || at >= params.length ? `parameter "${pipeIn.on ?? '(first)'}", which ${origin} does not have` : `"${params[at].name}", which is bound to a value or group`}; pipe a parameter that reads a node.`);
        return [];
      }
      const nodes = pipeInputNodes(node, paramDeps[at], pipeIn.steps, chainCtx) ?? [];
      node = nodes.pop()!;
      chained.push(...nodes);
    }
    if (pipeOut) {
      const nodes = pipeOutputNodes(node, pipeOut.steps, chainCtx) ?? [];
      node = nodes.pop()!;
      chained.push(...nodes);
    }
    if (failed) return [];
    finals.push(node);
  }

  // expand: @extractColumns / @extractFields
  const columns = one('extractColumns');
  const fields = one('extractFields');
  if (columns && fields) return problem('extract-twice', `${origin} has both @extractColumns and @extractFields; use one.`), [];
  const primitive = columns || fields ? primitiveName(types.returns) : undefined;
  if (primitive !== undefined) {
    const decorator = columns ? '@extractColumns' : '@extractFields';
    const wants = columns ? 'a table (an Arrow Table or a record of columns)' : 'a record';
    return problem('extract-primitive', `${decorator} on ${origin} cannot apply: ${origin} is declared to return ${primitive}, which is never ${wants}. Declare the type it really returns, or remove ${decorator}.`), [];
  }
  const extracted: FeatureNode[] = [];
  for (const table of columns || fields ? finals : []) {
    const from = [{ name: table.name, type: undefined, optional: false }];
    for (const c of columns?.names ?? []) {
      extracted.push(makeNode({ type: undefined, tags: NO_TAGS, doc, origin, role: 'feature', name: c, dependencies: from, fn: columnExtractor(c, origin, { has: columns!.hasFill, value: columns!.fillWith }) }));
    }
    for (const [f, type] of Object.entries(fields?.fields ?? {})) {
      extracted.push(makeNode({ type, tags: NO_TAGS, doc, origin, role: 'feature', name: f, dependencies: from, fn: fieldExtractor(f, type, origin) }));
    }
  }
  const produced = chained.length + extracted.length + inner.length === 0 ? finals : [...inner, ...chained, ...finals, ...extracted];
  const simple = records.every((r) => r.kind !== 'tag' && r.kind !== 'checkOutput' && r.kind !== 'checkOutputCustom');
  if (failed) return [];
  if (simple) return produced;
  return [...inner, ...decorate(records, produced.slice(inner.length), finals, origin, problem)];
}

function bindingDecorator(parameterization: unknown, unknown: string[], injected: Readonly<Record<string, unknown>>): string {
  return parameterization && !unknown.every((u) => u in injected) ? 'parameterize' : 'inject';
}
