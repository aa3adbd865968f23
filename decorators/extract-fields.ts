import { FeatureDefinitionError } from '../src/errors';
import { checkedOn, type FeatureDecorator } from './record-on';

/**
 * The method returns a record; each named field becomes a node of the declared type (a
 * constructor such as `Number`, `Float64Array`, `String`, or `Object` for anything). The method
 * stays a node. A missing field, or one of another type, fails the run naming the field.
 *
 * @example
 * class Stats {@extractFields({ spendMean: Number, spendStd: Number })
 *   spendStats(spend: Float64Array) { return { spendMean: mean(spend), spendStd: std(spend) }; }
 * }
 */
export function extractFields(fields: Record<string, Function>): FeatureDecorator {
  return checkedOn('extractFields', () => {
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields) || Object.keys(fields).length === 0) {
      throw new FeatureDefinitionError('@extractFields takes a non-empty record { field: Type }, e.g. @extractFields({ mean: Number }).');
    }
    for (const [name, type] of Object.entries(fields)) {
      if (typeof type !== 'function') {
        throw new FeatureDefinitionError(`@extractFields field "${name}" must map to a type constructor (Number, String, Float64Array, Object…), got ${JSON.stringify(type)}.`);
      }
    }
    return { kind: 'extractFields', fields: Object.freeze({ ...fields }) };
  });
}
