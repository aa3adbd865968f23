/**
 * `registerCheck`: adds a key to `@checkOutput`, so a user can add a check without editing quiver.
 * Registered checks run after the built-in ones, in registration order, and report like them.
 */
import { RegistrationError } from '../errors';
import { assertRegistryName } from '../registry-name';
import type { ValidationOutcome } from './result';

/** What `registerCheck` takes. */
export interface CheckDefinition<Option = unknown> {
  /** `null` when the option value is usable, else what it must be ("must be a number > 0"). */
  readonly accepts?: (option: unknown) => string | null;
  /** The check with its option bound, and how reports describe it. */
  readonly make: (option: Option) => {
    readonly validate: (value: unknown) => ValidationOutcome;
    readonly description: string;
  };
}

const REGISTERED = new Map<string, CheckDefinition>();
let builtInKeys: readonly string[] = [];

/**
 * Called once by src/quality/options.ts with the keys that cannot be taken.
 *
 * @internal
 * @example
 * reserveCheckKeys(['range', 'importance']);
 */
export function reserveCheckKeys(keys: readonly string[]): void {
  builtInKeys = keys;
}

/**
 * The registered check of option key `key`, if any.
 *
 * @internal
 * @example
 * registeredCheck('positive')?.make(true);
 */
export function registeredCheck(key: string): CheckDefinition | undefined {
  return REGISTERED.get(key);
}

/**
 * The registered check keys, in registration order.
 *
 * @internal
 * @example
 * registeredCheckKeys(); // ['positive']
 */
export function registeredCheckKeys(): readonly string[] {
  return [...REGISTERED.keys()];
}

/**
 * Registers a check under `name`: `@checkOutput({ [name]: option })` then validates `option` with
 * `accepts` when the class is defined, and runs `make(option).validate` on the feature's value.
 * A built-in key cannot be taken; a name registered before is a `RegistrationError` unless
 * `{ override: true }` (graphs built after that use the new definition).
 *
 * @example
 * registerCheck('positive', {
 *   accepts: (o) => (typeof o === 'boolean' ? null : 'must be true or false'),
 *   make: () => ({
 *     description: 'every value > 0',
 *     validate: (x) => ({ passes: Array.from(x as Float64Array).every((v) => v > 0), message: 'values > 0' }),
 *   }),
 * });
 */
export function registerCheck<Option>(
  name: string,
  definition: CheckDefinition<Option>,
  options: { override?: boolean } = {},
): void {
  assertRegistryName('registerCheck', name);
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
    throw new RegistrationError(
      `registerCheck: "${name}" must be a JavaScript identifier, as it is an option key of @checkOutput.`,
    );
  }
  if (builtInKeys.includes(name)) {
    throw new RegistrationError(
      `registerCheck("${name}"): "${name}" is a built-in @checkOutput option; choose another name.`,
    );
  }
  const d = definition as Partial<CheckDefinition<Option>> | null;
  const usable = d !== null && typeof d === 'object' && typeof d.make === 'function' &&
    (d.accepts === undefined || typeof d.accepts === 'function');
  if (!usable) {
    throw new RegistrationError(
      `registerCheck("${name}") takes { make(option) → { validate, description }, accepts?(option) }.`,
    );
  }
  if (REGISTERED.has(name) && !options.override) {
    throw new RegistrationError(
      `registerCheck("${name}"): a check of this name is registered. Pass { override: true } to replace it.`,
    );
  }
  REGISTERED.set(name, Object.freeze({ accepts: d.accepts, make: d.make }) as CheckDefinition);
}
