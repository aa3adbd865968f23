import { FeatureDefinitionError } from '../src/errors';
import { checkedOn, type FeatureDecorator } from './record-on';
import { assertKnownKeys } from '../src/options/known-keys';

export interface FeatureOptions {
  /** A description shown by `listAvailableVariables()` and in pictures of the graph. */
  readonly doc?: string;
}

/**
 * Marks a method as a feature. Any quiver decorator makes TypeScript emit the method's types;
 * `@feature()` is the one to use when a method needs no other.
 *
 * @example
 * class SpendFeatures {@feature({ doc: 'Mean spend, NaN skipped' })
 *   spendMean(spend: Float64Array): number { return mean(spend); }
 * }
 */
export function feature(options: FeatureOptions = {}): FeatureDecorator {
  return checkedOn('feature', () => {
    const doc = (options as { doc?: unknown } | null)?.doc;
    if (options === null || typeof options !== 'object' || (doc !== undefined && typeof doc !== 'string')) {
      throw new FeatureDefinitionError('@feature takes { doc?: string }, e.g. @feature({ doc: "Mean spend" }).');
    }
    assertKnownKeys(options, ['doc'], '@feature', FeatureDefinitionError);
    return { kind: 'feature', doc };
  });
}
