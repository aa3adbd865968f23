/** Runs one validator on one node's value and never throws: the executor's check node calls it. */
import type { Importance, QualityResult, ValidationOutcome, Validator } from './result';
import { formatValue } from './text';

const NO_DIAGNOSTICS: Readonly<Record<string, unknown>> = Object.freeze({});

function result(node: string, check: string, importance: Importance, outcome: ValidationOutcome): QualityResult {
  return { node, check, importance, passes: outcome.passes, message: outcome.message, diagnostics: outcome.diagnostics ?? NO_DIAGNOSTICS };
}

function isOutcome(v: unknown): v is ValidationOutcome {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Partial<ValidationOutcome>;
  return typeof o.passes === 'boolean' && typeof o.message === 'string' &&
    (o.diagnostics === undefined || (typeof o.diagnostics === 'object' && o.diagnostics !== null));
}

function describeReturn(v: unknown): string {
  if (v instanceof Promise) return 'a Promise (validators must be synchronous)';
  return formatValue(v);
}

/**
 * Runs `validator` on `value` and says what it found about `node`; the result's `check` is `check`
 * (the validator's name, or `name#2` for the second of one name on one feature). A validator that throws, or
 * returns something other than `{ passes, message, diagnostics? }`, gives a failing result whose
 * message says so; `importance` defaults to `'warn'`.
 *
 * @internal
 * @example
 * const positive = { name: 'positive', validate: (x: number) => ({ passes: x > 0, message: `${x} > 0` }) };
 * runCheck('spendMean', positive, 3);
 * // { node: 'spendMean', check: 'positive', importance: 'warn', passes: true, message: '3 > 0', diagnostics: {} }
 */
export function runCheck(node: string, validator: Validator, value: unknown, check = validator.name): QualityResult {
  const importance = validator.importance ?? 'warn';
  let outcome: unknown;
  try {
    outcome = validator.validate(value);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : formatValue(error);
    return result(node, check, importance, {
      passes: false,
      message: `the validator "${validator.name}" itself threw ${reason}; fix the validator`,
      diagnostics: { threw: true, error: reason },
    });
  }
  if (!isOutcome(outcome)) {
    return result(node, check, importance, {
      passes: false,
      message: `the validator "${validator.name}" returned ${describeReturn(outcome)} instead of { passes: boolean, message: string, diagnostics?: object }; fix the validator`,
      diagnostics: { badOutcome: true },
    });
  }
  return result(node, check, importance, outcome);
}
