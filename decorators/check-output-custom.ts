import { normalizeCustomValidators } from '../src/quality';
import type { Validator } from '../src/quality/result';
import { type FeatureDecorator, recordOn } from './record-on';

/**
 * Runs your own validators on a feature's output. Each is `{ name, description, importance?,
 * validate(value) => { passes, message, diagnostics? } }`; importance defaults to `'warn'`.
 *
 * @example
 * const positive: Validator = {
 *   name: 'positive', description: 'every value > 0', importance: 'fail',
 *   validate: (x) => { const bad = (x as Float64Array).filter((v) => !(v > 0)).length;
 *     return { passes: bad === 0, message: `${bad} values are not positive` }; },
 * };
 * class Features {@checkOutputCustom(positive) price(raw: Float64Array) { return raw; } }
 */
export function checkOutputCustom(...validators: Validator[]): FeatureDecorator {
  return recordOn('checkOutputCustom', (where) => ({
    kind: 'checkOutputCustom',
    validators: normalizeCustomValidators(validators, where),
  }));
}
