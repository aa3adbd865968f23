/**
 * Errors crossing from a worker thread: sent as plain data (name, message, stack, own fields) and
 * made again on the main thread, as the same quiver error class when it is one, so a message
 * reads "threw InputError: …" whichever thread the feature ran on.
 */
import * as errors from '../../src/errors';

/** An error as it crosses threads. */
export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly fields: Record<string, unknown>;
}

/**
 * @example
 * const sent = sendError(new InputError('bad'));   // { name: 'InputError', message: 'bad', … }
 */
export function sendError(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: { thrown: safe(error) } };
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    if (key !== 'name' && key !== 'message' && key !== 'stack') fields[key] = safe((error as never)[key]);
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

function safe(v: unknown): unknown {
  try {
    return structuredClone(v);
  } catch {
    return String(v);
  }
}

/**
 * The error again: an instance of the quiver error class it was, else of a built-in error class
 * of that name, else of `Error` with its name kept.
 *
 * @example
 * reviveError(sendError(new InputError('bad'))) instanceof InputError   // true
 */
export function reviveError(sent: SentError): Error {
  const quiver = (errors as Record<string, unknown>)[sent.name];
  const builtIn = (globalThis as Record<string, unknown>)[sent.name];
  const Ctor = [quiver, builtIn].find((c) => typeof c === 'function' && (c as Function).prototype instanceof Error) as
    | (new () => Error)
    | undefined;
  const error: Error = Object.create((Ctor ?? Error).prototype);
  Object.defineProperty(error, 'message', { value: sent.message, writable: true, configurable: true });
  Object.defineProperty(error, 'name', { value: sent.name, writable: true, configurable: true });
  if (sent.stack !== undefined) {
    Object.defineProperty(error, 'stack', { value: sent.stack, writable: true, configurable: true });
  }
  Object.assign(error, sent.fields);
  return error;
}
