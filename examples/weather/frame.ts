/** The weather training frame: which features, which label, where the splits fall. */
import { buildTrainingFrame, type LifecycleAdapter, type RawData, type TrainingFrame } from 'quiver';
import { Calendar } from './calendar';
import { CityStatistics } from './city';
import { readWeather } from './data';
import { WeatherSignals } from './signals';
import { WeatherWindows } from './windows';

export const VALIDATION_FROM = '2014-07-01';
export const TEST_FROM = '2015-01-01';

/**
 * Tomorrow's max temperature in each city, from everything known today. With `cache` (a
 * directory), the features' values are kept there and a second build reads them;
 * `isolationCheck: false` leaves out the entity-isolation check (on by default).
 */
export async function weatherFrame(
  data?: RawData, adapters: readonly LifecycleAdapter[] = [], cache?: string, isolationCheck = true,
): Promise<TrainingFrame> {
  return buildTrainingFrame({
    features: [WeatherSignals, WeatherWindows, CityStatistics, Calendar],
    data: data ?? (await readWeather()),
    entity: 'location',
    time: 'date',
    target: 'temp_max',
    horizon: 1,
    include: ['temp_max', 'temp_min', 'precipitation', 'wind'], // today's values: known when predicting tomorrow
    splits: { validation: VALIDATION_FROM, test: TEST_FROM },
    config: { fitUntil: Date.parse(VALIDATION_FROM) }, // the city's normal is fit on training days only
    adapters,
    isolationCheck,
    ...(cache === undefined ? {} : { cache }),
  });
}
