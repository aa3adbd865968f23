/** The weather job's feature classes in one module: what `quiver list`/`quiver types` read. */
export { WeatherSignals } from './signals';
export { WeatherWindows } from './windows';
export { CityStatistics } from './city';
export { Calendar } from './calendar';
