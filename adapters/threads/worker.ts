/**
 * A worker thread of `threads()`: builds each graph it is sent once, from the feature classes'
 * own modules, then computes the nodes it is given. Kernels allocate in shared memory here, and
 * any other typed array a feature returns is copied there once, so the main thread reads it as is.
 */
import { parentPort } from 'worker_threads';
import { setFloat64Allocator } from '../../src/columns/allocate';
import { buildGraph } from '../../src/graph/build-graph';
import type { Graph } from '../../src/graph/graph';
import { sendError } from './errors-across';
import type { ToWorker } from './protocol';
import { loadItems, type SentRecipe } from './recipe';
import { crossesAsIs, isTyped, sharedFloat64, toShared } from './shared';

setFloat64Allocator(sharedFloat64);
const graphs = new Map<number, Graph | Error>();
const port = parentPort!;

function build(recipe: SentRecipe): Graph | Error {
  try {
    const graph = buildGraph(loadItems(recipe.items), recipe.config);
    const names = graph.nodes.map((n) => n.name).join('\n');
    if (names === recipe.names) return graph;
    return new Error(
      `the worker thread built a different graph (${graph.nodes.length} nodes, the driver has ` +
        `${recipe.names.split('\n').length}): loaded again, the feature modules define other features ` +
        '(classes made at run time, or read from state the worker does not share). ' +
        'Define the feature classes at the top level of their modules, or run with inline() or concurrent().',
    );
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function compute(task: number, graphId: number, node: number, args: unknown[]): Promise<void> {
  const graph = graphs.get(graphId)!;
  if (graph instanceof Error) {
    return port.postMessage({ type: 'error', task, error: sendError(graph), graphFailed: true });
  }
  try {
    let value = graph.nodes[node].fn(args);
    if (value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function') {
      value = await value;
    }
    if (!crossesAsIs(value)) return port.postMessage({ type: 'local', task });
    port.postMessage({ type: 'result', task, value: isTyped(value) ? toShared(value) : value });
  } catch (error) {
    port.postMessage({ type: 'error', task, error: sendError(error) });
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'graph') graphs.set(m.id, build(m.recipe));
  else if (m.type === 'forget') graphs.delete(m.id);
  else void compute(m.task, m.graph, m.node, m.args);
});
