/** Daily signals derived from the raw columns: the day's temperature range and midpoint, and the weather kind as 0/1. */
import 'reflect-metadata';
import { add, checkOutput, mul, parameterize, sub } from 'quiver';
import { indicatorSpec } from './grids';

export class WeatherSignals {
  /** Max minus min temperature of the day (°C). */
  @checkOutput({ dataType: 'float64', range: [0, 40], allowNaNs: false })
  temp_range(temp_max: Float64Array, temp_min: Float64Array): Float64Array {
    return sub(temp_max, temp_min);
  }

  /** Midpoint of the day's max and min temperature (°C). */
  @checkOutput({ dataType: 'float64', range: [-30, 45], allowNaNs: false })
  temp_mean(temp_max: Float64Array, temp_min: Float64Array): Float64Array {
    return mul(add(temp_max, temp_min), 0.5);
  }

  /** 1 on days whose `weather` is `kind`, else 0 (NaN where the weather is missing). */
  @parameterize(indicatorSpec)
  @checkOutput({ valuesIn: [0, 1], allowNaNs: false, importance: 'fail' })
  weather_is(weather: string[], kind: string): Float64Array {
    const out = new Float64Array(weather.length);
    for (let i = 0; i < weather.length; i++) out[i] = weather[i] == null ? NaN : weather[i] === kind ? 1 : 0;
    return out;
  }
}
