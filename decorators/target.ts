import { FeatureDefinitionError } from '../src/errors';
import type { Target } from '../src/records/records';

/**
 * Validates a `target` option: a node name, a list of them, or `'*'` for every node the
 * decorated method produces. Left out, a decorator applies to its default nodes.
 */
export function checkTarget(target: unknown, decorator: string): Target {
  if (target === undefined) return undefined;
  const list = typeof target === 'string' ? [target] : target;
  if (!Array.isArray(list) || list.length === 0 || !list.every((t) => typeof t === 'string' && t.length > 0)) {
    throw new FeatureDefinitionError(
      `@${decorator}'s target must be a node name, a non-empty list of node names, or '*' for every node the method produces.`,
    );
  }
  return typeof target === 'string' ? target : Object.freeze([...(target as readonly string[])]);
}
