/**
 * The main job's frame (examples/weather): over 1,000 features, every check passing, and a sample
 * of features recomputed here from each city's own series by the pandas definitions.
 */
import { weatherFrame, TEST_FROM, VALIDATION_FROM } from '../../examples/weather/frame';
import { readWeather } from '../../examples/weather/data';
import type { TrainingFrame } from '../../src/timeseries';

type Table = Awaited<ReturnType<typeof readWeather>>;

const DAY = 86_400_000;

/** One city's days in time order, read from the same table the job reads. */
function city(table: { numRows: number; getChild(name: string): { get(i: number): unknown } | null }, name: string) {
  const col = (c: string) => Array.from({ length: table.numRows }, (_, i) => table.getChild(c)!.get(i));
  const location = col('location');
  const dates = col('date').map(Number);
  const rows = location.map((_, i) => i).filter((i) => location[i] === name).sort((a, b) => dates[a] - dates[b]);
  const pick = (c: string) => { const all = col(c); return rows.map((i) => all[i]); };
  return {
    t: rows.map((i) => dates[i]),
    tempMax: pick('temp_max') as number[],
    precipitation: pick('precipitation') as number[],
    weather: pick('weather') as string[],
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('examples/weather: the main job', () => {
  let raw: Table;
  let frame: TrainingFrame;
  beforeAll(async () => {
    raw = await readWeather();
    frame = await weatherFrame(raw);
  });

  it('has over 1,000 features, a label, three splits, and passes every check', () => {
    expect(frame.features.length).toBeGreaterThanOrEqual(1000);
    expect(frame.train.numCols).toBe(frame.features.length + 3);
    expect(frame.quality.filter((q) => !q.passes)).toEqual([]);
    expect(frame.quality).toContainEqual(expect.objectContaining({ check: 'leakage', passes: true }));
    const { train, validation, test } = frame.counts;
    // 2 × 1,461 days = warm-up + (last day: no label) + (one gap day before each cut-off) + splits
    expect(frame.counts.warmup + frame.counts.unlabeled + frame.counts.gap + train + validation + test).toBe(2922);
    expect(frame.counts.unlabeled).toBe(2);
    expect(frame.counts.gap).toBe(4);
    expect(frame.ranges.validation).toEqual([Date.parse(VALIDATION_FROM), Date.parse(TEST_FROM) - 2 * DAY]);
  });

  it('runs the entity-isolation check, and leaves it out when asked (the demo\'s --no-isolation-check)', async () => {
    expect(frame.quality).toContainEqual(expect.objectContaining({ check: 'entityIsolation', passes: true }));
    const without = await weatherFrame(raw, [], undefined, false);
    expect(without.quality.some((q) => q.check === 'entityIsolation')).toBe(false);
    expect(without.features).toEqual(frame.features);
  });

  it('computes sampled features from each city alone, as pandas defines them', () => {
    const cities = { Seattle: city(raw, 'Seattle'), 'New York': city(raw, 'New York') };
    const alpha = 2 / (3 + 1); // ewm(span=3)
    for (const split of ['train', 'validation', 'test'] as const) {
      const table = frame[split];
      for (let r = 0; r < table.numRows; r += 37) {
        const c = cities[table.getChild('location')!.get(r) as keyof typeof cities];
        const i = c.t.indexOf(Number(table.getChild('date')!.get(r)));
        const get = (name: string) => table.getChild(name)!.get(r) as number;
        expect(get('label')).toBe(c.tempMax[i + 1]);
        expect(get('temp_max')).toBe(c.tempMax[i]);
        expect(get('temp_max_lag_7')).toBe(c.tempMax[i - 7]);
        expect(close(get('temp_max_mean_7'), sum(c.tempMax.slice(i - 6, i + 1)) / 7)).toBe(true);
        expect(close(get('precipitation_total_28'), sum(c.precipitation.slice(i - 27, i + 1)))).toBe(true);
        const weights = c.tempMax.slice(0, i + 1).map((_, j) => (1 - alpha) ** (i - j));
        const ewm = sum(c.tempMax.slice(0, i + 1).map((x, j) => x * weights[j])) / sum(weights);
        expect(close(get('temp_max_ewm_3'), ewm)).toBe(true);
        const fit = c.tempMax.filter((_, j) => c.t[j] < Date.parse(VALIDATION_FROM));
        expect(close(get('temp_max_city_mean'), sum(fit) / fit.length)).toBe(true);
        expect(get('is_rain')).toBe(c.weather[i] === 'rain' ? 1 : 0);
        expect(get('day_of_week')).toBe((new Date(c.t[i]).getUTCDay() + 6) % 7);
      }
    }
  });
});
