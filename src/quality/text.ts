/**
 * How numbers, rows and values read in data-quality messages: counts with thousands separators,
 * short percentages, six significant digits, the first few offending rows.
 */

/** How many offending rows a message names; diagnostics keep up to `MAX_SAMPLE_ROWS`. */
export const ROWS_IN_MESSAGE = 3;
/** How many offending rows (and values) the diagnostics keep. */
export const MAX_SAMPLE_ROWS = 5;

/**
 * An integer with thousands separators.
 *
 * @example
 * formatCount(1000000); // '1,000,000'
 */
export function formatCount(n: number): string {
  const text = String(n);
  if (n < 1000 && n > -1000) return text;
  return text.includes('e') ? text : text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A number for people: six significant digits, integers with thousands separators.
 *
 * @example
 * formatNumber(-7.2000001); // '-7.2'
 * formatNumber(1234567.5);  // '1,234,570'
 */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return formatCount(v);
  const rounded = Number(v.toPrecision(6));
  return Number.isInteger(rounded) && Math.abs(rounded) < 1e21 ? formatCount(rounded) : String(rounded);
}

/**
 * A fraction (0–1) as a short percentage: one decimal from 1% up, one significant digit below,
 * never rounded to 0% or 100% unless it is exactly that.
 *
 * @example
 * formatPercent(42 / 1e6); // '0.004%'
 * formatPercent(1 / 3);    // '33.3%'
 */
export function formatPercent(fraction: number): string {
  if (fraction === 0 || fraction === 1 || !Number.isFinite(fraction)) return `${fraction * 100}%`;
  const p = fraction * 100;
  if (p < 0.001) return '<0.001%';
  if (p < 1) return `${Number(p.toPrecision(1))}%`;
  const text = p.toFixed(1).replace(/\.0$/, '');
  return text === '100' ? '>99.9%' : `${text}%`;
}

/**
 * "42 of 1,000,000 values (0.004%)": a count out of a total, with the share.
 *
 * @example
 * countOf(3, 1000); // '3 of 1,000 values (0.3%)'
 */
export function countOf(count: number, total: number, noun = 'values'): string {
  return `${formatCount(count)} of ${formatCount(total)} ${noun} (${formatPercent(count / total)})`;
}

/**
 * Where the first offenders are: "first at rows 17, 912, 4410" or "at row 17".
 *
 * @example
 * atRows([17, 912, 4410, 5000], 42); // 'first at rows 17, 912, 4410'
 */
export function atRows(rows: readonly number[], count: number): string {
  if (count === 1) return `at row ${rows[0]}`;
  const shown = rows.slice(0, ROWS_IN_MESSAGE);
  return `${count > shown.length ? 'first ' : ''}at rows ${shown.join(', ')}`;
}

/**
 * Any value as it should appear in a message: numbers formatted, strings quoted, Dates in ISO.
 *
 * @example
 * formatValue('abc');  // '"abc"'
 * formatValue(12n);    // '12n'
 */
export function formatValue(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (typeof v === 'function') return 'a function';
  if (Array.isArray(v)) {
    const shown = v.slice(0, 10).map(formatValue);
    if (v.length > 10) shown.push(`… ${formatCount(v.length)} values`);
    return `[${shown.join(', ')}]`;
  }
  if (v !== null && typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return `a ${v.constructor?.name ?? 'object'}`;
    try {
      const json = JSON.stringify(v);
      if (json !== undefined) return json.length > 60 ? `${json.slice(0, 57)}...` : json;
    } catch {
      /* fall through to the constructor's name */
    }
    return `a ${v.constructor?.name ?? 'object'}`;
  }
  return String(v);
}

/**
 * "1 value" / "3 values".
 *
 * @example
 * plural(1, 'check'); // '1 check'
 */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : nouns}`;
}
