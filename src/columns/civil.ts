/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01, UTC), after
 * Howard Hinnant's `civil_from_days` / `days_from_civil`: integer-only, no `Date` objects. Each
 * field is a small function so the calendar kernels' loops can inline it.
 */

/** Milliseconds per day. */
export const DAY_MS = 86400000;

/** The March-based year of the last {@link marchDay} call (a scratch slot: no allocation per row). */
let marchYear = 0;

/**
 * Day of the March-based year (0 = 1 March … 365; the leap day is its last day) of `days`; the
 * March-based year itself is left in `marchYear`. January and February (days ≥ 306) belong to the
 * calendar year after `marchYear`.
 */
function marchDay(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // day of the 400-year era, 0 … 146096
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  marchYear = yoe + era * 400;
  return doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
}

/** Month index from 1 March (0 = March … 11 = February) of a March-based day. */
function marchMonth(d: number): number {
  return Math.floor((5 * d + 2) / 153);
}

/**
 * Monday 0 … Sunday 6 (1970-01-01 was a Thursday).
 *
 * @example
 * weekday(0);   // 3 (1970-01-01 was a Thursday)
 */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/**
 * Calendar year.
 *
 * @example
 * yearOf(-1);   // 1969
 */
export function yearOf(days: number): number {
  return marchDay(days) >= 306 ? marchYear + 1 : marchYear;
}

/**
 * Month 1–12.
 *
 * @example
 * monthOf(59);   // 3 (1970-03-01)
 */
export function monthOf(days: number): number {
  const mp = marchMonth(marchDay(days));
  return mp < 10 ? mp + 3 : mp - 9;
}

/**
 * Quarter 1–4.
 *
 * @example
 * quarterOf(90);   // 2 (1970-04-01)
 */
export function quarterOf(days: number): number {
  return Math.floor((monthOf(days) - 1) / 3) + 1;
}

/**
 * Day of the month 1–31.
 *
 * @example
 * dayOfMonthOf(31);   // 1 (1970-02-01)
 */
export function dayOfMonthOf(days: number): number {
  const d = marchDay(days);
  return d - Math.floor((153 * marchMonth(d) + 2) / 5) + 1;
}

/**
 * Day of the year 1–366.
 *
 * @example
 * dayOfYearOf(364);   // 365 (1970-12-31)
 */
export function dayOfYearOf(days: number): number {
  const d = marchDay(days);
  if (d >= 306) return d - 305; // January, February
  const y = marchYear;
  return d + 60 + (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0);
}

/**
 * Day number of 1 January of `year`.
 *
 * @example
 * januaryFirst(1971);   // 365
 */
export function januaryFirst(year: number): number {
  const y = year - 1; // January belongs to the March-based year before
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + 306 - 719468;
}

/**
 * ISO 8601 year: the year of the week's Thursday.
 *
 * @example
 * isoYearOf(16803);   // 2015 (2016-01-03)
 */
export function isoYearOf(days: number): number {
  return yearOf(days - weekday(days) + 3);
}

/**
 * ISO 8601 week 1–53: counted from the Thursday of week 1 (the year's first Thursday).
 *
 * @example
 * isoWeekOf(16803);   // 53 (2016-01-03)
 */
export function isoWeekOf(days: number): number {
  const thursday = days - weekday(days) + 3;
  return Math.floor((thursday - januaryFirst(yearOf(thursday))) / 7) + 1;
}
