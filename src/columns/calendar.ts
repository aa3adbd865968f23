/**
 * Calendar fields of timestamps (UTC), as pandas' `Series.dt` accessors. `t` is epoch
 * milliseconds (a `Float64Array`) or an Arrow Date/Timestamp vector; NaN (or null) gives NaN.
 * `opts.groups` is accepted and changes nothing.
 */
import { output, type KernelOptions, kernelOptions } from './options';
import { epochMillis, type TimeColumn } from './time-input';
import {
  DAY_MS, dayOfMonthOf, dayOfYearOf, isoWeekOf, isoYearOf, monthOf, quarterOf, yearOf,
} from './civil';
// Bound once: a loop reading the global `Math` per row runs ~100x slower inside jest's vm sandbox.
const { floor } = Math;

/** Applies `field` to the day number of each finite timestamp; NaN otherwise. */
function calendarKernel(kernel: string, t: TimeColumn, opts: KernelOptions | undefined, field: (days: number) => number): Float64Array {
  kernelOptions(kernel, opts);
  const ms = epochMillis(kernel, t);
  const n = ms.length;
  const out = output(kernel, n, opts?.out);
  for (let i = 0; i < n; i++) {
    const v = ms[i];
    out[i] = v - v === 0 ? field(floor(v / DAY_MS)) : NaN;
  }
  return out;
}

/**
 * Day of the week, Monday 0 … Sunday 6 (pandas `dt.dayofweek`).
 *
 * @example
 * dayOfWeek(new Float64Array([Date.UTC(2024, 0, 1)]));   // [0] (a Monday)
 */
export function dayOfWeek(t: TimeColumn, opts?: KernelOptions): Float64Array {
  // One modulo per row: a call per row would double its cost, so this field gets its own loop.
  kernelOptions('dayOfWeek', opts);
  const ms = epochMillis('dayOfWeek', t);
  const n = ms.length;
  const out = output('dayOfWeek', n, opts?.out);
  for (let i = 0; i < n; i++) {
    const v = ms[i];
    out[i] = v - v === 0 ? (((floor(v / DAY_MS) + 3) % 7) + 7) % 7 : NaN;
  }
  return out;
}

/**
 * ISO 8601 week number 1–53 (pandas `dt.isocalendar().week`): weeks start on Monday and week 1
 * holds the year's first Thursday, so early-January days can be in week 52/53 of the year before.
 *
 * @example
 * isoWeek(new Float64Array([Date.UTC(2016, 0, 3), Date.UTC(2018, 11, 31)]));   // [53, 1]
 */
export function isoWeek(t: TimeColumn, opts?: KernelOptions): Float64Array {
  return calendarKernel('isoWeek', t, opts, isoWeekOf);
}

/**
 * The year an ISO week belongs to (pandas `dt.isocalendar().year`).
 *
 * @example
 * isoYear(new Float64Array([Date.UTC(2016, 0, 3), Date.UTC(2018, 11, 31)]));   // [2015, 2019]
 */
export function isoYear(t: TimeColumn, opts?: KernelOptions): Float64Array {
  return calendarKernel('isoYear', t, opts, isoYearOf);
}

/**
 * Month 1–12 (pandas `dt.month`).
 *
 * @example
 * month(new Float64Array([Date.UTC(2024, 11, 25)]));   // [12]
 */
export function month(t: TimeColumn, opts?: KernelOptions): Float64Array {
  return calendarKernel('month', t, opts, monthOf);
}

/**
 * Quarter 1–4 (pandas `dt.quarter`).
 *
 * @example
 * quarter(new Float64Array([Date.UTC(2024, 3, 1)]));   // [2]
 */
export function quarter(t: TimeColumn, opts?: KernelOptions): Float64Array {
  return calendarKernel('quarter', t, opts, quarterOf);
}

/**
 * Day of the year 1–366 (pandas `dt.dayofyear`); 31 December is 366 in leap years.
 *
 * @example
 * dayOfYear(new Float64Array([Date.UTC(2024, 2, 1)]));   // [61]
 */
export function dayOfYear(t: TimeColumn, opts?: KernelOptions): Float64Array {
  return calendarKernel('dayOfYear', t, opts, dayOfYearOf);
}

/**
 * Day of the month 1–31 (pandas `dt.day`).
 *
 * @example
 * dayOfMonth(new Float64Array([Date.UTC(2024, 1, 29)]));   // [29]
 */
export function dayOfMonth(t: TimeColumn, opts?: KernelOptions): Float64Array {
  return calendarKernel('dayOfMonth', t, opts, dayOfMonthOf);
}

/**
 * Calendar year (pandas `dt.year`).
 *
 * @example
 * year(new Float64Array([Date.UTC(1999, 11, 31, 23)]));   // [1999]
 */
export function year(t: TimeColumn, opts?: KernelOptions): Float64Array {
  return calendarKernel('year', t, opts, yearOf);
}
