import { FeatureDefinitionError } from '../src/errors';
import { describe, frozenBindings, isDependencySpec, type DependencySpec } from '../src/records/dependency-spec';
import { type FeatureDecorator, recordOn } from './record-on';

/**
 * Binds parameters to `source(…)`, `value(…)` or `group(…)` without renaming the node (a
 * `@parameterize` with one output named as the method). With `@parameterize`, it applies to
 * every output.
 *
 * @example
 * class Features {@inject({ x: source('temp_max'), window: value(7) })
 *   tempMaxMean7(x: Float64Array, window: number): Float64Array { return rollingMean(x, window); }
 * }
 */
export function inject(bindings: Record<string, DependencySpec>): FeatureDecorator {
  return recordOn('inject', (where) => {
    const empty = bindings === null || typeof bindings !== 'object' || Array.isArray(bindings) || Object.keys(bindings).length === 0;
    if (empty) {
      throw new FeatureDefinitionError(
        `@inject on ${where} takes a non-empty record { parameter: value(…) | source(…) | group(…) }.`,
      );
    }
    for (const [param, spec] of Object.entries(bindings)) {
      if (!isDependencySpec(spec)) {
        throw new FeatureDefinitionError(
          `@inject on ${where} binds "${param}" to ${describe(spec)}; use value(…), source('name') or group(…).`,
        );
      }
    }
    return { kind: 'inject', bindings: frozenBindings(bindings) };
  });
}
