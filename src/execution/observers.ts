/**
 * Which lifecycle adapters only observe a run. An adapter that says `observesOnly: true` and
 * wraps no node (`aroundNode` decides a node's value) records what happens and changes nothing, so
 * a result read whole from the cache, with the run's events replayed to it, is what it would have
 * seen. Any other adapter may change what it is given; nothing is assumed about it.
 */
import type { LifecycleAdapter } from './hooks';

/**
 * The first adapter that may change a run's values, and why (with the fix); undefined when every
 * one only observes.
 *
 * @example
 * changingAdapter([openLineage({ namespace: 'forecasting', emit: 'out/lineage.ndjson' })]); // undefined
 * changingAdapter([{ afterNode: () => {} }])?.why; // 'Lifecycle adapter 1 does not say observesOnly: true …'
 */
export function changingAdapter(adapters: readonly LifecycleAdapter[]): { index: number; why: string } | undefined {
  for (const [index, adapter] of adapters.entries()) {
    const which = `Lifecycle adapter ${index + 1}`;
    if (typeof adapter.aroundNode === 'function') {
      return { index, why: `${which} has aroundNode (it decides node values, so each node must run through it)` };
    }
    if (adapter.observesOnly !== true) {
      const fix = 'give it observesOnly: true if it only records what happens';
      return { index, why: `${which} does not say observesOnly: true, so it may change what it is given (${fix})` };
    }
  }
  return undefined;
}
