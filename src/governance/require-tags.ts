/**
 * `requireTags(...keys)`: every feature carries these tags (its own, or given by a namespace), so
 * that ownership and classification are never left out.
 */
import { QuiverError } from '../errors';
import { isInternal } from '../graph/node';
import type { Policy, PolicyIssue } from './policy';

/** At most this many features are named per missing key; the rest are counted. */
const NAMES_SHOWN = 20;

/**
 * A policy refusing features without one of `keys` among their own tags (inherited tags do not count:
 * an owner is not inherited). Inputs and config are not features.
 *
 * @example
 * new Builder().withFeatures(SpendFeatures).withPolicies(requireTags('owner', 'pii')).build();
 * // GraphBuildError: requireTags(owner): 2 features have no "owner" tag: spendMean (SpendFeatures.spendMean), …
 */
export function requireTags(...keys: string[]): Policy {
  if (keys.length === 0 || !keys.every((k) => typeof k === 'string' && k.length > 0)) {
    throw new QuiverError("requireTags takes one or more tag keys, e.g. requireTags('owner', 'pii').");
  }
  return {
    name: 'requireTags',
    check: (view): PolicyIssue[] => {
      const features = view.graph.nodes.filter((n) => n.role === 'feature' && !isInternal(n));
      const issues: PolicyIssue[] = [];
      for (const key of keys) {
        const missing = features.filter((n) => !Object.hasOwn(n.tags, key));
        if (missing.length === 0) continue;
        const shown = missing.slice(0, NAMES_SHOWN).map((n) => `${n.name} (${n.origin})`).join(', ');
        const more = missing.length > NAMES_SHOWN ? ` and ${missing.length - NAMES_SHOWN} more` : '';
        const noun = missing.length === 1 ? 'feature has' : 'features have';
        issues.push({
          message: `requireTags(${key}): ${missing.length} ${noun} no "${key}" tag: ${shown}${more}. ` +
            `Add @tag({ ${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: '…' }) to each, ` +
            'or give a whole feature set the tag with namespaced(…, { tags }).',
          nodes: missing.map((n) => n.name),
        });
      }
      return issues;
    },
  };
}
