/**
 * How one CSV field is recognized as a number, an integer, a boolean or a date. Strict on purpose:
 * `0x10`, `1,5` and `12 apples` are not numbers; dates are ISO 8601 and real calendar days.
 */
import { parseDateText, parseIsoDate } from '../../src/dates/parse-date';

const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INFINITY = /^\s*([+-]?)(?:inf|infinity)\s*$/i;
const INTEGER = /^\s*[+-]?\d+\s*$/;
const BOOLEAN = /^\s*(true|false)\s*$/i;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The number a field holds (decimal, exponent, `inf`, `-Infinity`), or undefined.
 *
 * @example
 * parseNumber('-1e-3'); // -0.001
 * parseNumber('1,5');   // undefined
 */
export function parseNumber(field: string): number | undefined {
  if (DECIMAL.test(field)) return Number(field);
  const inf = INFINITY.exec(field);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  return undefined;
}

/**
 * Whether the field is an integer literal (any size).
 *
 * @example
 * isIntegerToken('-12'); // true
 */
export function isIntegerToken(field: string): boolean {
  return INTEGER.test(field);
}

/**
 * The field as an int32, or undefined when it is not an integer in [-2^31, 2^31 - 1].
 *
 * @example
 * parseInt32('2147483648'); // undefined
 */
export function parseInt32(field: string): number | undefined {
  if (!INTEGER.test(field)) return undefined;
  const n = Number(field);
  return n >= INT32_MIN && n <= INT32_MAX ? n : undefined;
}

/**
 * The field as an int64 (exact, as a bigint), or undefined when it is not an integer in range.
 *
 * @example
 * parseInt64('9007199254740993'); // 9007199254740993n
 */
export function parseInt64(field: string): bigint | undefined {
  if (!INTEGER.test(field)) return undefined;
  const n = BigInt(field.trim());
  return n >= INT64_MIN && n <= INT64_MAX ? n : undefined;
}

/**
 * `true`/`false` in any case, or undefined.
 *
 * @example
 * parseBoolean('TRUE'); // true
 */
export function parseBoolean(field: string): boolean | undefined {
  const m = BOOLEAN.exec(field);
  return m ? m[1].toLowerCase() === 'true' : undefined;
}

/**
 * Epoch milliseconds (UTC) of an ISO 8601 date (`2012-01-01`) or date-time (`2012-01-01T10:30`,
 * `2012-01-01 10:30:00.5+02:00`); a date-time without a zone is taken as UTC. Undefined otherwise,
 * also for days that do not exist (`2012-02-30`). The project's one date parser (`parseIsoDate`).
 *
 * @example
 * parseIsoTimestamp('2012-01-01'); // 1325376000000
 */
export const parseIsoTimestamp: (field: string) => number | undefined = parseIsoDate;

/**
 * Like `parseIsoTimestamp`, and for a column declared `timestamp` also dates with a month name
 * (`Jan 1 2000`, `1 January 2000`), as UTC (`parseDateText`).
 *
 * @example
 * parseAnyTimestamp('Jan 1 2000'); // 946684800000
 */
export const parseAnyTimestamp: (field: string) => number | undefined = parseDateText;
