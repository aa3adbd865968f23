/**
 * Daily weather features for Seattle and New York (vega-datasets' weather.csv), for the command
 * line: no driver to write.
 *
 *   npx quiver run examples/cli/features.ts \
 *     --inputs node_modules/vega-datasets/data/weather.csv \
 *     --out out/weather-features.parquet --report out/weather-run.html --config window=14
 *
 * Each method is a column; each parameter names a column of the CSV (location, date,
 * precipitation, temp_max, temp_min, wind), another feature, or a config key (`window`).
 */
import 'reflect-metadata';
import type { Vector } from 'apache-arrow';
import { checkOutput, dayOfWeek, feature, groupsOf, rollingMean, rollingSum, shift, sub, tag, type Groups } from 'quiver';

export class WeatherFeatures {
  /** One group per city: the CSV lists each city's days together, so no window crosses cities. */
  @feature()
  cities(location: Vector): Groups {
    return groupsOf(location);
  }

  /** Daily temperature range (°C); a negative range would mean min and max are swapped. */
  @checkOutput({ range: [0, 40], allowNaNs: false, importance: 'fail' })
  tempRange(temp_max: Float64Array, temp_min: Float64Array): Float64Array {
    return sub(temp_max, temp_min);
  }

  /** 7-day mean of the daily maximum, per city (NaN for each city's first 6 days). */
  @tag({ owner: 'forecasting' })
  tempMax7d(temp_max: Float64Array, cities: Groups): Float64Array {
    return rollingMean(temp_max, 7, { groups: cities });
  }

  /** Today's maximum minus its 7-day mean. */
  @tag({ owner: 'forecasting' })
  tempAnomaly(temp_max: Float64Array, tempMax7d: Float64Array): Float64Array {
    return sub(temp_max, tempMax7d);
  }

  /** Rain over the last 7 days, per city (mm). */
  @tag({ owner: 'hydrology' })
  precip7d(precipitation: Float64Array, cities: Groups): Float64Array {
    return rollingSum(precipitation, 7, { groups: cities });
  }

  /** Wind smoothed over `window` days (config, default 7); warns about the warm-up rows it leaves NaN. */
  @checkOutput({ allowNaNs: false, importance: 'warn' })
  windSmoothed(wind: Float64Array, cities: Groups, window: number = 7): Float64Array {
    return rollingMean(wind, window, { groups: cities });
  }

  /** Day of the week, Monday = 0. */
  @feature()
  weekday(date: Vector): Float64Array {
    return dayOfWeek(date);
  }

  /** The label: tomorrow's maximum in the same city (NaN on each city's last day). */
  @tag({ role: 'label' })
  @checkOutput({ maxFractionNaNs: 0.01, importance: 'warn' })
  tomorrowTempMax(temp_max: Float64Array, cities: Groups): Float64Array {
    return shift(temp_max, -1, { groups: cities });
  }
}
