/**
 * How the entity-isolation check computes features on its layouts: from a built driver (one walk
 * over its graph, see isolation-walk.ts), or from a function the caller gives (called once per
 * layout, resolving to a record or an Arrow table). Also the names it leaves out, checked against the graph.
 */
import type { Driver } from '../driver';
import { InputError } from '../errors';
import { closest } from '../execution/suggest';
import { isInternal, type FeatureNode } from '../graph/node';
import { hasOwn } from '../util/own';
import { describeValue } from '../graph/types';
import { isArrowTableShape } from '../util/shapes';
import { GLOBAL_TAG } from './isolation-error';
import { walkLayouts, type LayoutRequest } from './isolation-walk';

/** Computes `outputs` on `inputs` (with `overrides`) and resolves to their values by name. */
export type IsolationRun = (
  outputs: readonly string[], inputs: Record<string, unknown>, overrides: Record<string, unknown>,
) => Promise<Readonly<Record<string, unknown>>>;

/** Computes a request's outputs on each of its layouts, handing each output's values to `request.take`. */
export type LayoutRun = (request: LayoutRequest) => Promise<void>;

/** What the check runs with: the runner, every name it leaves out, and those of them that are nodes to override. */
export interface IsolationRunner {
  readonly run: LayoutRun;
  readonly ignore: readonly string[];
  readonly overridden: readonly string[];
}

/**
 * One layout's values from what a caller's function resolved to: a record by name, or an Arrow
 * table (by column). A requested output it does not hold is an `InputError`: nothing compared
 * would pass silently.
 */
function valuesOf(result: unknown, outputs: readonly string[]): (name: string) => unknown {
  const table = isArrowTableShape(result) ? result : undefined;
  const record = result as Readonly<Record<string, unknown>>;
  const missing = outputs.filter((name) =>
    table ? table.getChild(name) === null : result === null || typeof result !== 'object' || !hasOwn(record, name));
  if (missing.length > 0) {
    const what = table ? 'a table' : result !== null && typeof result === 'object' ? 'a record' : describeValue(result);
    throw new InputError(
      `checkEntityIsolation: the run function resolved to ${what} without ` +
        `${missing.slice(0, 3).map((n) => `"${n}"`).join(', ')}` +
        `${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}. ` +
        'It must resolve to the requested outputs by name, e.g. async (outputs, inputs, overrides) => ' +
        '(await dr.run(outputs, { inputs, overrides })).result, or an Arrow table with those columns.',
      missing,
    );
  }
  return table ? (name) => table.getChild(name) : (name) => record[name];
}

/** A caller's function as a `LayoutRun`: layout 0 with the overridden names too, the others with them as overrides. */
function perLayout(run: IsolationRun): LayoutRun {
  return async (request) => {
    const { outputs, overridden, layouts } = request;
    const first = [...outputs, ...overridden];
    const values = [valuesOf(await run(first, { ...layouts[0] }, {}), first)];
    for (let k = 1; k < layouts.length; k++) {
      const overrides: Record<string, unknown> = {};
      for (const name of overridden) overrides[name] = request.cut(values[0](name), k);
      values.push(valuesOf(await run(outputs, { ...layouts[k] }, overrides), outputs));
    }
    for (const [j, name] of outputs.entries()) request.take(j, values.map((v) => v(name)));
  };
}

/**
 * Whether any node has its own tag `key`. Nodes of one method share its tags object, so each
 * distinct object is looked at once (a graph of thousands of nodes has a few dozen).
 */
function anyHasTag(nodes: readonly FeatureNode[], key: string): boolean {
  const seen = new Set<object>();
  for (let i = 0; i < nodes.length; i++) {
    const tags = nodes[i].tags;
    if (seen.has(tags)) continue;
    seen.add(tags);
    if (hasOwn(tags, key)) return true;
  }
  return false;
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
  if (typeof run === 'function') return { run: perLayout(run), ignore, overridden: ignore };
  const { graph } = run;
  const unknown = ignore.filter((name) => !graph.index.has(name));
  if (unknown.length > 0) {
    const names = graph.nodes.filter((n) => !isInternal(n)).map((n) => n.name);
    throw new InputError(unknown.map((name) => {
      const near = closest(name, names);
      return {
        code: 'isolation-ignore',
        message: `isolationCheck.ignore names "${name}", which is no feature of these classes${near ? ` (did you mean "${near}"?)` : ''}.`,
        nodes: [name],
      };
    }));
  }
  // the tag is own or inherited (propagated) from a node that has it: without any node holding it, nothing to list
  const anyTagged = anyHasTag(graph.nodes, 'entityScope');
  const tagged = anyTagged ? run.listAvailableVariables({ tags: GLOBAL_TAG }).map((n) => n.name) : [];
  const all = [...new Set([...ignore, ...tagged])];
  const external = (name: string) => {
    const role = graph.node(name)?.role;
    return role === 'input' || role === 'config';
  };
  const overridden = all.filter((name) => !external(name));
  return { run: (request) => walkLayouts(run, request), ignore: all, overridden };
}
