/** A tag filter passed to a policy is checked when the policy is made, not when the graph is built. */
import { QuiverError } from '../errors';
import type { TagFilter } from '../graph/node-info';

/**
 * Throws a `QuiverError` naming the policy and side when `filter` is not a non-empty tag filter.
 *
 * @example
 * checkTagFilter({ pii: 'true' }, 'forbidFlow', 'from');
 */
export function checkTagFilter(filter: unknown, policy: string, side: string): TagFilter {
  const ok = filter !== null && typeof filter === 'object' && !Array.isArray(filter) && Object.keys(filter).length > 0 &&
    Object.values(filter).every((v) => v === null || typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string')));
  if (!ok) {
    throw new QuiverError(
      `${policy}'s ${side} must be a tag filter such as { pii: 'true' } (a string, a list of strings, or null for any value); ` +
        `got ${JSON.stringify(filter)}.`,
    );
  }
  return Object.freeze({ ...(filter as TagFilter) });
}
