/**
 * Issue codes that carry meaning beyond their message. The command line reads them to choose its
 * exit code, so producers type them (`satisfies UnknownNameCode`) and a typo fails to compile.
 */

/**
 * Codes meaning a name given to quiver (an output, a node to draw) does not exist, or too many
 * were given: on the command line these are usage errors (exit code 2), not failed runs.
 */
export const UNKNOWN_NAME_CODES = ['unknown-output', 'unknown-node', 'too-many-nodes'] as const;

/** One of `UNKNOWN_NAME_CODES`. */
export type UnknownNameCode = (typeof UNKNOWN_NAME_CODES)[number];

/** An issue's code: one of the typed codes above, or another stable kebab-case code. */
export type IssueCode = UnknownNameCode | (string & {});

const UNKNOWN_NAMES: ReadonlySet<string> = new Set(UNKNOWN_NAME_CODES);

/**
 * True when `code` says a given name does not exist (see `UNKNOWN_NAME_CODES`).
 *
 * @example
 * isUnknownNameCode('unknown-output'); // true
 * isUnknownNameCode('cycle');          // false
 */
export function isUnknownNameCode(code: string): code is UnknownNameCode {
  return UNKNOWN_NAMES.has(code);
}
