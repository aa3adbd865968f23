/**
 * What a feature throws on a worker thread, sent as plain data and made again on the main thread,
 * so the run fails with the same error, class and wording as under inline():
 * - an error comes back as an instance of its own class when the main thread has that class: a
 *   quiver error class, a built-in one (`TypeError`…), or a class exported by a module both
 *   threads loaded (the user's `class RateLimitError extends Error`, exported); its name,
 *   message, stack, own fields and `cause` chain are kept;
 * - anything else thrown (a string, a number, a plain object) comes back as that value.
 * Only an error of a class nobody exports comes back as an `Error` keeping its name (so the
 * message still reads "threw RateLimitError: …"), and a value that cannot be copied as its text.
 */
import * as errors from '../../src/errors';
import { moduleOf, type ExportLocation } from './module-of';

/** An error as it crosses threads. */
export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly fields: Record<string, unknown>;
  /** Where the main thread finds the error's class, when a loaded module exports it. */
  readonly at?: ExportLocation;
  /** The error's `cause`, sent the same way. */
  readonly cause?: SentThrown;
}

/** Whatever was thrown, as it crosses threads: an error, or a value thrown as it is. */
export type SentThrown = SentError | { readonly thrown: unknown };

/** Sent as their own fields, not among the error's other own fields. */
const SENT_APART = new Set(['name', 'message', 'stack', 'cause']);

/**
 * @example
 * const sent = sendError(new InputError('bad'));   // { name: 'InputError', message: 'bad', … }
 * sendError('no data');                            // { thrown: 'no data' }
 */
export function sendError(error: unknown, depth = 0): SentThrown {
  if (!(error instanceof Error)) return { thrown: safe(error) };
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    if (!SENT_APART.has(key)) fields[key] = safe((error as never)[key]);
  }
  const sent: SentError = { name: error.name, message: error.message, stack: error.stack, fields };
  const at = isOwnClass(error.constructor) ? moduleOf(error.constructor) : undefined;
  const hasCause = 'cause' in error && depth < 8;
  return {
    ...sent,
    ...(at ? { at } : {}),
    ...(hasCause ? { cause: sendError((error as { cause?: unknown }).cause, depth + 1) } : {}),
  };
}

/** A class the main thread would not find by name alone (not quiver's, not a global). */
function isOwnClass(ctor: unknown): ctor is Function {
  if (typeof ctor !== 'function' || ctor === Error) return false;
  return classByName(ctor.name) !== ctor;
}

function safe(v: unknown): unknown {
  try {
    return structuredClone(v);
  } catch {
    return String(v);
  }
}

function classByName(name: string): Function | undefined {
  const quiver = (errors as Record<string, unknown>)[name];
  const builtIn = (globalThis as Record<string, unknown>)[name];
  return [quiver, builtIn].find((c) => typeof c === 'function' && (c as Function).prototype instanceof Error) as
    | Function
    | undefined;
}

/** The exported class at `at`, when its module is already loaded on this thread (nothing is loaded here). */
function exportedClass(at: ExportLocation | undefined): Function | undefined {
  if (at === undefined) return undefined;
  const exports = (require.cache as Record<string, NodeModule | undefined>)[at.module]?.exports as unknown;
  const value = at.exportName === undefined
    ? exports
    : (exports as Record<string, unknown> | undefined)?.[at.exportName];
  return typeof value === 'function' && value.prototype instanceof Error ? value : undefined;
}

/**
 * The thrown value again: an error of the class it was (see the module comment), or the value.
 *
 * @example
 * reviveError(sendError(new InputError('bad'))) instanceof InputError   // true
 * reviveError(sendError('no data'));                                      // 'no data'
 */
export function reviveError(sent: SentThrown): unknown {
  if ('thrown' in sent) return sent.thrown;
  const Ctor = exportedClass(sent.at) ?? classByName(sent.name) ?? Error;
  const error: Error = Object.create(Ctor.prototype);
  Object.defineProperty(error, 'message', { value: sent.message, writable: true, configurable: true });
  Object.defineProperty(error, 'name', { value: sent.name, writable: true, configurable: true });
  if (sent.stack !== undefined) {
    Object.defineProperty(error, 'stack', { value: sent.stack, writable: true, configurable: true });
  }
  if (sent.cause !== undefined) {
    Object.defineProperty(error, 'cause', { value: reviveError(sent.cause), writable: true, configurable: true });
  }
  Object.assign(error, sent.fields);
  return error;
}
