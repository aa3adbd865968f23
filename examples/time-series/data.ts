/**
 * The second story's data, all from vega-datasets: monthly closing prices of five stocks
 * (stocks.csv: GOOG starts in 2004, AMZN… each its own span), with a seeded tenth of the rows
 * dropped so every history is irregular; and two exogenous tables stamped in their own time —
 * the S&P 500's monthly level (sp500.csv) and the US monthly change in jobs (us-employment.csv,
 * 2006 on only).
 */
import { readFileSync } from 'fs';
import { dirname, join } from 'path';

const DATA = join(dirname(require.resolve('vega-datasets')), '..', 'data');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Jan 1 2000` (the vega files' dates) → epoch ms at UTC midnight. */
function parseDay(text: string): number {
  const [mon, day, year] = text.split(' ');
  const m = MONTHS.indexOf(mon);
  if (m < 0 || !day || !year) throw new Error(`unexpected date "${text}"`);
  return Date.UTC(Number(year), m, Number(day));
}

function csv(file: string): string[][] {
  return readFileSync(join(DATA, file), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
}

/** A deterministic hash in [0, 1): which rows to drop, the same on every machine. */
function unit(i: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** Monthly prices per symbol, one row in ten dropped: `{ symbol, date, price }` (date in epoch ms). */
export function readPrices(dropShare = 0.1) {
  const rows = csv('stocks.csv').filter((_, i) => unit(i) >= dropShare);
  return {
    symbol: rows.map((r) => r[0]),
    date: Float64Array.from(rows, (r) => parseDay(r[1])),
    price: Float64Array.from(rows, (r) => Number(r[2])),
  };
}

/** The S&P 500 at the start of each month: `{ date, price }`. */
export function readMarket() {
  const rows = csv('sp500.csv');
  return { date: Float64Array.from(rows, (r) => parseDay(r[0])), price: Float64Array.from(rows, (r) => Number(r[1])) };
}

/** Jobs added in the US each month (thousands), stamped at the month's first day: `{ month, nonfarm_change }`. */
export function readJobs() {
  const [header, ...rows] = readFileSync(join(DATA, 'us-employment.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  const change = header.indexOf('nonfarm_change');
  return {
    month: Float64Array.from(rows, (r) => Date.parse(`${r[0]}T00:00:00Z`)),
    nonfarm_change: Float64Array.from(rows, (r) => Number(r[change])),
  };
}
