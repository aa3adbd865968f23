import { FeatureDefinitionError } from '../src/errors';
import type { LeafSpec } from '../src/records/dependency-spec';
import { Step } from '../src/records/step';
import { type FeatureDecorator, recordOn } from './record-on';
import { assertKnownKeys } from '../src/options/known-keys';

/**
 * A step of a chain: `fn`'s first parameter receives the value flowing through; its other
 * parameters are bound by name with `value(…)` / `source(…)`, or read from the node of the same
 * name. `.named(n)` names the step's node; `.when(…)`, `.whenNot(…)`, `.whenIn(…)` make it
 * depend on config.
 *
 * @example
 * const clipTo = (x: Float64Array, lo: number, hi: number) => clip(x, lo, hi);
 * step(clipTo, { lo: value(-3), hi: value(3) }).named('clipped').when({ robust: true })
 */
export function step(fn: Function, bindings: Record<string, LeafSpec> = {}): Step {
  return Step.of(fn, bindings);
}

function checkSteps(decorator: string, steps: unknown[], where: string): readonly Step[] {
  if (steps.length === 0 || !steps.every((s) => s instanceof Step)) {
    throw new FeatureDefinitionError(`@${decorator} on ${where} takes one or more step(fn, { … }) arguments.`);
  }
  return Object.freeze([...steps]) as readonly Step[];
}

/**
 * The method's first parameter (or the one named with `{ on }`) goes through the steps before the
 * method runs. Each step is a node `<feature>.<step>`, visible in lineage.
 *
 * @example
 * const capped = step(clip, { lo: value(0), hi: value(100) }).named('capped');
 * class Clean {@pipeInput(step(fillNaN, { value: value(0) }), capped)
 *   humidity(raw_humidity: Float64Array): Float64Array { return raw_humidity; }
 * }
 */
export function pipeInput(...args: (Step | { on: string })[]): FeatureDecorator {
  const first = args[0];
  const on = first !== undefined && !(first instanceof Step) ? (first as { on?: unknown }).on : undefined;
  if (first !== undefined && !(first instanceof Step)) assertKnownKeys(first, ['on'], '@pipeInput', FeatureDefinitionError);
  return recordOn('pipeInput', (where) => {
    if (on !== undefined && typeof on !== 'string') {
      throw new FeatureDefinitionError(`@pipeInput({ on }) on ${where} takes the name of the parameter to pipe.`);
    }
    return { kind: 'pipeInput', steps: checkSteps('pipeInput', on === undefined ? args : args.slice(1), where), on };
  });
}

/**
 * The method's output goes through the steps; the last step's value is the feature. The method's
 * own value is the node `<feature>.raw`, each step `<feature>.<step>`.
 *
 * @example
 * class Scores {@pipeOutput(step(zscore), step(clip, { lo: value(-3), hi: value(3) }))
 *   spendScore(spend: Float64Array): Float64Array { return spend; }
 * }
 */
export function pipeOutput(...steps: Step[]): FeatureDecorator {
  return recordOn('pipeOutput', (where) => ({ kind: 'pipeOutput', steps: checkSteps('pipeOutput', steps, where) }));
}
