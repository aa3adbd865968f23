/**
 * A run told, not run: the events a fully cached run of `outputs` would give its adapters
 * (beforeRun, each node it would read from the cache, afterRun), each marked `fromCache`. For a
 * result read whole from the cache (a training frame), so that observing adapters (lineage, a
 * report) record the same run a node-by-node warm build gives them. No node runs: a node event
 * has no `value` and `durationMs` 0.
 */
import type { Graph } from '../graph/graph';
import { warmPlan } from '../cache/warm-plan';
import type { LifecycleAdapter, RunStart } from './hooks';
import { PlanCache, prepareExecution } from './request';
import { afterNode, afterRunAll, afterRunError, beforeNode, nextRunId } from './run-events';

/** What a replay needs of a driver (a built `Driver` is one). */
export interface Replayable {
  readonly graph: Graph;
  readonly config: Readonly<Record<string, unknown>>;
}

/**
 * Replays a fully cached run of `outputs` on `inputs` to `hooks`; rejects as `run` would on bad
 * outputs or inputs, and as a run that succeeded when an `afterRun` hook throws.
 *
 * @example
 * await replayRun(driver, ['temp_max_mean_7'], history.inputs, [openLineage({ namespace, emit })]);
 * // the lineage file: a START and a COMPLETE event, as after dr.run(…) with every node cached
 */
export async function replayRun(
  driver: Replayable, outputs: readonly string[], inputs: object, hooks: readonly LifecycleAdapter[],
): Promise<void> {
  const { graph, config } = driver;
  const prepared = prepareExecution(graph, config, outputs, { inputs }, new PlanCache(), 'run');
  const wanted: number[] = [];
  for (const i of prepared.outputIndex) if (i >= 0) wanted.push(i);
  const order = warmPlan(graph, prepared.plan, wanted).run;
  const nodes = Array.from(order, (i) => graph.nodes[i].name);
  const start: RunStart = { runId: nextRunId(), outputs, nodes, config, graph, fromCache: true };
  const began = performance.now();
  for (const h of hooks) await h.beforeRun?.(start);
  for (let p = 0; p < order.length; p++) {
    const { name, tags, role } = graph.nodes[order[p]];
    beforeNode(hooks, start.runId, name, tags, role, p, order.length, true);
    afterNode(hooks, start.runId, name, tags, role, p, order.length, 0, true, undefined, undefined, true);
  }
  const failures = await afterRunAll(hooks, { ...start, success: true, durationMs: performance.now() - began });
  if (failures.length > 0) throw afterRunError(failures);
}
