/** Turns normalized `@checkOutput` options into one Validator per check key. */
import { dataTypeCheck } from './checks/data-type';
import { minRowsCheck } from './checks/min-rows';
import { allowNaNsCheck, maxFractionNaNsCheck } from './checks/missing';
import { formatInterval, rangeCheck } from './checks/range';
import { schemaCheck } from './checks/schema';
import { maxStandardDevCheck, meanInRangeCheck } from './checks/stats';
import { uniqueCheck } from './checks/unique';
import { valuesInCheck } from './checks/values-in';
import { CHECK_KEYS, type CheckOutputOptions } from './options';
import { registeredCheck, registeredCheckKeys } from './check-registry';
import type { CheckFn } from './outcome';
import { ProfileShare } from './profile';
import type { Validator } from './result';
import { formatPercent, formatValue } from './text';

type CheckKey = (typeof CHECK_KEYS)[number];
type Made = { check: CheckFn; description: string };

/** The checks that read a column's profile (missing count, min, max) and can share one pass. */
const PROFILED: readonly CheckKey[] = ['allowNaNs', 'maxFractionNaNs', 'range'];

const MAKERS: { readonly [K in CheckKey]: (v: NonNullable<CheckOutputOptions[K]>, share: ProfileShare) => Made } = {
  dataType: (t) => ({ check: dataTypeCheck(t), description: `element type is ${t}` }),
  schema: (s) => ({
    check: schemaCheck(s),
    description: `table has columns ${Object.entries(s.columns).map(([n, t]) => `${n}: ${t}`).join(', ')}${s.allowExtraColumns ? ' (extra columns allowed)' : ''}`,
  }),
  minRows: (n) => ({ check: minRowsCheck(n), description: `at least ${n} rows` }),
  allowNaNs: (a, share) => ({ check: allowNaNsCheck(a, share), description: a ? 'missing values allowed (reported)' : 'no missing values (NaN, null, undefined)' }),
  maxFractionNaNs: (f, share) => ({ check: maxFractionNaNsCheck(f, share), description: `at most ${formatPercent(f)} missing values` }),
  range: ([lo, hi], share) => ({ check: rangeCheck(lo, hi, share), description: `values within ${formatInterval(lo, hi)} (inclusive, missing ignored)` }),
  valuesIn: (vs) => ({ check: valuesInCheck(vs), description: `values in ${formatValue(vs)} (missing ignored)` }),
  unique: (u) => ({ check: uniqueCheck(u), description: u ? 'no value repeated (missing ignored)' : 'duplicates allowed' }),
  meanInRange: ([lo, hi]) => ({ check: meanInRangeCheck(lo, hi), description: `mean within ${formatInterval(lo, hi)}` }),
  maxStandardDev: (m) => ({ check: maxStandardDevCheck(m), description: `standard deviation (ddof 1) at most ${m}` }),
};

/**
 * One Validator per check key present in (normalized) options, named after the key, in the order
 * of `CHECK_KEYS`; each gets the options' `importance` (default `'warn'`). `target` is the
 * builder's business and ignored here. `range`, `allowNaNs` and `maxFractionNaNs` from one
 * options object share one pass over a Float64Array (see `ProfileShare`).
 *
 * @internal
 * @example
 * validatorsFromOptions({ range: [-5, 5], allowNaNs: false, importance: 'fail' }).map((v) => v.name);
 * // ['allowNaNs', 'range']
 */
export function validatorsFromOptions(options: CheckOutputOptions): Validator[] {
  const importance = options.importance ?? 'warn';
  const share = new ProfileShare(PROFILED.filter((key) => options[key] !== undefined).length);
  const validators: Validator[] = [];
  for (const key of CHECK_KEYS) {
    const setting = options[key];
    if (setting === undefined) continue;
    const { check, description } = (MAKERS[key] as (v: unknown, share: ProfileShare) => Made)(setting, share);
    validators.push(Object.freeze({ name: key, description, importance, validate: check }));
  }
  for (const key of registeredCheckKeys()) {
    const setting = (options as Record<string, unknown>)[key];
    const registered = registeredCheck(key);
    if (setting === undefined || !registered) continue;
    const { validate, description } = registered.make(setting);
    validators.push(Object.freeze({ name: key, description, importance, validate: (v: unknown) => validate(v) }));
  }
  return validators;
}
