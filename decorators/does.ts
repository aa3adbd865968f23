import { FeatureDefinitionError } from '../src/errors';
import { describe } from '../src/records/dependency-spec';
import { type FeatureDecorator, recordOn } from './record-on';

/**
 * Reuses one implementation under many names: the method's signature says what the node needs,
 * and `fn` computes it. `fn`'s parameters are matched to the method's by name, or through
 * `mapping` (`{ fnParameter: 'methodParameter' }`); a rest parameter `...xs` receives all of the
 * method's parameters in order. The method's body is not run, but its default parameter values
 * apply exactly as for a plain method (`m(x, window = 3)`: `window` is 3 when nothing provides it);
 * a default must not read a module constant (that is a `GraphBuildError`: use a literal or `@inject`).
 *
 * @example
 * const sumAll = (...columns: Float64Array[]) => columns.reduce((a, b) => add(a, b));
 * class Totals {@does(sumAll)
 *   spendAndTax(spend: Float64Array, tax: Float64Array): Float64Array { return undefined!; }
 *   ;@does(div, { a: 'spend', b: 'visits' })
 *   spendPerVisit(spend: Float64Array, visits: Float64Array): Float64Array { return undefined!; }
 * }
 */
export function does(fn: Function, mapping: Record<string, string> = {}): FeatureDecorator {
  return recordOn('does', (where) => {
    if (typeof fn !== 'function') {
      throw new FeatureDefinitionError(`@does on ${where} takes a function, got ${describe(fn)}.`);
    }
    const isRecord = mapping !== null && typeof mapping === 'object';
    if (!isRecord || !Object.values(mapping).every((v) => typeof v === 'string')) {
      throw new FeatureDefinitionError(
        `@does(fn, mapping) on ${where} takes a record { fnParameter: "methodParameter" }.`,
      );
    }
    return { kind: 'does', fn, mapping: Object.freeze({ ...mapping }) };
  });
}
