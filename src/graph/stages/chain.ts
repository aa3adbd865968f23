/**
 * Chain stage (`@pipeInput`, `@pipeOutput`): step nodes before a parameter or after the output.
 * The final node keeps the output's name; `@pipeOutput`'s own value becomes `<name>.raw`.
 */
import { pipeInputNodes, pipeOutputNodes, type ChainContext } from '../pipe-nodes';
import { problem, type Expansion } from './expansion';

/**
 * Puts each final node's `@pipeInput` / `@pipeOutput` steps around it (`x.chained`).
 *
 * @example
 * chainStage(x); // a piped feature x: nodes x.raw, x.<step>…, and x (the last step)
 */
export function chainStage(x: Expansion): boolean {
  const pipeIn = x.of.pipeInput?.[0];
  const pipeOut = x.of.pipeOutput?.[0];
  if (!pipeIn && !pipeOut) return true;
  const { origin, params } = x;
  const ctx: ChainContext = {
    config: x.ctx.config, instance: x.method.source.instance, origin, definedBy: x.definedBy,
    problem: (code, message) => problem(x, code, message),
  };
  for (let i = 0; i < x.finals.length; i++) {
    let node = x.finals[i];
    if (pipeIn) {
      const at = pipeIn.on === undefined ? 0 : params.findIndex((p) => p.name === pipeIn.on);
      if (at < 0 || at >= params.length || x.paramDeps[i][at] < 0) {
        const what = at < 0 || at >= params.length
          ? `parameter "${pipeIn.on ?? '(first)'}", which ${origin} does not have`
          : `"${params[at].name}", which is bound to a value or group`;
        problem(x, 'pipe-input', `@pipeInput on ${origin} pipes ${what}; pipe a parameter that reads a node.`);
        return false;
      }
      const nodes = pipeInputNodes(node, x.paramDeps[i][at], pipeIn.steps, ctx) ?? [];
      node = nodes.pop()!;
      x.chained.push(...nodes);
    }
    if (pipeOut) {
      const nodes = pipeOutputNodes(node, pipeOut.steps, ctx) ?? [];
      node = nodes.pop()!;
      x.chained.push(...nodes);
    }
    if (x.failed) return false;
    x.finals[i] = node;
  }
  return true;
}
