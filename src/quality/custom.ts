/** `@checkOutputCustom(...validators)`: the user's validators, checked when the class is defined. */
import { FeatureDefinitionError } from '../errors';
import type { Validator } from './result';
import { formatValue } from './text';

const SHAPE = '{ name, description, importance?, validate(value) => { passes, message, diagnostics? } }';

function problemWith(v: unknown): string | null {
  if (v === null || typeof v !== 'object') return `is ${formatValue(v)}, not an object`;
  const o = v as Partial<Record<keyof Validator, unknown>>;
  if (typeof o.name !== 'string' || o.name.length === 0) return `has name ${formatValue(o.name)}; name must be a non-empty string`;
  if (typeof o.description !== 'string') return `has description ${formatValue(o.description)}; description must be a string`;
  if (o.importance !== undefined && o.importance !== 'warn' && o.importance !== 'fail') {
    return `has importance ${formatValue(o.importance)}; importance must be 'warn' or 'fail'`;
  }
  if (typeof o.validate !== 'function') return `has no validate function (validate is ${formatValue(o.validate)})`;
  return null;
}

/**
 * Checks each user validator's shape and returns frozen copies with `importance` defaulted to
 * `'warn'`; `validate` is still called on the user's object. A bad validator throws a
 * `FeatureDefinitionError` naming `where`, the validator (position and name) and the shape.
 *
 * @internal
 * @example
 * const positive = {
 *   name: 'positive', description: 'all values > 0',
 *   validate: (x: Float64Array) => ({ passes: x.every((v) => v > 0), message: 'checked positivity' }),
 * };
 * normalizeCustomValidators([positive], 'SpendFeatures.spend')[0].importance; // 'warn'
 */
export function normalizeCustomValidators(validators: readonly unknown[], where: string): Validator[] {
  if (!Array.isArray(validators) || validators.length === 0) {
    throw new FeatureDefinitionError(`@checkOutputCustom on ${where} needs at least one validator ${SHAPE}.`);
  }
  return validators.map((v, i) => {
    const problem = problemWith(v);
    if (problem !== null) {
      const label = v !== null && typeof v === 'object' && typeof (v as Validator).name === 'string'
        ? `validator ${i + 1} ("${(v as Validator).name}")` : `validator ${i + 1}`;
      throw new FeatureDefinitionError(`@checkOutputCustom on ${where}: ${label} ${problem}. Each validator is ${SHAPE}.`);
    }
    const user = v as Validator;
    return Object.freeze({
      name: user.name,
      description: user.description,
      importance: user.importance ?? 'warn',
      validate: (value: unknown) => user.validate(value),
    });
  });
}
