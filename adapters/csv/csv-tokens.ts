/**
 * How one CSV field is recognized as a number, an integer, a boolean or a date. Strict on purpose:
 * `0x10`, `1,5` and `12 apples` are not numbers; dates are ISO 8601 and real calendar days.
 */

const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INFINITY = /^\s*([+-]?)(?:inf|infinity)\s*$/i;
const INTEGER = /^\s*[+-]?\d+\s*$/;
const BOOLEAN = /^\s*(true|false)\s*$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

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
 * also for days that do not exist (`2012-02-30`).
 *
 * @example
 * parseIsoTimestamp('2012-01-01'); // 1325376000000
 */
export function parseIsoTimestamp(field: string): number | undefined {
  const date = ISO_DATE.exec(field);
  if (date) return utcDay(+date[1], +date[2], +date[3]);
  const m = ISO_DATETIME.exec(field);
  if (!m) return undefined;
  const day = utcDay(+m[1], +m[2], +m[3]);
  if (day === undefined || +m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 59) return undefined;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${(m[7] ?? '').slice(0, 4)}${zone(m[8])}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Like `parseIsoTimestamp`, and for a column declared `timestamp` also any form `Date.parse`
 * reads (`Jan 1 2000`), taken as UTC unless it names a zone.
 *
 * @example
 * parseAnyTimestamp('Jan 1 2000'); // 946684800000
 */
export function parseAnyTimestamp(field: string): number | undefined {
  const iso = parseIsoTimestamp(field);
  if (iso !== undefined) return iso;
  const utc = Date.parse(`${field} UTC`);
  if (!Number.isNaN(utc)) return utc;
  const other = Date.parse(field);
  return Number.isNaN(other) ? undefined : other;
}

function utcDay(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms : undefined;
}

function zone(z: string | undefined): string {
  if (z === undefined || z === 'Z') return 'Z';
  return z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
}
