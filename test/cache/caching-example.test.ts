/**
 * examples/caching: three builds of the weather frame on one cache directory. The second reads
 * every feature and gives the same tables; after the config change exactly the nodes downstream of
 * `fitUntil` are computed (the graph says which), and the frame equals an uncached build's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from '../../src';
import { buildTrainingFrame } from '../../src/timeseries/training-frame';
import { cachingStory } from '../../examples/caching/story';
import { readWeather } from '../../examples/weather/data';
import { Calendar } from '../../examples/weather/calendar';
import { CityStatistics } from '../../examples/weather/city';
import { WeatherSignals } from '../../examples/weather/signals';
import { WeatherWindows } from '../../examples/weather/windows';

const CLASSES = [WeatherSignals, WeatherWindows, CityStatistics, Calendar];
type T = { numRows: number; schema: { fields: { name: string }[] }; getChild(n: string): { toArray(): ArrayLike<unknown> } | null };
const columns = (t: T) => Object.fromEntries(t.schema.fields.map((f) => [f.name, Array.from(t.getChild(f.name)!.toArray(), Number)]));

test('cold computes every feature, warm reads them all, a config change recomputes only what reads it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'quiver-caching-example-'));
  try {
    const data = await readWeather();
    const [cold, warm, changed] = await cachingStory(data, dir);
    expect(cold.read).toBe(0);
    expect(cold.computed.length).toBeGreaterThan(1000);
    expect(warm.computed).toEqual([]);
    expect(warm.read).toBe(cold.computed.length);
    expect(columns(warm.frame.train)).toEqual(columns(cold.frame.train));

    const downstream = new Builder().withFeatures(...CLASSES).withConfig({ fitUntil: 0 }).build().whatIsDownstreamOf('fitUntil');
    const expected = downstream.filter((name) => cold.computed.includes(name));
    expect(expected.length).toBeGreaterThan(0);
    expect([...changed.computed].sort()).toEqual(expected.sort());
    expect(changed.read + changed.computed.length).toBe(cold.computed.length);

    const plain = await buildTrainingFrame({
      features: CLASSES, data, entity: 'location', time: 'date', target: 'temp_max',
      include: ['temp_max', 'temp_min', 'precipitation', 'wind'], splits: { validation: '2014-07-01', test: '2015-01-01' },
      config: { fitUntil: Date.parse('2014-01-01') }, isolationCheck: false,
    });
    expect(columns(changed.frame.test)).toEqual(columns(plain.test));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
