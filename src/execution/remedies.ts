/**
 * The fix an `InputError` names depends on who asked: code passes `inputs` and `overrides`, the
 * command line passes a file and flags. An issue whose fix differs by caller carries a `remedy`
 * (what to fix, for which name); its message ends with the code's wording, and `restate` swaps
 * that ending for another caller's. Each wording is written once, here.
 */
import { InputError, type Issue } from '../errors';

/** Who made the request: `api` (a driver called from code) or `cli` (the `quiver` command). */
export type Surface = 'api' | 'cli';

/** What a caller can do about an issue, by kind; `name` is the input or node it is about. */
export interface Remedy {
  readonly kind: 'input-instead-of-feature' | 'missing-input';
  readonly name: string;
}

const WORDING: Record<Remedy['kind'], Record<Surface, (name: string) => string>> = {
  'input-instead-of-feature': {
    api: (name) => `To use your value instead of computing it, pass it in overrides: { ${name}: … }.`,
    cli: (name) =>
      `The command line has no overrides: to compute "${name}", rename or drop the column "${name}" in the --inputs ` +
      `file; to use the column instead, leave the class that defines "${name}" out with --class <the other classes>.`,
  },
  'missing-input': {
    api: (name) => `Pass it in inputs: { ${name}: … }.`,
    cli: (name) => `Add a column "${name}" to the --inputs file, or give it with --config ${name}=….`,
  },
};

/**
 * An issue whose message is `problem` followed by the code's fix; `restate` can reword the fix.
 *
 * @example
 * withRemedy('missing-input', 'Missing input "spend".', { kind: 'missing-input', name: 'spend' }, ['spend']);
 * // { code: 'missing-input', message: 'Missing input "spend". Pass it in inputs: { spend: … }.', remedy, nodes }
 */
export function withRemedy(code: string, problem: string, remedy: Remedy, nodes: readonly string[]): Issue {
  return { code, message: `${problem} ${WORDING[remedy.kind].api(remedy.name)}`, nodes, remedy };
}

/**
 * `error` with every remedied issue's fix worded for `surface`; anything else is returned as it is.
 *
 * @example
 * throw restate(error, 'cli'); // '… Add a column "spend" to the --inputs file, or give it with --config spend=….'
 */
export function restate(error: unknown, surface: Surface): unknown {
  if (!(error instanceof InputError) || !error.issues.some((i) => i.remedy !== undefined)) return error;
  const issues = error.issues.map((issue): Issue => {
    if (issue.remedy === undefined) return issue;
    const { kind, name } = issue.remedy;
    const api = WORDING[kind].api(name);
    if (!issue.message.endsWith(api)) return issue;
    return { ...issue, message: `${issue.message.slice(0, -api.length)}${WORDING[kind][surface](name)}` };
  });
  const restated = new InputError(issues);
  if (error.stack !== undefined) restated.stack = `${restated.name}: ${restated.message}\n${stackFrames(error.stack)}`;
  return restated;
}

function stackFrames(stack: string): string {
  const at = stack.indexOf('\n    at ');
  return at < 0 ? '' : stack.slice(at + 1);
}
