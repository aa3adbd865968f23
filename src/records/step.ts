/**
 * One step of a chain (`@pipeInput` / `@pipeOutput`): an ordinary function whose first parameter
 * receives the value flowing through the chain; its other parameters are bound by name to
 * `value(…)` / `source(…)`, or else read from the node of the same name. A step may be named and
 * may exist only for some config.
 */
import { FeatureDefinitionError } from '../errors';
import { describe, frozenLeaves, isDependencySpec, type LeafSpec } from './dependency-spec';
import type { ConfigRecord } from './records';

export class Step {
  private constructor(
    readonly fn: Function,
    readonly bindings: Readonly<Record<string, LeafSpec>>,
    readonly name: string | undefined,
    readonly conditions: readonly ConfigRecord[],
  ) {
    Object.freeze(this);
  }

  static of(fn: Function, bindings: Record<string, LeafSpec> = {}): Step {
    if (typeof fn !== 'function') throw new FeatureDefinitionError(`step() takes a function, got ${describe(fn)}.`);
    if (bindings === null || typeof bindings !== 'object' || Array.isArray(bindings)) {
      throw new FeatureDefinitionError(
        `step(${fn.name || 'fn'}, …) takes a record { parameter: value(…) | source(…) } as its second argument.`,
      );
    }
    for (const [param, spec] of Object.entries(bindings)) {
      if (!isDependencySpec(spec) || (spec.kind !== 'value' && spec.kind !== 'source')) {
        throw new FeatureDefinitionError(
          `step(${fn.name || 'fn'}, …) binds "${param}" to ${describe(spec)}; use value(…) or source('name').`,
        );
      }
    }
    return new Step(fn, frozenLeaves(bindings), undefined, Object.freeze([]));
  }

  /** The step's node is `<feature>.<name>` (default: the function's name). */
  named(name: string): Step {
    if (typeof name !== 'string' || !/^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u.test(name)) {
      throw new FeatureDefinitionError(`step(…).named() takes an identifier-like name, got ${describe(name)}.`);
    }
    return new Step(this.fn, this.bindings, name, this.conditions);
  }

  /** The step applies only when every key equals its value in the config. */
  when(match: Record<string, unknown>): Step {
    return this.condition('when', match);
  }

  /** The step applies only when no key equals its value in the config. */
  whenNot(match: Record<string, unknown>): Step {
    return this.condition('whenNot', match);
  }

  /** The step applies only when every key's config value is one of the listed values. */
  whenIn(match: Record<string, readonly unknown[]>): Step {
    return this.condition('whenIn', match);
  }

  private condition(mode: ConfigRecord['mode'], match: Record<string, unknown>): Step {
    if (match === null || typeof match !== 'object' || Object.keys(match).length === 0) {
      throw new FeatureDefinitionError(`step(…).${mode}() takes a non-empty record of config keys.`);
    }
    const condition: ConfigRecord = Object.freeze({ kind: 'config', mode, match: Object.freeze({ ...match }) });
    return new Step(this.fn, this.bindings, this.name, Object.freeze([...this.conditions, condition]));
  }
}
