/**
 * OpenLineage 2 `RunEvent`s for one quiver run: the job, the run, the input datasets and the
 * output datasets with the `schema` and `columnLineage` facets. Shapes follow the OpenLineage
 * spec 2-0-2 (`spec/OpenLineage.json`) and its facets (`SchemaDatasetFacet` 1-1-1,
 * `ColumnLineageDatasetFacet` 1-2-0, `ErrorMessageRunFacet` 1-0-1).
 */
import type { Graph } from '../../src/graph/graph';
import { rawColumnsOf } from '../../src/governance/column-lineage';
import { packageVersion } from '../report/versions';
import { dtypeOfConstructor } from '../../src/util/dtypes';

export const RUN_EVENT_SCHEMA = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const FACETS = 'https://openlineage.io/spec/facets';
const SCHEMA_FACET = `${FACETS}/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet`;
const COLUMN_LINEAGE_FACET = `${FACETS}/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet`;
const ERROR_FACET = `${FACETS}/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet`;

/** A dataset as OpenLineage names it: `{ namespace, name }` (a local file: namespace `file`, name its absolute path). */
export interface DatasetRef {
  readonly namespace: string;
  readonly name: string;
}

export interface LineageRun {
  readonly eventType: 'START' | 'COMPLETE' | 'FAIL';
  readonly runId: string;
  readonly job: DatasetRef;
  readonly graph: Graph;
  readonly outputs: readonly string[];
  readonly inputs: readonly DatasetRef[];
  readonly results: readonly DatasetRef[];
  /** Input name → the dataset field it is read from, or null when it is no field. */
  readonly fields: Readonly<Record<string, string | null>>;
  readonly error?: unknown;
}

/** The producer URI every event and facet carries. */
export function producer(): string {
  return `https://www.npmjs.com/package/quiver/v/${packageVersion(__dirname, 'quiver')}`;
}

const SCALAR_TYPES: Record<string, string> = { Number: 'float64', Boolean: 'bool', String: 'utf8', Date: 'timestamp' };

function typeOf(graph: Graph, name: string): string {
  const t = graph.node(name)?.type;
  return typeof t === 'function' ? dtypeOfConstructor(t) ?? SCALAR_TYPES[t.name] ?? t.name : 'unknown';
}

function schemaFacet(graph: Graph, names: readonly string[]): object {
  return {
    _producer: producer(),
    _schemaURL: SCHEMA_FACET,
    fields: names.map((name) => {
      const doc = graph.node(name)?.doc;
      return { name, type: typeOf(graph, name), ...(doc ? { description: doc } : {}) };
    }),
  };
}

/**
 * The START, COMPLETE or FAIL event of a run.
 *
 * @example
 * const event = runEvent({ eventType: 'START', runId, job, graph, outputs, inputs, results });
 */
export function runEvent(run: LineageRun): Record<string, unknown> {
  const { graph, outputs } = run;
  const lineage = rawColumnsOf(graph, outputs);
  const fieldOf = (input: string) => (Object.hasOwn(run.fields, input) ? run.fields[input] : input);
  for (const [output, inputs] of lineage) {
    lineage.set(output, [...new Set(inputs.map(fieldOf).filter((f): f is string => f !== null))]);
  }
  const rawColumns = [...new Set([...lineage.values()].flat())];
  const source = run.inputs[0];
  const fields: Record<string, { inputFields: object[] }> = {};
  for (const name of outputs) {
    fields[name] = {
      inputFields: (lineage.get(name) ?? []).map((field) => ({
        namespace: source.namespace,
        name: source.name,
        field,
        transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION', description: `computed by quiver from "${field}"` }],
      })),
    };
  }
  const outputFacets = {
    schema: schemaFacet(graph, outputs),
    columnLineage: { _producer: producer(), _schemaURL: COLUMN_LINEAGE_FACET, fields },
  };
  const error = run.error;
  const runFacets = run.eventType === 'FAIL' && error !== undefined
    ? {
        errorMessage: {
          _producer: producer(),
          _schemaURL: ERROR_FACET,
          message: error instanceof Error ? error.message : String(error),
          programmingLanguage: 'TypeScript',
          ...(error instanceof Error && error.stack ? { stackTrace: error.stack } : {}),
        },
      }
    : undefined;
  return {
    eventType: run.eventType,
    eventTime: new Date().toISOString(),
    producer: producer(),
    schemaURL: RUN_EVENT_SCHEMA,
    run: { runId: run.runId, ...(runFacets ? { facets: runFacets } : {}) },
    job: { namespace: run.job.namespace, name: run.job.name },
    inputs: run.inputs.map((d) => ({ namespace: d.namespace, name: d.name, facets: { schema: schemaFacet(graph, rawColumns) } })),
    outputs: run.results.map((d) => ({ namespace: d.namespace, name: d.name, facets: outputFacets })),
  };
}
