/**
 * The caching story on the weather job: build the frame three times with one cache directory and
 * see what each build computed. The first computes every feature; the second reads them all; the
 * third moves the end of the period the city normals are fit on (a config value), so only the
 * features that read it, and what is built on them, are computed again.
 */
import { buildTrainingFrame, type RawData, type TrainingFrame } from 'quiver';
import { Calendar } from '../weather/calendar';
import { CityStatistics } from '../weather/city';
import { WeatherSignals } from '../weather/signals';
import { WeatherWindows } from '../weather/windows';

/** One build: how many feature nodes were read from the cache and computed, and how long it took. */
export interface Build {
  readonly frame: TrainingFrame;
  readonly read: number;
  readonly computed: readonly string[];
  readonly ms: number;
}

async function build(data: RawData, cache: string, fitUntil: string): Promise<Build> {
  const began = performance.now();
  const frame = await buildTrainingFrame({
    features: [WeatherSignals, WeatherWindows, CityStatistics, Calendar],
    data,
    entity: 'location',
    time: 'date',
    target: 'temp_max',
    include: ['temp_max', 'temp_min', 'precipitation', 'wind'],
    splits: { validation: '2014-07-01', test: '2015-01-01' },
    config: { fitUntil: Date.parse(fitUntil) },
    cache, // a directory: made when missing, shared by every build that names it
  });
  return { frame, read: frame.cache.hits.length, computed: frame.cache.misses, ms: performance.now() - began };
}

/**
 * The three builds, in order: cold, warm, and after a config change.
 *
 * @example
 * const [cold, warm, changed] = await cachingStory(await readWeather(), '.quiver-cache');
 * warm.computed.length;  // 0: every feature read from the cache
 */
export async function cachingStory(data: RawData, cache: string): Promise<[Build, Build, Build]> {
  const cold = await build(data, cache, '2014-07-01');
  const warm = await build(data, cache, '2014-07-01');
  const changed = await build(data, cache, '2014-01-01');
  return [cold, warm, changed];
}
