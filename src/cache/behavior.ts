/**
 * How one node uses the cache (Hamilton's four behaviours). Shared by `@cache`, `withCache` and the
 * cache session, so the list and its message live in one place.
 */

/**
 * - `default`: read the node from the cache when its key is stored; otherwise compute and store it.
 * - `recompute`: always compute, then store; downstream keys use the fingerprint of the new value.
 * - `disable`: always compute, never store or read; downstream keys use the fingerprint of its value.
 * - `ignore`: always compute, never store; its value is left out of downstream keys.
 */
export type CacheBehavior = 'default' | 'recompute' | 'disable' | 'ignore';

export const CACHE_BEHAVIORS: readonly CacheBehavior[] = ['default', 'recompute', 'disable', 'ignore'];

/** Whether `value` is one of the four behaviours. */
export function isCacheBehavior(value: unknown): value is CacheBehavior {
  return typeof value === 'string' && (CACHE_BEHAVIORS as readonly string[]).includes(value);
}

/** The sentence an error shows after a bad behaviour. */
export function behaviorHint(value: unknown): string {
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  return `behavior ${shown} is not one of ${CACHE_BEHAVIORS.map((b) => `'${b}'`).join(', ')}`;
}
