/**
 * How the entity-isolation check computes features on its layouts: from a built driver (one walk
 * over its graph, see isolation-walk.ts), or from a function the caller gives (called once per
 * layout). Also the names it leaves out, checked against the graph.
 */
import type { Driver } from '../driver';
import { InputError } from '../errors';
import { closest } from '../execution/suggest';
import { isInternal } from '../graph/node';
import { GLOBAL_TAG } from './isolation-error';
import { walkLayouts, type LayoutRequest } from './isolation-walk';

/** Computes `outputs` on `inputs` (with `overrides`) and resolves to their values by name. */
export type IsolationRun = (
  outputs: readonly string[], inputs: Record<string, unknown>, overrides: Record<string, unknown>,
) => Promise<Readonly<Record<string, unknown>>>;

/** Computes a request's outputs on each of its layouts; resolves to each layout's values by name. */
export type LayoutRun = (request: LayoutRequest) => Promise<readonly Readonly<Record<string, unknown>>[]>;

/** What the check runs with: the runner, every name it leaves out, and those of them that are nodes to override. */
export interface IsolationRunner {
  readonly run: LayoutRun;
  readonly ignore: readonly string[];
  readonly overridden: readonly string[];
}

/** A caller's function as a `LayoutRun`: layout 0 with the overridden names too, each other layout with them as overrides. */
function perLayout(run: IsolationRun): LayoutRun {
  return async ({ outputs, overridden, layouts, cut }) => {
    const values = [await run([...outputs, ...overridden], { ...layouts[0] }, {})];
    for (let k = 1; k < layouts.length; k++) {
      const overrides: Record<string, unknown> = {};
      for (const name of overridden) overrides[name] = cut(values[0][name], k);
      values.push(await run(outputs, { ...layouts[k] }, overrides));
    }
    return values;
  };
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
  const tagged = run.listAvailableVariables({ tags: GLOBAL_TAG }).map((n) => n.name);
  const all = [...new Set([...ignore, ...tagged])];
  const external = (name: string) => {
    const role = graph.node(name)?.role;
    return role === 'input' || role === 'config';
  };
  return { run: (request) => walkLayouts(run, request), ignore: all, overridden: all.filter((name) => !external(name)) };
}
