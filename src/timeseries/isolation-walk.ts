/**
 * How the entity-isolation check computes a driver's features on its layouts (the sample together,
 * each side alone): one walk over the graph's plan that calls every node once per layout before
 * the next node. Data-quality checks are left out (a checked feature passes on its raw value), and
 * there are no hooks, timings or result building: three driver runs' work without their per-run
 * and per-node bookkeeping, and no copy of the graph.
 */
import type { Driver } from '../driver';
import { setFloat64Allocator } from '../columns/allocate';
import { slabAllocator } from '../columns/slab-allocator';
import { nodeFailure } from '../execution/executor';
import { PlanCache, prepareExecution } from '../execution/request';
import { returnChecksOf, returnTypeError } from '../execution/return-checks';
import type { Graph } from '../graph/graph';
import { isInternal } from '../graph/node';
import { hasOwn, own } from '../util/own';

/** What one walk computes, and where each output's values go. */
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
  const { outputs, overridden, layouts, cut, take } = request;
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
  const { isSupplied } = plan;
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
    if (i === undefined) take(j, layouts.map((layout) => givenIn(outputs[j], layout)));
    else if (isSupplied[i] === 1) take(j, values.map((v) => v[i]));
    else if (wanted[i] < 0) wanted[i] = j;
    else {
      again ??= new Map();
      again.set(i, [...(again.get(i) ?? []), j]);
    }
  });
  const walk = new Walk(graph, plan, values, wanted, again, request);
  const order = plan.run;
  for (let p = 0; p < order.length; p++) {
    const pending = walk.step(order[p]);
    if (pending !== undefined) await pending;
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';

/**
 * The walk's state and its step: one node on every layout. A class at module level, so the code
 * that runs once per node stays compiled from one check to the next (a closure made per check
 * would be optimized again in every frame).
 */
class Walk {
  private readonly nodes: Graph['nodes'];
  private readonly deps: Graph['deps'];
  private readonly returns: ReturnType<typeof returnChecksOf>;
  private readonly count: number;
  private readonly each: unknown[];
  // the sample's columns are short and die with the walk: the kernels carve them from shared slabs
  private readonly slabs = slabAllocator();

  constructor(
    graph: Graph,
    private readonly plan: WalkPlan,
    private readonly values: unknown[][],
    private readonly wanted: Int32Array,
    private readonly again: ReadonlyMap<number, readonly number[]> | undefined,
    private readonly request: LayoutRequest,
  ) {
    this.nodes = graph.nodes;
    this.deps = graph.deps;
    this.returns = returnChecksOf(graph);
    this.count = values.length;
    this.each = new Array<unknown>(this.count);
  }

  /** Computes node `i` on its layouts; a promise only when one of its calls returned one. */
  step(i: number): Promise<void> | undefined {
    const from = this.plan.raw[i];
    const last = this.plan.alone[i] === 1 ? this.count : 1;
    for (let k = 0; k < last; k++) {
      const v = this.values[k];
      if (from >= 0) {
        v[i] = v[from];
        continue;
      }
      const value = this.call(i, v);
      if (isThenable(value)) return this.settle(i, k, value, last);
      this.keep(i, v, value);
    }
    this.finish(i);
    return undefined;
  }

  /** The rest of `step` once a call of node `i` (on layout `k`) returned a promise. */
  private async settle(i: number, k: number, pending: PromiseLike<unknown>, last: number): Promise<void> {
    for (;;) {
      let value: unknown;
      try {
        value = await pending;
      } catch (error) {
        throw nodeFailure(this.nodes[i], error);
      }
      this.keep(i, this.values[k], value);
      if (++k >= last) break;
      const next = this.call(i, this.values[k]);
      if (isThenable(next)) pending = next;
      else pending = Promise.resolve(next);
    }
    this.finish(i);
  }

  /** Node `i` called on the values `v` of one layout, the kernels' buffers from the slabs. */
  private call(i: number, v: unknown[]): unknown {
    const node = this.nodes[i];
    const d = this.deps[i];
    const args = new Array(d.length);
    for (let a = 0; a < d.length; a++) args[a] = v[d[a]];
    // swapped around the call itself (never across an await), so no other work's columns come from the slabs
    const previous = setFloat64Allocator(this.slabs);
    try {
      return node.fn(args);
    } catch (error) {
      throw nodeFailure(node, error);
    } finally {
      setFloat64Allocator(previous);
    }
  }

  private keep(i: number, v: unknown[], value: unknown): void {
    const returned = this.returns[i];
    if (returned !== undefined && !returned(value)) throw returnTypeError(this.nodes[i], value);
    v[i] = value;
  }

  /**
   * After node `i` ran on every layout: cut an overridden value, hand an output over, and let go
   * of what nothing reads any more.
   */
  private finish(i: number): void {
    const { values, count, each, plan } = this;
    if (plan.alone[i] === 2) for (let k = 1; k < count; k++) values[k][i] = this.request.cut(values[0][i], k);
    const j = this.wanted[i];
    if (j >= 0) {
      for (let k = 0; k < count; k++) each[k] = values[k][i];
      this.request.take(j, each);
      const more = this.again?.get(i);
      if (more !== undefined) for (const m of more) this.request.take(m, each);
    }
    if (plan.refs[i] === 0) for (let k = 0; k < count; k++) values[k][i] = undefined;
    const from = plan.raw[i];
    if (from >= 0) this.release(from);
    else {
      const d = this.deps[i];
      for (let a = 0; a < d.length; a++) this.release(d[a]);
    }
  }

  private release(u: number): void {
    if (--this.plan.refs[u] !== 0 || this.plan.isSupplied[u] === 1) return;
    for (let k = 0; k < this.count; k++) this.values[k][u] = undefined;
  }
}
