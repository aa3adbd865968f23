import { FeatureDefinitionError } from '../src/errors';
import { checkedOn, type FeatureDecorator } from './record-on';

type Match = Record<string, unknown>;

/** A frozen copy of `{ key: [allowed…] }`, the lists copied too. */
function frozenLists(match: Record<string, readonly unknown[]>): Readonly<Record<string, readonly unknown[]>> {
  const copy: Record<string, readonly unknown[]> = {};
  for (const [key, list] of Object.entries(match)) copy[key] = Object.freeze([...list]);
  return Object.freeze(copy);
}

function check(mode: string, match: Match, lists: boolean): void {
  if (match === null || typeof match !== 'object' || Array.isArray(match) || Object.keys(match).length === 0) {
    throw new FeatureDefinitionError(`@config.${mode} takes a non-empty record of config keys, e.g. @config.${mode}({ region: ${lists ? "['US', 'CA']" : "'US'"} }).`);
  }
  if (lists) {
    for (const [key, v] of Object.entries(match)) {
      if (!Array.isArray(v)) throw new FeatureDefinitionError(`@config.whenIn value for "${key}" must be a list of allowed values, got ${JSON.stringify(v)}.`);
    }
  }
}

/**
 * Decorators that make a node exist only for some config (given to `Builder.withConfig`). A
 * method named `x__suffix` defines the node `x`, so several variants of `x` can sit side by side.
 *
 * @example
 * class Spend {@config.when({ region: 'US' })
 *   spend__us(rawSpend: Float64Array) { return rawSpend; }
 *   ;@config.whenNot({ region: 'US' })
 *   spend__other(rawSpend: Float64Array, fx: number) { return mul(rawSpend, fx); }
 * }
 */
export const config = {
  /** The node exists when every key equals its value in the config. */
  when(match: Match): FeatureDecorator {
    return checkedOn('config.when', () => {
      check('when', match, false);
      return { kind: 'config', mode: 'when', match: Object.freeze({ ...match }) };
    });
  },
  /** The node exists when no key equals its value in the config. */
  whenNot(match: Match): FeatureDecorator {
    return checkedOn('config.whenNot', () => {
      check('whenNot', match, false);
      return { kind: 'config', mode: 'whenNot', match: Object.freeze({ ...match }) };
    });
  },
  /** The node exists when every key's config value is one of the listed values. */
  whenIn(match: Record<string, readonly unknown[]>): FeatureDecorator {
    return checkedOn('config.whenIn', () => {
      check('whenIn', match, true);
      return { kind: 'config', mode: 'whenIn', match: frozenLists(match) };
    });
  },
};
