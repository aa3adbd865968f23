import { FeatureDefinitionError } from '../src/errors';
import { freezeTags } from '../src/records/tags';
import { checkedOn, type FeatureDecorator } from './record-on';
import { checkTarget } from './target';
import { assertKnownKeys } from '../src/options/known-keys';

/**
 * Attaches tags to the node(s) a method produces, for lineage queries and tag filters.
 * Values are strings or lists of strings; keys may contain dots (`data.source`).
 * `target` picks some of the nodes (`'*'` or a list of names); by default every node gets the tags.
 * `propagate: true` makes every node downstream inherit these tags (e.g. `pii`): lineage and
 * `quiver list` show inherited tags apart from a node's own, and tag filters match both.
 *
 * @example
 * class SpendFeatures {@tag({ owner: 'marketing', pii: 'false', 'data.source': ['crm', 'web'] })
 *   avg3wkSpend(spend: Float64Array): Float64Array { return rollingMean(spend, 3); }
 * }
 * dr.listAvailableVariables({ tags: { owner: 'marketing' } });
 *
 * class Customers {@tag({ pii: 'true' }, { propagate: true })   // everything computed from email is pii too
 *   email(rawEmail: string[]): string[] { return rawEmail.map((e) => e.toLowerCase()); }
 * }
 */
export function tag(
  tags: Record<string, string | readonly string[]>,
  options: { target?: string | readonly string[]; propagate?: boolean } = {},
): FeatureDecorator {
  return checkedOn('tag', () => {
    if (tags === null || typeof tags !== 'object' || Array.isArray(tags) || Object.keys(tags).length === 0) {
      throw new FeatureDefinitionError('@tag takes a non-empty record of tags, e.g. @tag({ owner: "marketing" }).');
    }
    for (const [key, v] of Object.entries(tags)) {
      const ok = typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((item) => typeof item === 'string'));
      if (!ok) {
        throw new FeatureDefinitionError(`@tag value for "${key}" must be a string or a non-empty list of strings, got ${JSON.stringify(v)}.`);
      }
    }
    if (options === null || typeof options !== 'object') throw new FeatureDefinitionError('@tag(tags, options) takes options { target?, propagate? }.');
    assertKnownKeys(options, ['target', 'propagate'], '@tag', FeatureDefinitionError);
    const target = checkTarget(options.target, 'tag');
    const propagate = options.propagate;
    if (propagate !== undefined && typeof propagate !== 'boolean') {
      throw new FeatureDefinitionError(`@tag's propagate option must be true or false, got ${JSON.stringify(propagate)}.`);
    }
    const frozen = freezeTags(tags);
    return { kind: 'tag', tags: frozen, target, ...(propagate ? { propagate } : {}) };
  });
}
