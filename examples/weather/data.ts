/** The raw history: vega-datasets' weather.csv, Seattle and New York, one row per city and day, 2012–2015. */
import { dirname, join } from 'path';
import { readCsv } from 'quiver';

/** vega-datasets exports only its JS entry (build/index.js); the CSV files sit in data/ beside build/. */
export const WEATHER_CSV = join(dirname(require.resolve('vega-datasets')), '..', 'data', 'weather.csv');

/** An Arrow table: location, date (timestamp), precipitation, temp_max, temp_min, wind (float64), weather. */
export function readWeather(path = WEATHER_CSV) {
  return readCsv(path);
}
