/**
 * Packages quiver does not install for you (optional peer dependencies): required on first use,
 * and when one is missing the error says which package, who needed it and how to install it.
 */
import { MissingDependencyError } from '../src/errors';

/** True when `error` is Node's "cannot find module" for `name` itself, not for one of its dependencies. */
function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'MODULE_NOT_FOUND' && typeof message === 'string' && message.startsWith(`Cannot find module '${name}'`);
}

/**
 * `require(name)`, or a `MissingDependencyError` naming `name`, the caller (`who`) and the fix
 * (`install`: the command and anything else it takes) when the package is not installed.
 *
 * @example
 * const danfo = requireOptional<Danfo>('danfojs-node', 'toDanfo()', 'npm install danfojs-node@1.2.0');
 */
export function requireOptional<T>(name: string, who: string, install: string): T {
  try {
    return require(name) as T;
  } catch (error) {
    if (!isMissing(error, name)) throw error;
    throw new MissingDependencyError(name, `${who} needs the package "${name}", which is not installed. ${install}`, {
      cause: error,
    });
  }
}
