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

const gates = new WeakMap<Graph, Int32Array>();

/**
 * `raw[i]`: for a checked feature's gate node `i` (named like the feature), the index of its
 * `:raw` node, whose value the walk passes on without running the checks; -1 elsewhere. Made once per graph.
 */
function rawOfGates(graph: Graph): Int32Array {
  let raw = gates.get(graph);
  if (raw !== undefined) return raw;
  raw = new Int32Array(graph.nodes.length).fill(-1);
  graph.nodes.forEach((node, i) => {
    const gate = node.role === 'raw' && node.owner !== undefined ? graph.index.get(node.owner) : undefined;
    if (gate !== undefined && graph.deps[gate][0] === i) raw![gate] = i;
  });
  gates.set(graph, raw);
  return raw;
}

/** The walk's plan: what each layout computes, in graph order, and the inputs and config it reads. */
interface WalkPlan {
  /** Computed nodes of layout 0, in topological order. */
  readonly run: Int32Array;
  /** Per node: 1 computed on every layout, 2 computed on layout 0 and cut for the others, 0 layout 0 only. */
  readonly alone: Uint8Array;
  /** Input and config nodes read, and whether one must have a value (a dependency without a default). */
  readonly supplied: readonly number[];
  readonly required: Uint8Array;
}

function walkPlan(
  graph: Graph, raw: Int32Array, outputs: readonly number[], overridden: ReadonlySet<number>,
): WalkPlan {
  const { nodes, deps } = graph;
  const needed = new Uint8Array(nodes.length);
  const required = new Uint8Array(nodes.length);
  const stack = [...outputs, ...overridden];
  for (const i of stack) required[i] = 1;
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (needed[i] !== 0) continue;
    needed[i] = 1;
    const role = nodes[i].role;
    if (role === 'input' || role === 'config') continue;
    if (raw[i] >= 0) {
      stack.push(raw[i]);
      continue;
    }
    const d = deps[i];
    for (let k = 0; k < d.length; k++) {
      if (!nodes[i].dependencies[k].optional) required[d[k]] = 1;
      stack.push(d[k]);
    }
  }
  const alone = new Uint8Array(nodes.length);
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
  for (const i of graph.order) {
    if (needed[i] === 0) continue;
    const role = nodes[i].role;
    (role === 'input' || role === 'config' ? supplied : run).push(i);
  }
  return { run: Int32Array.from(run), alone, supplied, required };
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
  // a name that is no node and no input or config: execute's own error for it
  if (requested.some((name) => nodeOf(name) === undefined && givenIn(name, layouts[0]) === undefined)) full();
  const raw = rawOfGates(graph);
  const at = outputs.map(nodeOf);
  const indices = (found: readonly (number | undefined)[]) => found.filter((i): i is number => i !== undefined);
  const plan = walkPlan(graph, raw, indices(at), new Set(indices(overridden.map(nodeOf))));
  const { nodes, deps } = graph;
  const values: unknown[][] = [];
  for (const layout of layouts) {
    const present = plan.supplied.filter((i) =>
      givenIn(nodes[i].name, nodes[i].role === 'config' ? {} : layout) !== undefined);
    // a required input this layout lacks: execute's "Missing input" error
    if (plan.supplied.some((i) => plan.required[i] === 1 && !present.includes(i))) full();
    const names = present.map((i) => nodes[i].name);
    values.push(prepareExecution(graph, config, names, { inputs: layout }, plans, where).values);
  }
  const wanted = new Map<number, number[]>();
  at.forEach((i, j) => {
    if (i === undefined) take(j, layouts.map((layout) => givenIn(outputs[j], layout)));
    else if (nodes[i].role === 'input' || nodes[i].role === 'config') take(j, values.map((v) => v[i]));
    else wanted.set(i, [...(wanted.get(i) ?? []), j]);
  });
  const used = (i: number): readonly number[] | Int32Array => (raw[i] >= 0 ? [raw[i]] : deps[i]);
  const refs = new Int32Array(nodes.length);
  for (const i of plan.run) for (const d of used(i)) refs[d]++;
  const returns = returnChecksOf(graph);
  const order = plan.run;
  const each = new Array<unknown>(layouts.length);
  for (let p = 0; p < order.length; p++) {
    const i = order[p];
    const node = nodes[i];
    const from = raw[i];
    const d = deps[i];
    const last = plan.alone[i] === 1 ? layouts.length : 1;
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
    if (plan.alone[i] === 2) for (let k = 1; k < layouts.length; k++) values[k][i] = cut(values[0][i], k);
    const positions = wanted.get(i);
    if (positions !== undefined) {
      for (let k = 0; k < layouts.length; k++) each[k] = values[k][i];
      for (const j of positions) take(j, each);
    }
    if (refs[i] === 0) for (let k = 0; k < layouts.length; k++) values[k][i] = undefined;
    for (const u of used(i)) {
      if (--refs[u] !== 0 || plan.supplied.includes(u)) continue;
      for (let k = 0; k < layouts.length; k++) values[k][u] = undefined;
    }
  }
}
