/**
 * Real data: vega-datasets' stocks.csv (five tickers, monthly prices, one ticker after another).
 * Every per-entity kernel run on the whole column with groupsOf(symbol) must give exactly what
 * the same kernel gives on each ticker's rows alone: no value crosses from one ticker to the next.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  cumsum, diff, ewmMean, expandingMax, ffill, groupsOf, month, pctChange, rollingMax, rollingMean, rollingStd, shift,
  year, zscore, type KernelOptions,
} from '../../src/columns';
import { expectClose } from './helpers';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const file = path.join(__dirname, '../../node_modules/vega-datasets/data/stocks.csv');
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
const symbol = rows.map((r) => r[0]);
const price = Float64Array.from(rows, (r) => Number(r[2]));
const time = Float64Array.from(rows, (r) => {
  const [mon, day, yr] = r[1].split(' ');
  return Date.UTC(Number(yr), MONTHS.indexOf(mon), Number(day));
});
const tickers = [...new Set(symbol)];

type Kernel = (x: Float64Array, opts?: KernelOptions) => Float64Array;
const kernels: Record<string, Kernel> = {
  'rollingMean(3)': (x, o) => rollingMean(x, 3, o),
  'rollingMean(12, minPeriods 1)': (x, o) => rollingMean(x, 12, { ...o, minPeriods: 1 }),
  'rollingStd(6)': (x, o) => rollingStd(x, 6, o),
  'rollingMax(4)': (x, o) => rollingMax(x, 4, o),
  'shift(1)': (x, o) => shift(x, 1, o),
  'shift(-1) (label)': (x, o) => shift(x, -1, o),
  'diff': (x, o) => diff(x, 1, o),
  'pctChange(12)': (x, o) => pctChange(x, 12, o),
  'ewmMean(span 6)': (x, o) => ewmMean(x, { ...o, span: 6 }),
  'expandingMax': (x, o) => expandingMax(x, o),
  'cumsum': (x, o) => cumsum(x, o),
  'zscore': (x, o) => zscore(x, o),
  'ffill': (x, o) => ffill(x, o),
};

describe('stocks.csv per ticker', () => {
  const groups = groupsOf(symbol);

  it('has five tickers in contiguous runs', () => {
    expect(tickers).toEqual(['MSFT', 'AMZN', 'IBM', 'GOOG', 'AAPL']);
    expect(Array.from(groups.starts)).toEqual([0, 123, 246, 369, 437]);
  });

  it.each(Object.keys(kernels))('%s with groups equals the kernel run on each ticker alone', (name) => {
    const kernel = kernels[name];
    const grouped = kernel(price, { groups });
    const separately = tickers.flatMap((t) => Array.from(kernel(price.filter((_, i) => symbol[i] === t))));
    expect(Array.from(grouped)).toEqual(separately);
  });

  it('starts every ticker afresh: the first window of GOOG holds only GOOG prices', () => {
    const first = groups.starts[3];
    const ma = rollingMean(price, 3, { groups });
    expectClose(ma.subarray(first, first + 3), [NaN, NaN, (price[first] + price[first + 1] + price[first + 2]) / 3]);
    const ungrouped = rollingMean(price, 3);
    expectClose([ungrouped[first]], [(price[first - 2] + price[first - 1] + price[first]) / 3]); // what leakage would look like
    const label = shift(price, -1, { groups });
    expect(label[first - 1]).toBeNaN(); // IBM's last row gets no GOOG price as its label
  });

  it('reads the dates as UTC months and years', () => {
    expect(Array.from(month(time)).slice(0, 3)).toEqual([1, 2, 3]);
    expect(year(time)[0]).toBe(2000);
    expect(Array.from(month(time)).every((m, i) => MONTHS[m - 1] === rows[i][1].split(' ')[0])).toBe(true);
  });
});
