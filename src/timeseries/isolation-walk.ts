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
}

/**
 * For a checked feature's gate node `i` (named like the feature, its first dependency the
 * feature's `:raw` node), that `:raw` node, whose value the walk passes on without running the
 * checks; -1 for any other node.
 */
function rawOfGate(graph: Graph, i: number): number {
  const d = graph.deps[i];
  if (d.length === 0) return -1;
  const first = graph.nodes[d[0]];
  return first.role === 'raw' && first.owner === graph.nodes[i].name ? d[0] : -1;
}

/** The walk's plan: what each layout computes, in graph order, and the inputs and config it reads. */
interface WalkPlan {
  /** Computed nodes of layout 0, in topological order. */
  readonly run: Int32Array;
  /** Per node: 1 computed on every layout, 2 computed on layout 0 and cut for the others, 0 layout 0 only. */
  readonly alone: Uint8Array;
  /** Per needed node: the `:raw` node a gate passes on (see `rawOfGate`), else -1. */
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
  const stack = [...outputs, ...overridden];
  for (const i of stack) required[i] = 1;
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (needed[i] !== 0) continue;
    needed[i] = 1;
    const node = nodes[i];
    if (node.role === 'input' || node.role === 'config') continue;
    const from = rawOfGate(graph, i);
    if (from >= 0) {
      raw[i] = from;
      stack.push(from);
      continue;
    }
    const d = deps[i];
    for (let k = 0; k < d.length; k++) {
      if (!node.dependencies[k].optional) required[d[k]] = 1;
      stack.push(d[k]);
    }
  }
  const alone = new Uint8Array(n);
  stack.push(...outputs);
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (alone[i] !== 0) continue;
    if (overridden.has(i)) {
      alone[i] = 2;
      continue;
    }
    alone[i] = 1;
    if (raw[i] >= 0) stack.push(raw[i]);
    else for (const d of deps[i]) stack.push(d);
  }
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
  const where = 'checkEntityIsolation';
  const requested = [...outputs, ...overridden];
  const full = () => prepareExecution(graph, config, requested, { inputs: layouts[0] }, plans, where);
  const nodeOf = (name: string) => {
    const i = graph.index.get(name);
    return i !== undefined && !isInternal(graph.nodes[i]) ? i : undefined;
  };
  const givenIn = (name: string, layout: Readonly<Record<string, unknown>>) =>
    hasOwn(layout, name) ? layout[name] : own(config, name);
  const at = outputs.map(nodeOf);
  const over = overridden.map(nodeOf);
  // a name that is no node and no input or config: execute's own error for it
  const unknown = (found: readonly (number | undefined)[], names: readonly string[]) =>
    found.some((i, j) => i === undefined && givenIn(names[j], layouts[0]) === undefined);
  if (unknown(at, outputs) || unknown(over, overridden)) full();
  const indices = (found: readonly (number | undefined)[]) => found.filter((i): i is number => i !== undefined);
  const plan = walkPlan(graph, indices(at), new Set(indices(over)));
  const { nodes, deps } = graph;
  const { raw, refs, isSupplied } = plan;
  const values: unknown[][] = [];
  for (const layout of layouts) {
    const present = plan.supplied.filter((i) =>
      givenIn(nodes[i].name, nodes[i].role === 'config' ? {} : layout) !== undefined);
    // a required input this layout lacks: execute's "Missing input" error
    if (plan.supplied.some((i) => plan.required[i] === 1 && !present.includes(i))) full();
    const names = present.map((i) => nodes[i].name);
    values.push(prepareExecution(graph, config, names, { inputs: layout }, plans, where).values);
  }
  // wanted[i]: the first position of node i in `outputs` (-1: none); a name asked for twice is in `again`
  const wanted = new Int32Array(nodes.length).fill(-1);
  let again: Map<number, number[]> | undefined;
  at.forEach((i, j) => {
    if (i === undefined) request.take(j, layouts.map((layout) => givenIn(outputs[j], layout)));
    else if (isSupplied[i] === 1) request.take(j, values.map((v) => v[i]));
    else if (wanted[i] < 0) wanted[i] = j;
    else {
      again ??= new Map();
      again.set(i, [...(again.get(i) ?? []), j]);
    }
  });
  const walk: Walk = {
    nodes, deps, raw, refs, isSupplied, alone: plan.alone, order: plan.run, values, count: layouts.length,
    each: new Array<unknown>(layouts.length), wanted, again, returns: returnChecksOf(graph), request,
    // Kernel outputs of the walk are cut from slabs, ~10x cheaper than a Float64Array each on these
    // short layouts; installed only while a node runs synchronously (an await gives the process back
    // with the allocator it had), and new slabs per walk, so no slab is ever handed out twice.
    slabs: new Float64Slabs(),
  };
  await walkNodes(walk);
}

/** The walk's state: the plan, the layouts' values, the request, the slabs. */
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
}

/** Node `i`'s value on layout `k`, once its declared return type is checked. */
function store(w: Walk, i: number, k: number, value: unknown): void {
  const returned = w.returns[i];
  if (returned !== undefined && !returned(value)) throw returnTypeError(w.nodes[i], value);
  w.values[k][i] = value;
}

/**
 * The walk's loop: every node of the plan on each layout, in order. Kept apart from the setup and
 * small, with no closure made per check: V8 compiles it once in a few milliseconds and keeps it
 * from check to check (as one function with the setup, and with the request's closures inlined,
 * it compiled for 45–100 ms on a helper thread in every other check, each new check's closures
 * deoptimizing it: "wrong call target"). An async function is not compiled while it runs (no
 * on-stack replacement), so a process's first and only check interprets it, cheaper than compiling.
 */
async function walkNodes(w: Walk): Promise<void> {
  const { nodes, deps, raw, refs, alone, order, values, count, each, wanted, again, request, slabs } = w;
  for (let p = 0; p < order.length; p++) {
    const i = order[p];
    const node = nodes[i];
    const from = raw[i];
    const d = deps[i];
    const last = alone[i] === 1 ? count : 1;
    for (let k = 0; k < last; k++) {
      const v = values[k];
      if (from >= 0) {
        v[i] = v[from];
        continue;
      }
      const args = new Array(d.length);
      for (let a = 0; a < d.length; a++) args[a] = v[d[a]];
      let value: unknown;
      const before = useFloat64Slabs(slabs);
      try {
        value = node.fn(args);
      } catch (error) {
        throw nodeFailure(node, error);
      } finally {
        useFloat64Slabs(before);
      }
      if (value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function') {
        try {
          value = await value;
        } catch (error) {
          throw nodeFailure(node, error);
        }
      }
      store(w, i, k, value);
    }
    if (alone[i] === 2) for (let l = 1; l < count; l++) values[l][i] = request.cut(values[0][i], l);
    const j = wanted[i];
    if (j >= 0) {
      for (let l = 0; l < count; l++) each[l] = values[l][i];
      request.take(j, each);
      const more = again?.get(i);
      if (more !== undefined) for (const m of more) request.take(m, each);
    }
    if (refs[i] === 0) for (let l = 0; l < count; l++) values[l][i] = undefined;
    if (from >= 0) release(w, from);
    else for (let a = 0; a < d.length; a++) release(w, d[a]);
  }
}

/** One read of node `u`'s value done: after its last, the value is let go (inputs stay). */
function release(w: Walk, u: number): void {
  if (--w.refs[u] !== 0 || w.isSupplied[u] === 1) return;
  for (let k = 0; k < w.count; k++) w.values[k][u] = undefined;
}
