/**
 * How the entity-isolation check computes a driver's features on its layouts (the sample together,
 * each side alone): one walk over the graph's plan that calls every node once per layout before
 * the next node. Data-quality checks are left out (a checked feature passes on its raw value), and
 * there are no hooks, timings or result building: three driver runs' work without their per-run
 * and per-node bookkeeping, and no copy of the graph.
 */
import { Float64Slabs, useFloat64Slabs } from '../columns/allocate';
import type { Driver } from '../driver';
import { nodeFailure } from '../execution/executor';
import { PlanCache, prepareExecution } from '../execution/request';
import { returnChecksOf, returnTypeError } from '../execution/return-checks';
import type { Graph } from '../graph/graph';
import { isInternal } from '../graph/node';
import { hasOwn, own } from '../util/own';

/** What one walk computes, and where each output's values go; `cut` and `take` are called as its methods. */
export interface LayoutRequest {
  /** The features to compare, computed on every layout. */
  readonly outputs: readonly string[];
  /** Nodes computed on layout 0 only; every other layout gets `cut(value, layout)` instead. */
  readonly overridden: readonly string[];
  /** Each layout's inputs (columns of its own rows, its own `groups`). */
  readonly layouts: readonly Readonly<Record<string, unknown>>[];
  /** An overridden node's value of layout 0 as layout `k` (k ≥ 1) gets it. */
  readonly cut: (value: unknown, layout: number) => unknown;
  /**
   * Called once per output (its position in `outputs`) with its value on each layout (an array the
   * walk reuses), as soon as they are computed.
   */
  readonly take: (output: number, values: readonly unknown[]) => void;
  /**
   * Where kernels cut their outputs from while the walk runs (default: new slabs for this walk). A
   * caller that keeps none of the values can `recycleSlabs` them afterwards.
   */
  readonly slabs?: Float64Slabs;
}

/** The walk's plan: what each layout computes, in graph order, and the inputs and config it reads. */
interface WalkPlan {
  /** Computed nodes of layout 0, in topological order. */
  readonly run: Int32Array;
  /** Per node: 1 computed on every layout, 2 computed on layout 0 and cut for the others, 0 layout 0 only. */
  readonly alone: Uint8Array;
  /** Per needed node: the `:raw` node a checked feature's gate passes on, else -1. */
  readonly raw: Int32Array;
  /** Per node: how many computed nodes read its value (a gate reads only its `:raw` node). */
  readonly refs: Int32Array;
  /**
   * Input and config nodes read (also flagged in `isSupplied`), and whether one must have a value
   * (a dependency without a default).
   */
  readonly supplied: readonly number[];
  readonly isSupplied: Uint8Array;
  readonly required: Uint8Array;
}

/** Per node: 1 computed on every layout, 2 overridden (layout 0, cut for the others), 0 layout 0 only. */
function aloneOf(graph: Graph, outputs: readonly number[], overridden: ReadonlySet<number>, raw: Int32Array) {
  const alone = new Uint8Array(graph.nodes.length);
  const stack = [...outputs];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (alone[i] !== 0) continue;
    if (overridden.has(i)) {
      alone[i] = 2;
      continue;
    }
    alone[i] = 1;
    if (raw[i] >= 0) stack.push(raw[i]);
    else for (const d of graph.deps[i]) stack.push(d);
  }
  return alone;
}

/**
 * One pass from the requested nodes down (only the nodes they need are visited), one over the
 * graph's order: the walk's setup costs about as much as a few of its node calls.
 */
function walkPlan(graph: Graph, outputs: readonly number[], overridden: ReadonlySet<number>): WalkPlan {
  const { nodes, deps } = graph;
  const n = nodes.length;
  const needed = new Uint8Array(n);
  const required = new Uint8Array(n);
  const raw = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const need = (u: number) => {
    if (needed[u] !== 0) return;
    needed[u] = 1;
    stack.push(u);
  };
  for (const i of outputs) (required[i] = 1), need(i);
  for (const i of overridden) (required[i] = 1), need(i);
  while (stack.length > 0) {
    const i = stack.pop()!;
    const node = nodes[i];
    if (node.role === 'input' || node.role === 'config') continue;
    const d = deps[i];
    // a checked feature's gate (named like the feature, its first dependency the feature's `:raw`
    // node): the walk passes the raw value on without running the checks
    if (d.length > 0) {
      const first = nodes[d[0]];
      if (first.role === 'raw' && first.owner === node.name) {
        raw[i] = d[0];
        need(d[0]);
        continue;
      }
    }
    const specs = node.dependencies;
    for (let k = 0; k < d.length; k++) {
      if (!specs[k].optional) required[d[k]] = 1;
      need(d[k]);
    }
  }
  // without overridden nodes, every needed node is computed on every layout
  const alone = overridden.size === 0 ? needed : aloneOf(graph, outputs, overridden, raw);
  const run: number[] = [];
  const supplied: number[] = [];
  const isSupplied = new Uint8Array(n);
  const refs = new Int32Array(n);
  for (const i of graph.order) {
    if (needed[i] === 0) continue;
    const role = nodes[i].role;
    if (role === 'input' || role === 'config') {
      supplied.push(i);
      isSupplied[i] = 1;
      continue;
    }
    run.push(i);
    if (raw[i] >= 0) refs[raw[i]]++;
    else for (const d of deps[i]) refs[d]++;
  }
  return { run: Int32Array.from(run), alone, raw, refs, supplied, isSupplied, required };
}

/**
 * Computes `outputs` on every layout of `request` with `driver`'s graph and config and hands each
 * output's values to `request.take` as soon as they are computed; a value is let go after its
 * last consumer, so only the walk's frontier is held. Inputs are checked and widened as `execute`
 * does (unknown outputs and missing inputs are the same `InputError`); a node that throws, or
 * returns another type than declared, rejects with the executor's error for it.
 *
 * @example
 * await walkLayouts(dr, { outputs: ['ma7'], overridden: [], layouts, cut, take: (j, [together, a, b]) => {} });
 */
export async function walkLayouts(driver: Driver<unknown>, request: LayoutRequest): Promise<void> {
  const { graph, config } = driver;
  const { outputs, overridden, layouts } = request;
  const plans = new PlanCache();
  const at = nodesNamed(graph, outputs);
  const over = nodesNamed(graph, overridden);
  // a name that is no node and no input or config: execute's own error for it
  if (unknownName(at, outputs, layouts[0], config) || unknownName(over, overridden, layouts[0], config)) {
    fullRequest(driver, request, plans);
  }
  const plan = walkPlan(graph, found(at), new Set(found(over)));
  const { nodes, deps } = graph;
  const { raw, refs, isSupplied, supplied, required } = plan;
  const values: unknown[][] = [];
  for (const layout of layouts) {
    const names: string[] = [];
    for (const i of supplied) {
      const node = nodes[i];
      if (givenIn(node.name, node.role === 'config' ? NO_INPUTS : layout, config) !== undefined) names.push(node.name);
      // a required input this layout lacks: execute's "Missing input" error
      else if (required[i] === 1) fullRequest(driver, request, plans);
    }
    values.push(prepareExecution(graph, config, names, { inputs: layout }, plans, WHERE).values);
  }
  // wanted[i]: the first position of node i in `outputs` (-1: none); a name asked for twice is in `again`
  const wanted = new Int32Array(nodes.length).fill(-1);
  let again: Map<number, number[]> | undefined;
  for (let j = 0; j < at.length; j++) {
    const i = at[j];
    if (i < 0) request.take(j, layouts.map((layout) => givenIn(outputs[j], layout, config)));
    else if (isSupplied[i] === 1) request.take(j, values.map((v) => v[i]));
    else if (wanted[i] < 0) wanted[i] = j;
    else {
      again ??= new Map();
      again.set(i, [...(again.get(i) ?? []), j]);
    }
  }
  const walk: Walk = {
    nodes, deps, raw, refs, isSupplied, alone: plan.alone, order: plan.run, values, count: layouts.length,
    each: new Array<unknown>(layouts.length), wanted, again, returns: returnChecksOf(graph), request,
    // Kernel outputs of the walk are cut from slabs, ~10x cheaper than a Float64Array each on these
    // short layouts; installed only while a node runs synchronously (an await gives the process back
    // with the allocator it had); a slab's memory is cut again only after recycleSlabs detached it.
    slabs: request.slabs ?? new Float64Slabs(),
    at: 0, layout: 0, pending: undefined,
  };
  while (walkUntilPromise(walk)) {
    const node = nodes[walk.order[walk.at]];
    let value: unknown;
    try {
      value = await walk.pending;
    } catch (error) {
      throw nodeFailure(node, error);
    } finally {
      walk.pending = undefined;
    }
    store(walk, walk.order[walk.at], walk.layout, value);
    walk.layout++;
  }
}

const WHERE = 'checkEntityIsolation';
type Inputs = Readonly<Record<string, unknown>>;
const NO_INPUTS: Inputs = Object.freeze({});

/** Each name's node (-1: none, or an internal node, which no caller can name). */
function nodesNamed(graph: Graph, names: readonly string[]): Int32Array {
  const out = new Int32Array(names.length);
  for (let j = 0; j < names.length; j++) {
    const i = graph.index.get(names[j]);
    out[j] = i !== undefined && !isInternal(graph.nodes[i]) ? i : -1;
  }
  return out;
}

/** The nodes found (`nodesNamed` ≥ 0). */
function found(at: Int32Array): number[] {
  const out: number[] = [];
  for (let j = 0; j < at.length; j++) if (at[j] >= 0) out.push(at[j]);
  return out;
}

/** A layout's input of that name, else the config's value, else undefined. */
function givenIn(name: string, layout: Inputs, config: Inputs): unknown {
  return hasOwn(layout, name) ? layout[name] : own(config, name);
}

/** Whether a name that is no node is no input or config either. */
function unknownName(at: Int32Array, names: readonly string[], layout: Inputs, config: Inputs): boolean {
  for (let j = 0; j < at.length; j++) if (at[j] < 0 && givenIn(names[j], layout, config) === undefined) return true;
  return false;
}

/** The request as `execute` would prepare it on layout 0: throws its `InputError` (unknown output, missing input). */
function fullRequest(driver: Driver<unknown>, request: LayoutRequest, plans: PlanCache): void {
  const requested = [...request.outputs, ...request.overridden];
  prepareExecution(driver.graph, driver.config, requested, { inputs: request.layouts[0] }, plans, WHERE);
}

/** The walk's state: the plan, the layouts' values, the request, the slabs, and where the walk stands. */
interface Walk {
  readonly nodes: Graph['nodes'];
  readonly deps: Graph['deps'];
  readonly raw: Int32Array;
  readonly refs: Int32Array;
  readonly isSupplied: Uint8Array;
  readonly alone: Uint8Array;
  readonly order: Int32Array;
  readonly values: unknown[][];
  readonly count: number;
  readonly each: unknown[];
  readonly wanted: Int32Array;
  readonly again: Map<number, number[]> | undefined;
  readonly returns: ReturnType<typeof returnChecksOf>;
  /** Called as methods (`request.take(…)`): a class's method is one call target from check to check. */
  readonly request: LayoutRequest;
  readonly slabs: Float64Slabs;
  /** The plan position and layout the walk resumes at, and the promise a node returned there. */
  at: number;
  layout: number;
  pending: unknown;
}

/** Node `i`'s value on layout `k`, once its declared return type is checked. */
function store(w: Walk, i: number, k: number, value: unknown): void {
  const returned = w.returns[i];
  if (returned !== undefined && !returned(value)) throw returnTypeError(w.nodes[i], value);
  w.values[k][i] = value;
}

/**
 * The walk's loop: every node of the plan on each layout, in order, from where the walk stands
 * (`w.at`, `w.layout`). Returns true when a node's value is a promise (kept in `w.pending`, the
 * walk standing at that node and layout), false when every node has run. Synchronous and kept
 * apart from the setup, with no closure made per check: V8 can compile its loop while the first
 * check of a process runs (on-stack replacement; an async loop is never compiled while it runs)
 * and keeps the code from check to check (per-check closures inlined into it made it deoptimize in
 * the next check: "wrong call target").
 */
function walkUntilPromise(w: Walk): boolean {
  // The walk's slabs are installed for this synchronous stretch only: no other code runs in it, and
  // what comes after a node's await (and anything else the process does meanwhile) allocates plainly.
  const before = useFloat64Slabs(w.slabs);
  try {
    return walkNodes(w);
  } finally {
    useFloat64Slabs(before);
  }
}

/** `walkUntilPromise`'s loop, with the slabs installed. */
function walkNodes(w: Walk): boolean {
  const { nodes, deps, raw, alone, order, values, count } = w;
  for (let p = w.at; p < order.length; p++) {
    const i = order[p];
    const node = nodes[i];
    const from = raw[i];
    const d = deps[i];
    const last = alone[i] === 1 ? count : 1;
    for (let k = p === w.at ? w.layout : 0; k < last; k++) {
      const v = values[k];
      if (from >= 0) {
        v[i] = v[from];
        continue;
      }
      const args = new Array(d.length);
      for (let a = 0; a < d.length; a++) args[a] = v[d[a]];
      let value: unknown;
      try {
        value = node.fn(args);
      } catch (error) {
        throw nodeFailure(node, error);
      }
      if (value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function') {
        w.at = p;
        w.layout = k;
        w.pending = value;
        return true;
      }
      store(w, i, k, value);
    }
    finish(w, i);
  }
  w.at = order.length;
  return false;
}

/** After node `i` ran on every layout: its cut values, its hand-over, and the values let go. */
function finish(w: Walk, i: number): void {
  const { values, count, request } = w;
  if (w.alone[i] === 2) for (let l = 1; l < count; l++) values[l][i] = request.cut(values[0][i], l);
  const j = w.wanted[i];
  if (j >= 0) {
    const each = w.each;
    for (let l = 0; l < count; l++) each[l] = values[l][i];
    request.take(j, each);
    const more = w.again?.get(i);
    if (more !== undefined) for (const m of more) request.take(m, each);
  }
  if (w.refs[i] === 0) for (let l = 0; l < count; l++) values[l][i] = undefined;
  const from = w.raw[i];
  if (from >= 0) release(w, from);
  else {
    const d = w.deps[i];
    for (let a = 0; a < d.length; a++) release(w, d[a]);
  }
}

/** One read of node `u`'s value done: after its last, the value is let go (inputs stay). */
function release(w: Walk, u: number): void {
  if (--w.refs[u] !== 0 || w.isSupplied[u] === 1) return;
  for (let k = 0; k < w.count; k++) w.values[k][u] = undefined;
}
