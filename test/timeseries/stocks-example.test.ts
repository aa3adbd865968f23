/**
 * examples/time-series: irregular stock histories with the S&P 500 and US jobs joined as of time.
 * Every joined value is checked by brute force (the last row stamped at or before, within the
 * tolerance), the unmatched counts against the jobs table's start, and a day-counted window by
 * its definition.
 */
import { readJobs, readMarket, readPrices } from '../../examples/time-series/data';
import { stocksFrame } from '../../examples/time-series/frame';

const DAY = 86_400_000;

/** The value of the last row at or before `t` within `tolerance`, or NaN: merge_asof backward by hand. */
function asOf(times: Float64Array, values: Float64Array, t: number, tolerance: number): number {
  let best = -1;
  for (let k = 0; k < times.length; k++) if (times[k] <= t && (best < 0 || times[k] >= times[best])) best = k;
  return best >= 0 && t - times[best] <= tolerance ? values[best] : NaN;
}

test('the joined columns are the values as of each row, and the report counts what matched', async () => {
  const frame = await stocksFrame();
  const { columns, rows } = frame.history;
  const dates = columns.date as Float64Array;
  const market = readMarket();
  const jobs = readJobs();
  expect(rows).toBe(readPrices().date.length);
  for (let i = 0; i < rows; i++) {
    expect(Object.is((columns.m_price as Float64Array)[i], asOf(market.date, market.price, dates[i], 31 * DAY))).toBe(true);
    expect(Object.is((columns.jobs_nonfarm_change as Float64Array)[i], asOf(jobs.month, jobs.nonfarm_change, dates[i], 45 * DAY))).toBe(true);
  }
  const beforeJobs = Array.from(dates).filter((t) => t < jobs.month[0]).length;
  expect(beforeJobs).toBeGreaterThan(0);
  expect(frame.joins.map((j) => [j.columns, j.tolerance, j.rows, j.unmatched, j.tableRows])).toEqual([
    [['m_price'], 31 * DAY, rows, 0, market.date.length],
    [['jobs_nonfarm_change'], 45 * DAY, rows, beforeJobs, jobs.month.length],
  ]);
});

test('momentumQuarter averages the returns of the last 92 days of its own symbol, not the last rows', async () => {
  const frame = await stocksFrame();
  const t = frame.train;
  const symbol = t.getChild('symbol')!.toArray() as unknown as string[];
  const date = Array.from(t.getChild('date')!.toArray() as ArrayLike<number | bigint>, Number);
  const momentum = t.getChild('momentumQuarter')!.toArray() as Float64Array;
  const { columns } = frame.history;
  const hs = Array.from(columns.symbol as ArrayLike<unknown>);
  const hd = columns.date as Float64Array;
  const hp = columns.price as Float64Array;
  let checked = 0;
  for (let r = 0; r < t.numRows; r += 7) {
    const rows = hs.map((_, i) => i).filter((i) => hs[i] === symbol[r]);
    const returns = rows.slice(1).map((i, k) => ({ t: hd[i], v: Math.log(hp[i] / hp[rows[k]]) }));
    const inWindow = returns.filter((x) => x.t > date[r] - 92 * DAY && x.t <= date[r]);
    const expected = inWindow.reduce((s, x) => s + x.v, 0) / inWindow.length;
    expect(momentum[r]).toBeCloseTo(expected, 12);
    checked++;
  }
  expect(checked).toBeGreaterThan(10);
});
