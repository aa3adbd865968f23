/**
 * `threads({ workers })`: independent nodes run on a pool of worker threads. Where a node runs is
 * decided when it is ready, from its arguments:
 * - on a worker when some argument is a column of at least `minRows` rows and every argument can
 *   cross threads (numbers, strings, booleans, bigints, typed arrays, plain records of those);
 * - on the main thread otherwise — scalars, tiny columns, Arrow vectors, and the data-quality
 *   check nodes (cheap, and their results must stay in the inline order);
 * - and when no input column of the run has `minRows` rows, the pool is not used at all: the run
 *   is inline()'s loop.
 * Columns live in shared memory (kernels allocate there while a threads run is on), so nothing is
 * copied between threads or into the result table.
 */
import * as os from 'os';
import { QuiverError } from '../../src/errors';
import { executePlan } from '../../src/execution/executor';
import type { Executor, ExecutorRun, GraphRecipe } from '../../src/execution/executor-api';
import { runByReadiness } from '../../src/execution/readiness';
import { setFloat64Allocator } from '../../src/columns/allocate';
import type { Graph } from '../../src/graph/graph';
import { assertKnownKeys } from '../../src/options/known-keys';
import { WorkerPool } from './pool';
import { describeRecipe, type SentRecipe } from './recipe';
import { crossRows, isTyped, sharedFloat64, toShared } from './shared';

export interface ThreadsOptions {
  /** How many worker threads; default one per core (`os.availableParallelism()`). */
  readonly workers?: number;
  /** The fewest rows a column argument needs for its node to be sent to a worker; default 32,768. */
  readonly minRows?: number;
  /** Each worker's heap limit in MB (V8's old generation); a worker that passes it fails its node. */
  readonly workerHeapMb?: number;
}

/** The `threads()` executor; `close()` stops its workers (they never keep the process alive anyway). */
export interface ThreadsExecutor extends Executor {
  readonly workers: number;
  readonly minRows: number;
  close(): Promise<void>;
}

export const DEFAULT_MIN_ROWS = 32768;
/** How many graphs each worker keeps built. */
const KEPT_GRAPHS = 16;

interface Known {
  readonly id: number;
  readonly sent: SentRecipe;
  /** Nodes whose values could not cross threads: computed on the main thread from then on. */
  readonly local: Set<number>;
}

function keyOf(sent: SentRecipe): string | undefined {
  try {
    return JSON.stringify([sent.items, sent.config, sent.names]);
  } catch {
    return undefined;
  }
}
let sharedRuns = 0;

function wholeNumber(value: unknown, key: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < min) {
    throw new QuiverError(`threads() takes { ${key} } as a whole number of at least ${min}, got ${String(value)}.`);
  }
  return value as number;
}

/**
 * An executor that runs independent nodes on worker threads.
 *
 * @example
 * const dr = new Builder().withFeatures(Features).withExecutor(threads({ workers: 2 })).build();
 * const table = await dr.execute(outputs, { inputs });   // the same table as inline(), faster
 */
export function threads(options: ThreadsOptions = {}): ThreadsExecutor {
  assertKnownKeys(options, ['workers', 'minRows', 'workerHeapMb'], 'threads()');
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const workers = wholeNumber(options.workers, 'workers', 1) ?? Math.max(1, cores);
  const minRows = wholeNumber(options.minRows, 'minRows', 0) ?? DEFAULT_MIN_ROWS;
  const heapMb = wholeNumber(options.workerHeapMb, 'workerHeapMb', 16);
  const recipes = new WeakMap<Graph, Known>();
  // Drivers built again from the same classes and config share what the workers built.
  const byKey = new Map<string, Known>();
  let graphs = 0;
  let pool: WorkerPool | undefined;

  // At build: only that workers could load every class (cheap: module lookups are remembered).
  const checked = new WeakSet<Graph>();
  const prepare = (recipe: GraphRecipe, graph: Graph) => {
    if (checked.has(graph)) return;
    describeRecipe(recipe, []);
    checked.add(graph);
  };
  // At the first run that uses the pool: what the workers are sent, and the graph's id there.
  const knownFor = (recipe: GraphRecipe, graph: Graph): Known => {
    const seen = recipes.get(graph);
    if (seen) return seen;
    const sent = describeRecipe(recipe, graph.nodes.map((n) => n.name));
    const key = keyOf(sent);
    let known = key === undefined ? undefined : byKey.get(key);
    if (!known) {
      known = { id: ++graphs, sent, local: new Set() };
      if (key !== undefined) byKey.set(key, known);
      if (byKey.size > KEPT_GRAPHS) {
        const [oldKey, old] = byKey.entries().next().value!;
        byKey.delete(oldKey);
        pool?.forget(old.id);
      }
    }
    recipes.set(graph, known);
    return known;
  };

  const run = async (r: ExecutorRun): Promise<void> => {
    const { graph, plan, state } = r;
    prepare(r.recipe, graph);
    const { values } = state;
    const given = [...plan.supplied, ...plan.overridden].filter((i) => isTyped(values[i]));
    const rows = given.reduce((most, i) => Math.max(most, (values[i] as Float64Array).length), 0);
    if (rows < minRows || plan.run.length < 2) return executePlan(graph, plan, state, r.hooks);
    for (const i of given) values[i] = toShared(values[i] as Float64Array);
    const { id, sent, local } = knownFor(r.recipe, graph);
    const workerPool = (pool ??= new WorkerPool(workers, heapMb));
    const compute = (i: number, args: unknown[]): unknown => {
      const node = graph.nodes[i];
      if (node.role === 'check' || local.has(i) || crossRows(args) < minRows) return node.fn(args);
      const sentArgs = args.map((a) => (isTyped(a) ? toShared(a) : a));
      return workerPool.run(id, sent, i, sentArgs).then((outcome) => {
        if (outcome.kind === 'value') return outcome.value;
        local.add(i);
        return node.fn(args);
      });
    };
    if (sharedRuns++ === 0) setFloat64Allocator(sharedFloat64);
    try {
      await runByReadiness(r, workers * 2, compute);
    } finally {
      if (--sharedRuns === 0) setFloat64Allocator(undefined);
    }
  };

  return Object.freeze({
    name: `threads(${workers})`,
    workers,
    minRows,
    prepare,
    run,
    close: async () => {
      const p = pool;
      pool = undefined;
      await p?.close();
    },
  });
}
