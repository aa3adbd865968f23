/**
 * Lags, rolling windows, exponential smoothing and differences of every signal, per city: each
 * method is one template that `@parameterize` (specs in grids.ts) turns into tens of columns.
 */
import 'reflect-metadata';
import {
  checkOutput, diff, div, eq, ewmMean, parameterize, rollingMax, rollingMean, rollingMin, rollingStd, rollingSum,
  shift, sub, where, type Groups,
} from 'quiver';
import {
  diffSpec, ewmGapSpec, ewmSpec, lagSpec, pastMeanSpec, rangeSpec, rollingSpec, totalSpec, trendSpec, zSpec,
} from './grids';

/** One rolling kernel per name: the table `rolling` dispatches through. */
const ROLLING: Readonly<Record<string, typeof rollingMean>> = {
  mean: rollingMean, std: rollingStd, min: rollingMin, max: rollingMax,
};

/** At most this share of a column may be missing: the warm-up of a 91-day window is 6%. */
const MOSTLY_SET = { dataType: 'float64', maxFractionNaNs: 0.15 } as const;

export class WeatherWindows {
  /** The signal `k` days earlier in the same city. */
  @parameterize(lagSpec)
  @checkOutput(MOSTLY_SET)
  lag(x: Float64Array, k: number, groups: Groups): Float64Array {
    return shift(x, k, { groups });
  }

  /** Rolling `kernel` over the last `window` days of the same city (NaN until `window` days are in). */
  @parameterize(rollingSpec)
  @checkOutput(MOSTLY_SET)
  rolling(x: Float64Array, kernel: string, window: number, groups: Groups): Float64Array {
    return ROLLING[kernel](x, window, { groups });
  }

  /** Millimetres of rain over the last `window` days. */
  @parameterize(totalSpec)
  @checkOutput({ ...MOSTLY_SET, range: [0, 2000] })
  precipitation_total(precipitation: Float64Array, window: number, groups: Groups): Float64Array {
    return rollingSum(precipitation, window, { groups });
  }

  /** Exponentially weighted mean with this span (pandas `ewm(span).mean()`, adjust=true). */
  @parameterize(ewmSpec)
  @checkOutput(MOSTLY_SET)
  ewm(x: Float64Array, span: number, groups: Groups): Float64Array {
    return ewmMean(x, { span, groups });
  }

  /** Today's value minus its smoothed value. */
  @parameterize(ewmGapSpec)
  @checkOutput(MOSTLY_SET)
  minus_ewm(x: Float64Array, smooth: Float64Array): Float64Array {
    return sub(x, smooth);
  }

  /** How unusual today is within the window: (x − mean) / std, and 0 when the window is constant (a dry week). */
  @parameterize(zSpec)
  @checkOutput(MOSTLY_SET)
  zscore_in_window(x: Float64Array, mean: Float64Array, std: Float64Array): Float64Array {
    return where(eq(std, 0), 0, div(sub(x, mean), std));
  }

  /** Max minus min over the window. */
  @parameterize(rangeSpec)
  @checkOutput({ ...MOSTLY_SET, range: [0, 200] })
  spread(hi: Float64Array, lo: Float64Array): Float64Array {
    return sub(hi, lo);
  }

  /** The window's mean minus the mean of the window before it. */
  @parameterize(trendSpec)
  @checkOutput({ dataType: 'float64', maxFractionNaNs: 0.25 })
  trend(mean: Float64Array, w: number, groups: Groups): Float64Array {
    return sub(mean, shift(mean, w, { groups }));
  }

  /** Change over `k` days. */
  @parameterize(diffSpec)
  @checkOutput(MOSTLY_SET)
  change(x: Float64Array, k: number, groups: Groups): Float64Array {
    return diff(x, k, { groups });
  }

  /** A rolling mean as it was `k` days ago. */
  @parameterize(pastMeanSpec)
  @checkOutput(MOSTLY_SET)
  mean_ago(mean: Float64Array, k: number, groups: Groups): Float64Array {
    return shift(mean, k, { groups });
  }
}
