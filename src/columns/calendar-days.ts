/**
 * "Is this day in my list?" for user calendars (holidays, promotions), matched on the UTC day.
 */
import { InputError } from '../errors';
import { output, type KernelOptions, kernelOptions } from './options';
import { epochMillis, type TimeColumn } from './time-input';
import { DAY_MS } from './civil';
import { parseIsoDate } from '../dates/parse-date';
// Bound once: a loop reading the global `Math` per row runs ~100x slower inside jest's vm sandbox.
const { floor } = Math;

/** A calendar entry: epoch milliseconds, a `Date`, or a `YYYY-MM-DD` string. */
export type CalendarDay = number | Date | string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_BITMAP_DAYS = 1 << 24; // ~46,000 years: beyond that, a Set

function dayOf(entry: CalendarDay, index: number): number {
  let ms = NaN;
  if (typeof entry === 'number') ms = entry;
  else if (entry instanceof Date) ms = entry.getTime();
  else if (typeof entry === 'string' && ISO_DATE.test(entry)) ms = parseIsoDate(entry) ?? NaN;
  if (!Number.isFinite(ms)) {
    const shown = typeof entry === 'string' ? `"${entry}"` : String(entry);
    throw new InputError(
      `isIn: calendar entry ${index} (${shown}) is not a day; use epoch milliseconds, a valid Date or a "YYYY-MM-DD" string.`,
    );
  }
  return floor(ms / DAY_MS);
}

/**
 * 1 where the UTC day of `t` is one of the days in `calendar`, else 0; NaN for NaN. The time of
 * day is ignored on both sides.
 *
 * @example
 * const holidays = ['2024-12-25', '2025-01-01'];
 * isIn(new Float64Array([Date.UTC(2024, 11, 25, 15), Date.UTC(2024, 11, 26)]), holidays);   // [1, 0]
 */
export function isIn(t: TimeColumn, calendar: Iterable<CalendarDay>, opts?: KernelOptions): Float64Array {
  kernelOptions('isIn', opts);
  if (calendar === null || typeof (calendar as Iterable<CalendarDay>)?.[Symbol.iterator] !== 'function' || typeof calendar === 'string') {
    throw new InputError('isIn: calendar must be a list of days (epoch ms, Dates or "YYYY-MM-DD" strings).');
  }
  const days: number[] = [];
  let index = 0;
  for (const entry of calendar) days.push(dayOf(entry, index++));
  const ms = epochMillis('isIn', t);
  const out = output('isIn', ms.length, opts?.out);
  if (days.length === 0) {
    for (let i = 0; i < ms.length; i++) out[i] = ms[i] === ms[i] ? 0 : NaN;
    return out;
  }
  let first = days[0], last = days[0];
  for (const d of days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const span = last - first + 1;
  if (span <= MAX_BITMAP_DAYS) {
    const bitmap = new Uint8Array(span);
    for (const d of days) bitmap[d - first] = 1;
    for (let i = 0; i < ms.length; i++) {
      const v = ms[i];
      if (v !== v) { out[i] = NaN; continue; }
      const d = floor(v / DAY_MS) - first;
      out[i] = d >= 0 && d < span ? bitmap[d] : 0;
    }
  } else {
    const set = new Set(days);
    for (let i = 0; i < ms.length; i++) {
      const v = ms[i];
      out[i] = v !== v ? NaN : set.has(floor(v / DAY_MS)) ? 1 : 0;
    }
  }
  return out;
}
