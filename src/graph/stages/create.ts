/** Create stage (`@feature`): the method's parameters, declared types and doc. */
import { readDesignTypes, readDocComment } from '../../metadata';
import { parseParameters, ParameterParseError } from '../params';
import { problem, type Expansion } from './expansion';

/**
 * Reads the method's parameters, declared types and doc into `x`; false when they cannot be read.
 *
 * @example
 * createStage(x); // x.params: [{ name: 'spend', optional: false, rest: false }]
 */
export function createStage(x: Expansion): boolean {
  const { method, origin } = x;
  try {
    x.params = parseParameters(method.fn);
  } catch (error) {
    if (!(error instanceof ParameterParseError)) throw error;
    problem(x, 'bad-parameters', `Cannot read the parameters of ${origin}: ${error.message}.`);
    return false;
  }
  const rest = x.params.find((p) => p.rest);
  if (rest) {
    problem(x, 'rest-parameter',
      `${origin} has a rest parameter "...${rest.name}"; each dependency must be one named parameter. ` +
        'Use a parameter per input, or @parameterize with group(…).');
  }
  x.types = readDesignTypes(method.holder, method.name);
  if (x.records.length > 0 && x.types.params === undefined) x.ctx.untyped.push(origin);
  x.doc = x.of.feature?.[0].doc ?? readDocComment(method.holder, method.name) ?? '';
  return !x.failed;
}
