/**
 * Create and expand stages for one method: how each parameter gets its value. A plain method
 * reads each parameter from the node of the same name; `@parameterize` binds some parameters to
 * literals (`value`), other nodes (`source`) or lists/records of those (`group`).
 */
import type { ParsedParameter } from './params';
import type { DependencySpec, LeafSpec } from '../records/dependency-spec';
import type { Dependency, NodeFn } from './node';
import { own, setOwn } from '../util/own';

/** How one argument of the call is made from the dependencies' values. */
type Slot =
  | { readonly kind: 'dep'; readonly index: number }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'list'; readonly items: readonly Slot[] }
  | { readonly kind: 'record'; readonly items: readonly (readonly [string, Slot])[] };

export interface Binding {
  readonly dependencies: Dependency[];
  readonly fn: NodeFn;
  /** For each parameter, the index of the dependency it reads directly, or -1 (a value or group). */
  readonly paramDeps: readonly number[];
}

/**
 * Functions shared by the nodes of one method and instance: every node whose arguments are its
 * dependencies in order (no literals, no groups) calls the method the same way, so one function serves them all.
 */
export interface CallerCache {
  direct?: NodeFn;
  /** `paramDeps` of such a node: parameter i reads dependency i. */
  identity?: readonly number[];
}

/** Calls `method` on `instance` with each parameter read from `bound[param]` or from its own name. */
export function bindParameters(
  method: Function,
  instance: object,
  params: readonly ParsedParameter[],
  paramTypes: readonly unknown[] | undefined,
  bound: Readonly<Record<string, DependencySpec>> = {},
  cache?: CallerCache,
): Binding {
  if (cache) {
    const direct = directBinding(method, instance, params, paramTypes, bound, cache);
    if (direct) return direct;
  }
  const dependencies: Dependency[] = [];
  const paramDeps: number[] = new Array(params.length);
  // Fast path (plain methods and value/source bindings): each argument is a dependency (index ≥ 0)
  // or a literal (index -1 - position in `literals`).
  const sources = new Array<number>(params.length);
  const literals: unknown[] = [];
  let slots: Slot[] | undefined;
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    const spec = own(bound, p.name);
    if (spec === undefined || spec.kind === 'source') {
      dependencies.push(spec === undefined ? { name: p.name, type: paramTypes?.[i], optional: p.optional } : { name: spec.name, type: paramTypes?.[i], optional: false });
      sources[i] = paramDeps[i] = dependencies.length - 1;
    } else if (spec.kind === 'value') {
      literals.push(spec.value);
      sources[i] = -literals.length;
      paramDeps[i] = -1;
    } else {
      paramDeps[i] = -1;
      slots ??= sources.slice(0, i).map((at) => (at >= 0 ? { kind: 'dep', index: at } : { kind: 'value', value: literals[-at - 1] }));
      const leaf = (item: LeafSpec): Slot => {
        if (item.kind === 'value') return { kind: 'value', value: item.value };
        dependencies.push({ name: item.name, type: undefined, optional: false });
        return { kind: 'dep', index: dependencies.length - 1 };
      };
      slots[i] = spec.kind === 'group'
        ? { kind: 'list', items: spec.items.map(leaf) }
        : { kind: 'record', items: Object.entries(spec.items).map(([k, item]) => [k, leaf(item)] as const) };
      continue;
    }
    if (slots) slots[i] = sources[i] >= 0 ? { kind: 'dep', index: sources[i] } : { kind: 'value', value: literals[-sources[i] - 1] };
  }
  return { dependencies, fn: callerOf(method, instance, sources, literals, slots, cache), paramDeps };
}

/**
 * The common case without the general path's bookkeeping: every parameter reads a node (its own
 * name or a `source`), so the arguments are the dependencies in order and one function and one
 * `paramDeps` serve every node of the method. Undefined when a parameter is bound to a value or group.
 */
function directBinding(
  method: Function,
  instance: object,
  params: readonly ParsedParameter[],
  paramTypes: readonly unknown[] | undefined,
  bound: Readonly<Record<string, DependencySpec>>,
  cache: CallerCache,
): Binding | undefined {
  const dependencies = directDependencies(params, paramTypes, bound);
  if (dependencies === undefined) return undefined;
  const { fn, paramDeps } = directCaller(method, instance, params, cache);
  return { dependencies, fn, paramDeps };
}

/**
 * A node's dependencies when every parameter reads a node (its own name or a `source`), in
 * parameter order; undefined when one is bound to a value or a group (then `bindParameters`).
 *
 * @example
 * directDependencies(params, [Float64Array], { p: source('spend') });
 * // [{ name: 'spend', type: Float64Array, optional: false }]
 */
export function directDependencies(
  params: readonly ParsedParameter[],
  paramTypes: readonly unknown[] | undefined,
  bound: Readonly<Record<string, DependencySpec>>,
): Dependency[] | undefined {
  const dependencies: Dependency[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    const spec = own(bound, p.name);
    if (spec === undefined) dependencies[i] = { name: p.name, type: paramTypes?.[i], optional: p.optional };
    else if (spec.kind === 'source') dependencies[i] = { name: spec.name, type: paramTypes?.[i], optional: false };
    else return undefined;
  }
  return dependencies;
}

/**
 * The function and `paramDeps` every directly bound node of one method and instance shares
 * (made on first use, kept in `cache`).
 *
 * @example
 * const { fn } = directCaller(method, instance, params, cache);
 * fn([a, b]); // method.call(instance, a, b)
 */
export function directCaller(
  method: Function, instance: object, params: readonly ParsedParameter[], cache: CallerCache,
): { readonly fn: NodeFn; readonly paramDeps: readonly number[] } {
  const fn = (cache.direct ??= (args) => method.apply(instance, args));
  const paramDeps = (cache.identity ??= Object.freeze(params.map((_, i) => i)));
  return { fn, paramDeps };
}

function callerOf(
  method: Function, instance: object, sources: number[], literals: unknown[], slots: Slot[] | undefined, cache: CallerCache | undefined,
): NodeFn {
  if (slots) {
    const all = slots;
    return (args) => method.apply(instance, all.map((slot) => fill(slot, args)));
  }
  if (literals.length === 0 && isIdentity(sources)) {
    if (cache) return (cache.direct ??= (args) => method.apply(instance, args));
    return (args) => method.apply(instance, args);
  }
  const n = sources.length;
  return (args) => {
    const call = new Array(n);
    for (let i = 0; i < n; i++) {
      const at = sources[i];
      call[i] = at >= 0 ? args[at] : literals[-at - 1];
    }
    return method.apply(instance, call);
  };
}

function isIdentity(sources: readonly number[]): boolean {
  for (let i = 0; i < sources.length; i++) if (sources[i] !== i) return false;
  return true;
}

function fill(slot: Slot, args: unknown[]): unknown {
  switch (slot.kind) {
    case 'dep':
      return args[slot.index];
    case 'value':
      return slot.value;
    case 'list':
      return slot.items.map((item) => fill(item, args));
    case 'record': {
      const record: Record<string, unknown> = {};
      for (const [k, item] of slot.items) setOwn(record, k, fill(item, args));
      return record;
    }
  }
}

/** `{param}` in a parameterized node's doc becomes what the parameter is bound to. */
export function fillDoc(doc: string, bound: Readonly<Record<string, DependencySpec>>): string {
  return doc.replace(/\{(\w+)\}/g, (whole, param: string) => {
    const spec = own(bound, param);
    if (!spec) return whole;
    if (spec.kind === 'value') return String(spec.value);
    if (spec.kind === 'source') return spec.name;
    const items = spec.kind === 'group' ? spec.items : Object.values(spec.items);
    return items.map((i) => (i.kind === 'value' ? String(i.value) : i.name)).join(', ');
  });
}
