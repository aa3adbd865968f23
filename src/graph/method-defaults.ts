/**
 * A method's default parameter values, applied without running its body. `@does` replaces the
 * body, but the method's signature still says what each parameter defaults to; this rebuilds a
 * function with the method's own parameter list that returns its arguments after the defaults
 * applied, exactly as JavaScript applies them (in order, with `this` and earlier parameters in scope).
 */
import { parameterListSource, type ParsedParameter } from './params';

export type ApplyDefaults = (self: unknown, args: readonly unknown[]) => unknown[];

/**
 * The method's arguments with its defaults applied, or a problem: a default that refers to a name
 * outside the parameter list (a module constant) cannot be evaluated away from the method's module.
 *
 * @example
 * const apply = defaultsOf(function (p0, p1 = 1) {}, params, 'T.m');
 * (apply as ApplyDefaults)(undefined, [5, undefined]); // [5, 1]
 */
export function defaultsOf(method: Function, params: readonly ParsedParameter[], origin: string): ApplyDefaults | { problem: string } | undefined {
  if (!params.some((p) => p.optional)) return undefined;
  const list = parameterListSource(method);
  let rebuilt: Function;
  try {
    rebuilt = new Function(`return function (${list}) { return [${params.map((p) => p.name).join(', ')}]; };`)() as Function;
  } catch (error) {
    return { problem: `@does on ${origin}: cannot evaluate the default values of its parameters (${(error as Error).message}).` };
  }
  const apply: ApplyDefaults = (self, args) => rebuilt.apply(self, args) as unknown[];
  try {
    apply(undefined, new Array(params.length).fill(undefined));
  } catch (error) {
    if (error instanceof ReferenceError) {
      return {
        problem: `@does on ${origin}: a default value of its parameters refers to something outside its parameter list (${error.message}); ` +
          `@does applies the method's defaults without its module's scope. Use a literal default, or bind the value with @inject({ parameter: value(…) }).`,
      };
    }
  }
  return apply;
}
