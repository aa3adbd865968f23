/**
 * A lifecycle adapter that keeps each node's time, so a run that fails can still be reported
 * (`run()` only hands back timings when it succeeds).
 */
import type { LifecycleAdapter } from '../../src/execution/hooks';
import type { Graph } from '../../src/graph/graph';
import { timingKey } from '../../src/execution/timings';

export interface TimingRecorder extends LifecycleAdapter {
  /** Milliseconds per node of the latest run, named as `run().timings` names them. */
  readonly timings: Record<string, number>;
}

/**
 * Record node times of the latest run. A checked feature's own work (`x:raw`) counts under `x`,
 * as in `run().timings`.
 *
 * @example
 * const timer = timingRecorder();
 * const dr = new Builder().withFeatures(Spend).withAdapters(timer).build();
 * await dr.execute(['avg3wkSpend'], { inputs }).catch(() => console.log(timer.timings));
 */
export function timingRecorder(): TimingRecorder {
  const timings: Record<string, number> = {};
  let graph: Graph | undefined;
  return {
    observesOnly: true,
    timings,
    beforeRun(run) {
      graph = run.graph;
      for (const key of Object.keys(timings)) delete timings[key];
    },
    afterNode({ name, role, durationMs }) {
      const key = graph ? timingKey(graph, name, role) : name;
      timings[key] = (timings[key] ?? 0) + durationMs;
    },
  };
}
