/**
 * The thousands-of-features pattern: every feature family is one `@parameterize` spec made by a
 * cross product of axes (signals × windows × kernels…). Adding a window here adds a column per
 * signal and kernel; nothing else changes.
 */
import { source, value } from 'quiver';
import { featureGrid } from 'quiver';

/** Numeric daily signals: the raw columns and two derived in `WeatherSignals`. */
export const SIGNALS = ['temp_max', 'temp_min', 'precipitation', 'wind', 'temp_range', 'temp_mean'] as const;
/** The categories of the raw `weather` column, one 0/1 indicator each. */
export const KINDS = ['rain', 'sun', 'fog', 'drizzle', 'snow'] as const;
export const INDICATORS = KINDS.map((kind) => `is_${kind}`);

const WINDOWS = [3, 5, 7, 10, 14, 21, 28, 42, 56, 91];
const SPANS = [2, 3, 5, 7, 10, 14, 21, 28, 56, 91];
const LAGS = Array.from({ length: 30 }, (_, i) => i + 1);

/** `weather_is(weather, kind)` → is_rain, is_sun, … */
export const indicatorSpec = featureGrid({ kind: KINDS }, ({ kind }) => [`is_${kind}`, { kind: value(kind) }]);

/** Yesterday's, the day before's, … value of each signal (180), and of each indicator for two weeks (70). */
export const lagSpec = {
  ...featureGrid({ x: SIGNALS, k: LAGS }, ({ x, k }) => [`${x}_lag_${k}`, { x: source(x), k: value(k) }]),
  ...featureGrid({ x: INDICATORS, k: LAGS.slice(0, 14) }, ({ x, k }) => [`${x}_lag_${k}`, { x: source(x), k: value(k) }]),
};

/** Rolling mean / std / min / max of each signal over ten windows (240), plus the share of rainy, sunny… days (50). */
export const rollingSpec = {
  ...featureGrid({ x: SIGNALS, kernel: ['mean', 'std', 'min', 'max'], w: WINDOWS }, ({ x, kernel, w }) => [
    `${x}_${kernel}_${w}`,
    { x: source(x), kernel: value(kernel), window: value(w) },
  ]),
  ...featureGrid({ x: INDICATORS, w: WINDOWS }, ({ x, w }) => [
    `${x}_share_${w}`,
    { x: source(x), kernel: value('mean'), window: value(w) },
  ]),
};

/** Precipitation totals over each window (10). */
export const totalSpec = featureGrid({ w: WINDOWS }, ({ w }) => [`precipitation_total_${w}`, { window: value(w) }]);

/** Exponentially weighted means (60) and today's distance from them (60). */
export const ewmSpec = featureGrid({ x: SIGNALS, span: SPANS }, ({ x, span }) => [`${x}_ewm_${span}`, { x: source(x), span: value(span) }]);
export const ewmGapSpec = featureGrid({ x: SIGNALS, span: SPANS }, ({ x, span }) => [
  `${x}_minus_ewm_${span}`,
  { x: source(x), smooth: source(`${x}_ewm_${span}`) },
]);

/** Rolling z-score (60), range max − min (60) and trend mean(t) − mean(t − w) (60) per signal and window. */
export const zSpec = featureGrid({ x: SIGNALS, w: WINDOWS }, ({ x, w }) => [
  `${x}_z_${w}`,
  { x: source(x), mean: source(`${x}_mean_${w}`), std: source(`${x}_std_${w}`) },
]);
export const rangeSpec = featureGrid({ x: SIGNALS, w: WINDOWS }, ({ x, w }) => [
  `${x}_spread_${w}`,
  { hi: source(`${x}_max_${w}`), lo: source(`${x}_min_${w}`) },
]);
export const trendSpec = featureGrid({ x: SIGNALS, w: WINDOWS }, ({ x, w }) => [
  `${x}_trend_${w}`,
  { mean: source(`${x}_mean_${w}`), w: value(w) },
]);

/** Differences over 1, 2, 3, 7, 14 and 28 days (36). */
export const diffSpec = featureGrid({ x: SIGNALS, k: [1, 2, 3, 7, 14, 28] }, ({ x, k }) => [`${x}_diff_${k}`, { x: source(x), k: value(k) }]);

/** A week's mean as it was 1–5 weeks ago (6 × 3 × 5 = 90). */
export const pastMeanSpec = featureGrid({ x: SIGNALS, w: [7, 14, 28], weeks: [1, 2, 3, 4, 5] }, ({ x, w, weeks }) => [
  `${x}_mean_${w}_${weeks}w_ago`,
  { mean: source(`${x}_mean_${w}`), k: value(7 * weeks) },
]);

/** Per-city statistics up to each day (24) and, fit on the training period only, the city's normal (18). */
export const expandingSpec = featureGrid({ x: SIGNALS, stat: ['mean', 'std', 'min', 'max'] }, ({ x, stat }) => [
  `${x}_so_far_${stat}`,
  { x: source(x), stat: value(stat) },
]);
export const climateSpec = featureGrid({ x: SIGNALS, stat: ['mean', 'std'] }, ({ x, stat }) => [
  `${x}_city_${stat}`,
  { x: source(x), stat: value(stat) },
]);
export const anomalySpec = featureGrid({ x: SIGNALS }, ({ x }) => [`${x}_anomaly`, { x: source(x), normal: source(`${x}_city_mean`) }]);
