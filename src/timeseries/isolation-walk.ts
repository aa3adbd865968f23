/**
 * How the entity-isolation check computes a driver's features on its layouts (the sample together,
 * each side alone): one walk over the graph's plan that calls every node once per layout before
 * the next node. Data-quality checks are left out (a checked feature passes on its raw value), and
 * there are no hooks, timings or result building: three driver runs' work without their per-run
 * and per-node bookkeeping, and no copy of the graph.
 */
import type { Driver } from '../driver';
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
    if (i === undefined) take(j, layouts.map((layout) => givenIn(outputs[j], layout)));
    else if (isSupplied[i] === 1) take(j, values.map((v) => v[i]));
    else if (wanted[i] < 0) wanted[i] = j;
    else {
      again ??= new Map();
      again.set(i, [...(again.get(i) ?? []), j]);
    }
  });
  const returns = returnChecksOf(graph);
  const order = plan.run;
  const count = layouts.length;
  const each = new Array<unknown>(count);
  const release = (u: number) => {
    if (--refs[u] !== 0 || isSupplied[u] === 1) return;
    for (let k = 0; k < count; k++) values[k][u] = undefined;
  };
  for (let p = 0; p < order.length; p++) {
    const i = order[p];
    const node = nodes[i];
    const from = raw[i];
    const d = deps[i];
    const last = plan.alone[i] === 1 ? count : 1;
    for (let k = 0; k < last; k++) {
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
        if (value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function') {
          value = await value;
        }
      } catch (error) {
        throw nodeFailure(node, error);
      }
      const returned = returns[i];
      if (returned !== undefined && !returned(value)) throw returnTypeError(node, value);
      v[i] = value;
    }
    if (plan.alone[i] === 2) for (let k = 1; k < count; k++) values[k][i] = cut(values[0][i], k);
    const j = wanted[i];
    if (j >= 0) {
      for (let k = 0; k < count; k++) each[k] = values[k][i];
      take(j, each);
      const more = again?.get(i);
      if (more !== undefined) for (const m of more) take(m, each);
    }
    if (refs[i] === 0) for (let k = 0; k < count; k++) values[k][i] = undefined;
    if (from >= 0) release(from);
    else for (let a = 0; a < d.length; a++) release(d[a]);
  }
}
