/**
 * Bind stage: what runs (`@does`), how parameters are bound (`@parameterize`, `@inject`,
 * `@subdag`), and one node per output. Parameters not bound read the node of their own name.
 */
import { source, type DependencySpec } from '../../records/dependency-spec';
import { bindParameters, directCaller, directDependencies, fillDoc, type CallerCache } from '../bind-parameters';
import { implementationOf } from '../implementation';
import { makeNode, type NodeFn } from '../node';
import { hasOwn, own, setOwn } from '../../util/own';
import { problem, type Expansion, type Output } from './expansion';

const NO_TAGS = Object.freeze({});
const NOTHING_BOUND: Readonly<Record<string, DependencySpec>> = Object.freeze({});

/**
 * Makes one node per output (`x.finals`), with the bindings of `@parameterize` / `@inject` / `@subdag`.
 *
 * @example
 * bindStage(x); // x.finals: one node per key of the parameterize spec
 */
export function bindStage(x: Expansion): boolean {
  const { origin, params } = x;
  const does = x.of.does?.[0];
  if (does) {
    const found = implementationOf(does.fn, does.mapping, params, origin, x.method.fn);
    if ('problem' in found) return problem(x, 'does', found.problem), false;
    x.impl = found.fn;
  }
  const parameterization = x.of.parameterize?.[0];
  const injected = x.of.inject?.[0].bindings;
  const sub = x.of.subdag?.[0];
  const copy = injected !== undefined || sub !== undefined;
  const outputs: Output[] = x.outputs;
  if (parameterization) {
    // Indexed loops here and below: these run once a method, often before V8 optimizes them, where
    // a for…of makes an iterator result an element.
    const names = specNames(parameterization.spec);
    for (let n = 0; n < names.length; n++) {
      const name = names[n];
      const bound = parameterization.spec[name];
      const doc = own(parameterization.docs, name) ?? x.doc;
      outputs.push({ name, bound: copy ? { ...bound } : (bound as Record<string, DependencySpec>), doc });
    }
  } else outputs.push({ name: x.name, bound: copy ? {} : { ...NOTHING_BOUND }, doc: x.doc });
  if (injected !== undefined || parameterization) checkBindings(x, outputs, parameterization !== undefined, injected);
  if (sub) {
    const namespace = sub.namespace ?? x.name;
    x.inner = x.ctx.expandSpace(sub.space, namespace, origin, x.definedBy);
    const innerNames = new Set(x.inner.map((n) => n.name));
    for (const { bound } of outputs) {
      for (const p of params) {
        const inner = `${namespace}.${p.name}`;
        if (!hasOwn(bound, p.name) && innerNames.has(inner)) setOwn(bound, p.name, source(inner));
      }
    }
  }
  if (x.failed) return false;
  const { instance } = x.method.source;
  const cache: CallerCache = {};
  for (let o = 0; o < outputs.length; o++) {
    const out = outputs[o];
    // Every parameter a node (the common case): no binding record a node, one caller for the method.
    let dependencies = directDependencies(params, x.types.params, out.bound);
    let fn: NodeFn;
    let paramDeps: readonly number[];
    if (dependencies !== undefined) {
      if (cache.direct === undefined || cache.identity === undefined) directCaller(x.impl, instance, params, cache);
      fn = cache.direct!;
      paramDeps = cache.identity!;
    } else {
      ({ dependencies, fn, paramDeps } = bindParameters(x.impl, instance, params, x.types.params, out.bound, cache));
    }
    const doc = out.doc === '' ? '' : fillDoc(out.doc, out.bound);
    x.finals.push(makeNode({
      name: out.name, type: x.types.returns, dependencies, fn, tags: NO_TAGS, doc,
      origin, definedBy: x.definedBy, role: 'feature', code: x.code,
    }));
    x.paramDeps.push(paramDeps);
  }
  return true;
}

/**
 * The node names of a `@parameterize` spec, in order. The decorator stores the spec frozen, so its
 * keys are listed once and kept for every later build (a spec of hundreds of names is a slow-mode
 * object, whose `Object.keys` sorts them again each time).
 */
function specNames(spec: object): readonly string[] {
  let names = SPEC_NAMES.get(spec);
  if (names === undefined) {
    names = Object.keys(spec);
    if (Object.isFrozen(spec)) SPEC_NAMES.set(spec, Object.freeze(names));
  }
  return names;
}

const SPEC_NAMES = new WeakMap<object, readonly string[]>();

/** `@inject` bindings join every output's; a parameter bound twice, or one the method lacks, is a problem. */
function checkBindings(
  x: Expansion,
  outputs: readonly Output[],
  parameterized: boolean,
  injected: Readonly<Record<string, DependencySpec>> | undefined,
): void {
  const { origin, params } = x;
  const known = new Set(params.map((p) => p.name));
  for (let o = 0; o < outputs.length; o++) {
    const { name, bound } = outputs[o];
    if (injected) {
      for (const param of Object.keys(injected)) {
        if (hasOwn(bound, param)) {
          problem(x, 'inject-conflict',
            `${origin} binds "${param}" in both @inject and @parameterize (for "${name}"); bind it in one place.`);
        }
        setOwn(bound, param, injected[param]);
      }
    }
    let unknown: string[] | undefined;
    // for…in with an own-key test sees what Object.keys would, without a list of keys per output
    for (const p in bound) if (hasOwn(bound, p) && !known.has(p)) (unknown ??= []).push(p);
    if (unknown) {
      const byInject = unknown.every((u) => injected !== undefined && u in injected);
      const decorator = parameterized && !byInject ? 'parameterize' : 'inject';
      const theirs = params.map((p) => p.name).join(', ') || 'none';
      problem(x, 'parameterize-unknown-parameter',
        `@${decorator} on ${origin} binds ${unknown.map((p) => `"${p}"`).join(', ')} for "${name}", ` +
          `but ${origin} has no such parameter (its parameters: ${theirs}).`);
    }
  }
}
