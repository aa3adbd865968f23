/**
 * The name rule both registries share (`registerFormat`, `registerCheck`): a letter, then letters,
 * digits, `_`, `-`, `.`, `+` or spaces, 64 characters at most.
 */
import { RegistrationError } from './errors';

const NAME = /^[A-Za-z][\w .+-]{0,63}$/;

/**
 * Throws a `RegistrationError` unless `name` is a usable registry name.
 *
 * @example
 * assertRegistryName('registerCheck', 'positive'); // fine
 * assertRegistryName('registerCheck', '');         // throws RegistrationError
 */
export function assertRegistryName(where: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new RegistrationError(
      `${where}: the name must be a string that starts with a letter and has at most 64 letters, digits, ` +
        `"_", "-", ".", "+" or spaces; got ${typeof name === 'string' ? JSON.stringify(name) : String(name)}.`,
    );
  }
}
