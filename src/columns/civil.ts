/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01, UTC), after
 * Howard Hinnant's `civil_from_days` / `days_from_civil`: integer-only, no `Date` objects.
 */

/** Milliseconds per day. */
export const DAY_MS = 86400000;

export const DAY_OF_WEEK = 0, ISO_WEEK = 1, ISO_YEAR = 2, MONTH = 3, QUARTER = 4, DAY_OF_YEAR = 5,
  YEAR = 6, DAY_OF_MONTH = 7;

/** Monday 0 … Sunday 6 (1970-01-01 was a Thursday). */
export function weekday(days: number): number {
  const w = (days + 3) % 7;
  return w < 0 ? w + 7 : w;
}

/** Day number of 1 January of `year`. */
export function januaryFirst(year: number): number {
  const y = year - 1; // January counts in the March-based year before
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + 306 - 719468;
}

/** The calendar field `part` (one of the constants above) of day number `days`. */
export function civilPart(days: number, part: number): number {
  if (part === DAY_OF_WEEK) return weekday(days);
  if (part === ISO_WEEK || part === ISO_YEAR) {
    // An ISO week belongs to the year of its Thursday and is numbered from that year's first Thursday.
    const thursday = days - weekday(days) + 3;
    const year = civilPart(thursday, YEAR);
    return part === ISO_YEAR ? year : Math.floor((thursday - januaryFirst(year)) / 7) + 1;
  }
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // day of the 400-year era, 0 … 146096
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doyMarch = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // 0 = 1 March
  const mp = Math.floor((5 * doyMarch + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  switch (part) {
    case YEAR: return year;
    case MONTH: return month;
    case QUARTER: return Math.floor((month - 1) / 3) + 1;
    case DAY_OF_MONTH: return doyMarch - Math.floor((153 * mp + 2) / 5) + 1;
    default: {
      if (month <= 2) return doyMarch - 305;
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
      return doyMarch + 60 + leap;
    }
  }
}
