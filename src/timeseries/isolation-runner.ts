/**
 * How the entity-isolation check computes features on its sample: from a built driver (its graph
 * without data-quality checks, its config, a plain-record result, none of the user's hooks), or
 * from a function the caller gives. Also the names it leaves out, checked
 * against the graph.
 */
import { inline } from '../execution/inline';
import { Driver } from '../driver';
import { InputError } from '../errors';
import { closest } from '../execution/suggest';
import { Graph } from '../graph/graph';
import { copyWith } from '../graph/node';
import { dictResult } from '../results/dict-result';
import { GLOBAL_TAG } from './isolation-error';

/** Computes `outputs` on `inputs` (with `overrides`) and resolves to their values by name. */
export type IsolationRun = (
  outputs: readonly string[], inputs: Record<string, unknown>, overrides: Record<string, unknown>,
) => Promise<Readonly<Record<string, unknown>>>;

const unchecked = new WeakMap<Graph, Graph>();

/**
 * The graph with data-quality checks taken out: each checked feature computes its raw value
 * directly, so no check runs (a sample's quality is not the frame's, and a `'fail'` check on a
 * few rows would stop the run) and the executor runs one node per feature. Made once per graph.
 */
function withoutChecks(graph: Graph): Graph {
  let copy = unchecked.get(graph);
  if (copy !== undefined) return copy;
  const nodes = graph.nodes.slice();
  const deps = graph.deps.slice();
  graph.nodes.forEach((node, i) => {
    const gate = node.role === 'raw' && node.owner !== undefined ? graph.index.get(node.owner) : undefined;
    if (gate === undefined || graph.deps[gate][0] !== i) return;
    nodes[gate] = copyWith(node, { name: graph.nodes[gate].name, role: graph.nodes[gate].role, owner: undefined });
    deps[gate] = graph.deps[i];
  });
  unchecked.set(graph, (copy = new Graph(nodes, deps, graph.index)));
  return copy;
}

/** What the check runs with: the runner, every name it leaves out, and those of them that are nodes to override. */
export interface IsolationRunner {
  readonly run: IsolationRun;
  readonly ignore: readonly string[];
  readonly overridden: readonly string[];
}

/**
 * The runner for `run` and the full ignore list. With a driver, `ignore` must name its nodes (an
 * `InputError` with "did you mean" otherwise) and nodes tagged `{ entityScope: 'global' }` join
 * it; inputs and config in the list need no override. A function is used as given.
 *
 * @example
 * isolationRunner(driver, ['cityMean']).ignore; // ['cityMean', …tagged global nodes]
 */
export function isolationRunner(run: Driver<unknown> | IsolationRun, ignore: readonly string[]): IsolationRunner {
  if (typeof run === 'function') return { run, ignore, overridden: ignore };
  const known = run.listAvailableVariables();
  const unknown = ignore.filter((name) => !run.graph.index.has(name));
  if (unknown.length > 0) {
    const names = known.map((n) => n.name);
    throw new InputError(unknown.map((name) => {
      const near = closest(name, names);
      return {
        code: 'isolation-ignore',
        message: `isolationCheck.ignore names "${name}", which is no feature of these classes${near ? ` (did you mean "${near}"?)` : ''}.`,
        nodes: [name],
      };
    }));
  }
  const tagged = run.listAvailableVariables({ tags: GLOBAL_TAG }).map((n) => n.name);
  const all = [...new Set([...ignore, ...tagged])];
  const external = new Set(known.filter((n) => n.isExternalInput).map((n) => n.name));
  const sample = new Driver(withoutChecks(run.graph), run.config, dictResult(), [], inline());
  // run(), not execute(): the sample's notes (input widening…) repeat the real run's, so none is printed
  const runner: IsolationRun = async (outputs, inputs, overrides) => (await sample.run(outputs, { inputs, overrides })).result;
  return { run: runner, ignore: all, overridden: all.filter((name) => !external.has(name)) };
}
