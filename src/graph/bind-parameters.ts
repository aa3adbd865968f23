/**
 * Create and expand stages for one method: how each parameter gets its value. A plain method
 * reads each parameter from the node of the same name; `@parameterize` binds some parameters to
 * literals (`value`), other nodes (`source`) or lists/records of those (`group`).
 */
import type { ParsedParameter } from './params';
import type { DependencySpec, LeafSpec } from './dependency-spec';
import type { Dependency, NodeFn } from './node';

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

/** Calls `method` on `instance` with each parameter read from `bound[param]` or from its own name. */
export function bindParameters(
  method: Function,
  instance: object,
  params: readonly ParsedParameter[],
  paramTypes: readonly unknown[] | undefined,
  bound: Readonly<Record<string, DependencySpec>> = {},
): Binding {
  const dependencies: Dependency[] = [];
  const leaf = (spec: LeafSpec, type: unknown): Slot => {
    if (spec.kind === 'value') return { kind: 'value', value: spec.value };
    dependencies.push({ name: spec.name, type, optional: false });
    return { kind: 'dep', index: dependencies.length - 1 };
  };
  const slots: Slot[] = params.map((p, i) => {
    const spec = bound[p.name];
    const type = paramTypes?.[i];
    if (spec === undefined) {
      dependencies.push({ name: p.name, type, optional: p.optional });
      return { kind: 'dep', index: dependencies.length - 1 };
    }
    if (spec.kind === 'group') return { kind: 'list', items: spec.items.map((item) => leaf(item, undefined)) };
    if (spec.kind === 'groupRecord') {
      return { kind: 'record', items: Object.entries(spec.items).map(([k, item]) => [k, leaf(item, undefined)] as const) };
    }
    return leaf(spec, type);
  });
  const direct = slots.every((s, i) => s.kind === 'dep' && s.index === i);
  const fn: NodeFn = direct
    ? (args) => method.apply(instance, args)
    : (args) => method.apply(instance, slots.map((slot) => fill(slot, args)));
  return { dependencies, fn, paramDeps: slots.map((s) => (s.kind === 'dep' ? s.index : -1)) };
}

function fill(slot: Slot, args: unknown[]): unknown {
  switch (slot.kind) {
    case 'dep':
      return args[slot.index];
    case 'value':
      return slot.value;
    case 'list':
      return slot.items.map((item) => fill(item, args));
    case 'record':
      return Object.fromEntries(slot.items.map(([k, item]) => [k, fill(item, args)]));
  }
}

/** `{param}` in a parameterized node's doc becomes what the parameter is bound to. */
export function fillDoc(doc: string, bound: Readonly<Record<string, DependencySpec>>): string {
  return doc.replace(/\{(\w+)\}/g, (whole, param: string) => {
    const spec = bound[param];
    if (!spec) return whole;
    if (spec.kind === 'value') return String(spec.value);
    if (spec.kind === 'source') return spec.name;
    const items = spec.kind === 'group' ? spec.items : Object.values(spec.items);
    return items.map((i) => (i.kind === 'value' ? String(i.value) : i.name)).join(', ');
  });
}
