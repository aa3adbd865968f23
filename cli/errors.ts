/**
 * How the command ends: exit codes and the messages printed for errors.
 *   0  it worked
 *   1  the run or the check failed (build errors, missing inputs, failed 'fail' checks, a feature threw)
 *   2  bad usage: a wrong option, a file that is not there, an unknown class or output
 */
import { InputError, QuiverError } from '../src/errors';
import { isUnknownNameCode } from '../src/issue-codes';

/** A command-line mistake: printed as `error: <message>`, exit code 2. */
export class UsageError extends QuiverError {}

/**
 * The exit code for an error that ended a command.
 *
 * @example
 * exitCodeOf(new UsageError('no such file')); // 2
 */
export function exitCodeOf(error: unknown): 1 | 2 {
  if (error instanceof UsageError) return 2;
  if (error instanceof InputError && error.issues.every((i) => isUnknownNameCode(i.code))) return 2;
  return 1;
}

function stackOf(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const own = error.stack ?? `${error.name}: ${error.message}`;
  return cause !== undefined && depth < 5 ? `${own}\nCaused by: ${stackOf(cause, depth + 1)}` : own;
}

/**
 * The text printed for an error: the API's own message, prefixed by its class name; with
 * `verbose`, the stack (and its causes') instead.
 *
 * @example
 * describeError(new InputError('Missing input "spend"'), false); // 'InputError: Missing input "spend"'
 */
export function describeError(error: unknown, verbose: boolean): string {
  if (verbose) return stackOf(error);
  if (error instanceof UsageError) return `error: ${error.message}`;
  if (error instanceof QuiverError) {
    const hint = (error as { cause?: unknown }).cause instanceof Error ? '\n(run again with --verbose to see where it was thrown)' : '';
    return `${error.name}: ${error.message}${hint}`;
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${text}\n(an unexpected error: run again with --verbose for the stack trace)`;
}
