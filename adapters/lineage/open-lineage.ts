/**
 * `openLineage({ namespace, emit })`: a lifecycle adapter that reports every run as OpenLineage 2
 * events — START before the first node, then COMPLETE or FAIL — to an NDJSON file or a function
 * (to POST them to Marquez, DataHub or any OpenLineage endpoint).
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { QuiverError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import type { LifecycleAdapter, RunStart } from '../../src/execution/hooks';
import type { Graph } from '../../src/graph/graph';
import { runEvent, type DatasetRef } from './run-event';

export type { DatasetRef } from './run-event';

export interface OpenLineageOptions {
  /** The job's namespace (your team or scheduler, e.g. `'forecasting'`); datasets given by name use it too. */
  readonly namespace: string;
  /** An NDJSON file to append each event to (one line each), or a function that receives each event. */
  readonly emit: string | ((event: Record<string, unknown>) => void | Promise<void>);
  /** The job's name; default: the first feature class's name. */
  readonly job?: string;
  /** What the run reads: file paths (namespace `file`) or datasets; default one dataset `<job>.inputs`. */
  readonly inputs?: readonly (string | DatasetRef)[];
  /** Files (or datasets) the run's result is written to; the result itself is always `<job>.result`. */
  readonly outputs?: readonly (string | DatasetRef)[];
  /**
   * Inputs that are not fields of the input dataset under their own name: input → the field it comes
   * from, or `null` to leave it out (e.g. `{ groups: 'location' }` for a training frame's entity groups).
   */
  readonly fields?: Readonly<Record<string, string | null>>;
}

const KNOWN = ['namespace', 'emit', 'job', 'inputs', 'outputs', 'fields'];

/**
 * An adapter emitting OpenLineage `RunEvent`s with the input and output datasets, their `schema`
 * facets and the `columnLineage` facet (each output column → the raw input columns it derives from).
 *
 * @example
 * const dr = new Builder().withFeatures(SpendFeatures)
 *   .withAdapters(openLineage({ namespace: 'marketing', emit: 'out/lineage.ndjson', inputs: ['data/spend.csv'] }))
 *   .build();
 * await dr.execute(['avg3wkSpend'], { inputs });   // out/lineage.ndjson: a START and a COMPLETE event
 */
export function openLineage(options: OpenLineageOptions): LifecycleAdapter {
  if (options === null || typeof options !== 'object') {
    throw new QuiverError("openLineage takes { namespace, emit }, e.g. openLineage({ namespace: 'forecasting', emit: 'out/lineage.ndjson' }).");
  }
  assertKnownKeys(options, KNOWN, 'openLineage');
  if (typeof options.namespace !== 'string' || options.namespace === '') {
    throw new QuiverError("openLineage needs a namespace: a non-empty string such as 'forecasting'.");
  }
  const { emit } = options;
  if (typeof emit !== 'function' && (typeof emit !== 'string' || emit === '')) {
    throw new QuiverError('openLineage needs emit: an NDJSON file path, or a function that receives each event.');
  }
  const send = typeof emit === 'function' ? emit : (event: Record<string, unknown>) => appendEvent(emit, event);
  const dataset = (d: string | DatasetRef): DatasetRef =>
    typeof d === 'string' ? { namespace: 'file', name: path.resolve(d) } : { namespace: d.namespace, name: d.name };
  const runs = new Map<number, string>();

  const describe = (run: RunStart) => {
    const job = { namespace: options.namespace, name: options.job ?? defaultJobName(run.graph) };
    return {
      runId: runs.get(run.runId)!,
      job,
      graph: run.graph,
      outputs: run.outputs.filter((o) => run.graph.index.has(o)),
      inputs: options.inputs?.map(dataset) ?? [{ namespace: options.namespace, name: `${job.name}.inputs` }],
      results: [{ namespace: options.namespace, name: `${job.name}.result` }, ...(options.outputs ?? []).map(dataset)],
      fields: options.fields ?? {},
    };
  };
  return {
    observesOnly: true, // a training frame read whole from the cache replays START and COMPLETE to it
    async beforeRun(run) {
      runs.set(run.runId, randomUUID());
      await send(runEvent({ eventType: 'START', ...describe(run) }));
    },
    async afterRun(run) {
      const event = runEvent({ eventType: run.success ? 'COMPLETE' : 'FAIL', ...describe(run), error: run.error });
      runs.delete(run.runId);
      await send(event);
    },
  };
}

/** The first feature class's name, from the first node a method of a named class defines. */
function defaultJobName(graph: Graph): string {
  for (const node of graph.nodes) {
    const className = node.definedBy?.className;
    if (node.role === 'feature' && className !== undefined && /^[A-Za-z_$][\w$]*$/.test(className)) return className;
  }
  return 'quiver';
}

/**
 * Appends one event as one line, in one `write` on a file opened for appending, so concurrent runs
 * appending to the same file never interleave inside a line.
 */
function appendEvent(file: string, event: Record<string, unknown>): void {
  const line = Buffer.from(`${JSON.stringify(event)}\n`);
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const fd = fs.openSync(file, 'a');
    try {
      const written = fs.writeSync(fd, line);
      if (written !== line.length) throw new Error(`only ${written} of ${line.length} bytes were written`);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QuiverError(`openLineage could not append to ${file}: ${reason}. Check that the folder is writable, or pass another emit path.`, { cause: error });
  }
}
