/**
 * The one date parser of the project: text → epoch milliseconds (UTC), or `undefined`. Every
 * reader of dates uses it (CSV inference and declared `timestamp` columns, `entityHistory` and
 * cut-offs, `isIn` calendars), so a date that one of them accepts, all accept, with the same
 * meaning. Impossible dates (`2023-02-31`, `2023-02-29`, hour 24) are rejected, never rolled over
 * as `Date.parse` does. Integer arithmetic only: no `Date` object, no local time zone.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MONTH_FIRST = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const DAY_FIRST = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];
const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, or undefined when the day does not exist
 * (Howard Hinnant's `days_from_civil`).
 *
 * @example
 * civilDays(1970, 1, 2);  // 1
 * civilDays(2023, 2, 29); // undefined
 */
export function civilDays(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Milliseconds of a wall-clock time, or undefined when out of range (no hour 24, no second 60). */
function clockMs(hour: number, minute: number, second: number, fraction: string | undefined): number | undefined {
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  return ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** The zone's offset from UTC in ms (`Z`, `+02:00`, `-0130`), or undefined for an impossible one. */
function zoneMs(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(-2));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function compose(days: number | undefined, clock: number | undefined, zone: number | undefined): number | undefined {
  return days === undefined || clock === undefined || zone === undefined ? undefined : days * DAY_MS + clock - zone;
}

/**
 * An ISO 8601 date (`2012-01-31`: midnight UTC) or date-time (`2012-01-31T10:30`,
 * `2012-01-31 10:30:15.250+02:00`) as epoch milliseconds. A date-time without a zone is UTC, never
 * local time; fractions beyond milliseconds are truncated. Anything else, or a day, hour or zone
 * that does not exist, is `undefined`.
 *
 * @example
 * parseIsoDate('2012-01-02');            // 1325462400000
 * parseIsoDate('2012-01-01T10:30+02:00'); // 1325406600000
 * parseIsoDate('2023-02-31');            // undefined (not rolled over to 2023-03-03)
 */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const days = civilDays(Number(m[1]), Number(m[2]), Number(m[3]));
  if (m[4] === undefined) return days === undefined ? undefined : days * DAY_MS;
  return compose(days, clockMs(Number(m[4]), Number(m[5]), Number(m[6] ?? 0), m[7]), zoneMs(m[8]));
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const i = MONTHS.findIndex((month) => month === lower || (lower.length === 3 && month.startsWith(lower)));
  return i < 0 ? undefined : i + 1;
}

/**
 * Like `parseIsoDate`, and also dates with an English month name (`Jan 1 2000`, `January 1, 2000`,
 * `1 Jan 2000`, optionally followed by `HH:MM[:SS]`), read as UTC. Numeric forms other than ISO
 * (`1/2/2000`: January or February?) are ambiguous and `undefined`. This is what a column declared
 * `timestamp` accepts; inference and time-series inputs accept ISO only.
 *
 * @example
 * parseDateText('Jan 1 2000');  // 946684800000
 * parseDateText('Feb 30 2000'); // undefined
 */
export function parseDateText(text: string): number | undefined {
  const iso = parseIsoDate(text);
  if (iso !== undefined) return iso;
  let m = MONTH_FIRST.exec(text);
  let parts: [string, string, string] | undefined = m ? [m[3], m[1], m[2]] : undefined;
  if (!m) {
    m = DAY_FIRST.exec(text);
    parts = m ? [m[3], m[2], m[1]] : undefined;
  }
  if (!m || !parts) return undefined;
  const month = monthNumber(parts[1]);
  if (month === undefined) return undefined;
  const days = civilDays(Number(parts[0]), month, Number(parts[2]));
  const clock = m[4] === undefined ? 0 : clockMs(Number(m[4]), Number(m[5]), Number(m[6] ?? 0), undefined);
  return compose(days, clock, 0);
}
