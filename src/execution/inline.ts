/**
 * `inline()`: the default executor. One node at a time in the plan's order, on the calling thread,
 * awaiting each async feature before the next node starts.
 */
import { executePlan } from './executor';
import type { Executor } from './executor-api';

const INLINE: Executor = {
  name: 'inline',
  run: ({ graph, plan, state, hooks }) => executePlan(graph, plan, state, hooks),
};
Object.freeze(INLINE);

/**
 * The default executor: one node at a time, in the plan's order.
 *
 * @example
 * const table = await dr.execute(['avg3wkSpend'], { inputs: { spend }, executor: inline() });
 */
export function inline(): Executor {
  return INLINE;
}
