/**
 * On real data shipped with vega-datasets: features computed per entity never see another
 * entity's rows. Each feature is recomputed here from the entity's own series with plain loops.
 */
import 'reflect-metadata';
import { readFileSync } from 'fs';
import { join } from 'path';
import { feature, rollingMean, rollingMax, shift, type Groups } from '../../src';
import { buildTrainingFrame } from '../../src/timeseries/training-frame';

const DATA = join(__dirname, '../../node_modules/vega-datasets/data');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function csvRows(file: string): string[][] {
  return readFileSync(join(DATA, file), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
}

/** A fixed shuffle (so the frame has to sort), seeded. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** pandas rolling(w).mean() / .max() (minPeriods = w) and shift(k) over one entity's own series. */
const naive = {
  mean: (x: number[], i: number, w: number) => (i + 1 < w ? NaN : x.slice(i + 1 - w, i + 1).reduce((a, b) => a + b, 0) / w),
  max: (x: number[], i: number, w: number) => (i + 1 < w ? NaN : Math.max(...x.slice(i + 1 - w, i + 1))),
  lag: (x: number[], i: number, k: number) => (i - k >= 0 ? x[i - k] : NaN),
};

function bySeries(entities: string[], times: number[], values: number[]): Map<string, { t: number[]; x: number[] }> {
  const series = new Map<string, { t: number[]; x: number[] }>();
  const order = entities.map((_, i) => i).sort((a, b) => times[a] - times[b]);
  for (const i of order) {
    const s = series.get(entities[i]) ?? { t: [], x: [] };
    s.t.push(times[i]);
    s.x.push(values[i]);
    series.set(entities[i], s);
  }
  return series;
}

function expectClose(actual: number, expected: number, what: string): void {
  if (Number.isNaN(expected)) {
    if (!Number.isNaN(actual)) throw new Error(`${what}: expected NaN, got ${actual}`);
  } else if (!(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)))) {
    throw new Error(`${what}: expected ${expected}, got ${actual}`);
  }
}

describe('stocks.csv (five tickers, monthly): no window crosses an entity boundary', () => {
  const rows = shuffled(csvRows('stocks.csv'));
  const symbol = rows.map((r) => r[0]);
  const date = rows.map((r) => {
    const [mon, d, y] = r[1].split(' ');
    return Date.UTC(Number(y), MONTHS.indexOf(mon), Number(d));
  });
  const price = rows.map((r) => Number(r[2]));

  class Stock {
    @feature()
    price_ma6(price: Float64Array, groups: Groups): Float64Array {
      return rollingMean(price, 6, { groups });
    }
    @feature()
    price_max12(price: Float64Array, groups: Groups): Float64Array {
      return rollingMax(price, 12, { groups });
    }
    @feature()
    price_lag3(price: Float64Array, groups: Groups): Float64Array {
      return shift(price, 3, { groups });
    }
  }

  it('matches each ticker computed alone, NaN at the start of every ticker, no label past its end', async () => {
    const frame = await buildTrainingFrame({
      features: [Stock], data: { symbol, date: Float64Array.from(date), price: Float64Array.from(price) },
      entity: 'symbol', time: 'date', target: 'price', warmup: 0,
    });
    const series = bySeries(symbol, date, price);
    const t = frame.train;
    expect(frame.history.entities).toEqual(['AAPL', 'AMZN', 'GOOG', 'IBM', 'MSFT']);
    expect(t.numRows).toBe(560 - 5); // 560 rows: one per (ticker, month) without the last month of each ticker
    const seen = new Map<string, number>();
    for (let r = 0; r < t.numRows; r++) {
      const s = t.getChild('symbol')!.get(r) as string;
      const { t: times, x } = series.get(s)!;
      const i = times.indexOf(Number(t.getChild('date')!.get(r)));
      seen.set(s, (seen.get(s) ?? 0) + 1);
      expectClose(t.getChild('price_ma6')!.get(r), naive.mean(x, i, 6), `${s} row ${i} price_ma6`);
      expectClose(t.getChild('price_max12')!.get(r), naive.max(x, i, 12), `${s} row ${i} price_max12`);
      expectClose(t.getChild('price_lag3')!.get(r), naive.lag(x, i, 3), `${s} row ${i} price_lag3`);
      expect(t.getChild('label')!.get(r)).toBe(x[i + 1]);
    }
    expect(Object.fromEntries(seen)).toEqual({ AAPL: 122, AMZN: 122, GOOG: 67, IBM: 122, MSFT: 122 });
  });
});

describe('weather.csv (two cities, daily 2012–2015): no window crosses an entity boundary', () => {
  const rows = shuffled(csvRows('weather.csv'));
  const location = rows.map((r) => r[0]);
  const date = rows.map((r) => r[1]);
  const tempMax = rows.map((r) => Number(r[3]));

  class Weather {
    @feature()
    temp_max_ma28(temp_max: Float64Array, groups: Groups): Float64Array {
      return rollingMean(temp_max, 28, { groups });
    }
    @feature()
    temp_max_lag7(temp_max: Float64Array, groups: Groups): Float64Array {
      return shift(temp_max, 7, { groups });
    }
  }

  it('matches each city computed alone; the warm-up and the split gap apply per city', async () => {
    const frame = await buildTrainingFrame({
      features: [Weather], data: { location, date, temp_max: Float64Array.from(tempMax) },
      entity: 'location', time: 'date', target: 'temp_max', splits: { test: '2015-01-01' },
    });
    const series = bySeries(location, date.map(Date.parse), tempMax);
    expect(Array.from(frame.warmup)).toEqual([27, 27]); // the 28-day mean starts on day 28 in each city
    for (const table of [frame.train, frame.test]) {
      for (let r = 0; r < table.numRows; r++) {
        const city = table.getChild('location')!.get(r) as string;
        const { t: times, x } = series.get(city)!;
        const i = times.indexOf(Number(table.getChild('date')!.get(r)));
        expect(i).toBeGreaterThanOrEqual(27);
        expectClose(table.getChild('temp_max_ma28')!.get(r), naive.mean(x, i, 28), `${city} ${date[i]} ma28`);
        expectClose(table.getChild('temp_max_lag7')!.get(r), naive.lag(x, i, 7), `${city} ${date[i]} lag7`);
        expect(table.getChild('label')!.get(r)).toBe(x[i + 1]);
      }
    }
    // 1,461 days per city: 27 warm-up, 1 gap row (Dec 31, 2014), 1 without a label (Dec 31, 2015)
    expect(frame.counts).toEqual({ history: 2922, warmup: 54, unlabeled: 2, gap: 2, train: 2 * (1096 - 27 - 1), validation: 0, test: 2 * 364 });
    expect(frame.ranges.train).toEqual([Date.parse('2012-01-28'), Date.parse('2014-12-30')]);
  });
});
