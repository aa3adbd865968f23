/**
 * Expand stage for `@does`: the function a method's node calls. Without `@does` it is the method;
 * with it, a wrapper that passes the method's arguments to the reused function, matched by name
 * (or through the mapping), or all in order to a rest parameter. The method's own default values
 * apply first, exactly as they would if its body ran.
 */
import { defaultsOf } from './method-defaults';
import { parseParameters, ParameterParseError, type ParsedParameter } from './params';

export function implementationOf(
  fn: Function,
  mapping: Readonly<Record<string, string>>,
  methodParams: readonly ParsedParameter[],
  origin: string,
  method: Function,
): { fn: Function } | { problem: string } {
  const found = reuse(fn, mapping, methodParams, origin);
  if ('problem' in found) return found;
  const defaults = defaultsOf(method, methodParams, origin);
  if (defaults === undefined) return found;
  if ('problem' in defaults) return defaults;
  const call = found.fn;
  return { fn: function (this: unknown, ...args: unknown[]) { return call.apply(this, defaults(this, args)); } };
}

function reuse(
  fn: Function,
  mapping: Readonly<Record<string, string>>,
  methodParams: readonly ParsedParameter[],
  origin: string,
): { fn: Function } | { problem: string } {
  let params: ParsedParameter[];
  try {
    params = parseParameters(fn);
  } catch (error) {
    if (!(error instanceof ParameterParseError)) throw error;
    return { problem: `@does on ${origin}: cannot read the parameters of ${fn.name || 'the function'}: ${error.message}.` };
  }
  if (params.length === 1 && params[0].rest) return { fn: function (this: unknown, ...args: unknown[]) { return fn.apply(this, args); } };
  const names = methodParams.map((p) => p.name);
  const badKeys = Object.keys(mapping).filter((k) => !params.some((p) => p.name === k));
  if (badKeys.length > 0) {
    return { problem: `@does on ${origin} maps ${badKeys.map((k) => `"${k}"`).join(', ')}, which ${fn.name || 'the function'} has no parameter named (its parameters: ${params.map((p) => p.name).join(', ')}).` };
  }
  const order: number[] = [];
  for (const p of params) {
    const from = Object.hasOwn(mapping, p.name) ? mapping[p.name] : p.name;
    const at = names.indexOf(from);
    if (at < 0) {
      if (p.optional) break;
      return {
        problem: `@does on ${origin}: ${fn.name || 'the function'}'s parameter "${p.name}" matches no parameter of ${origin} (${names.join(', ') || 'none'}). Map it: @does(${fn.name || 'fn'}, { ${p.name}: '<parameter of ${origin}>' }).`,
      };
    }
    order.push(at);
  }
  return { fn: function (this: unknown, ...args: unknown[]) { return fn.apply(this, order.map((i) => args[i])); } };
}
