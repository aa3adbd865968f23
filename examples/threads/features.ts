/** Rolling windows over one long signal: independent columns, so threads() spreads them over the cores. */
import 'reflect-metadata';
import { parameterize, rollingMean, rollingStd, source, value, type ParameterizeSpec } from '../../src';

const means: ParameterizeSpec = {};
const stds: ParameterizeSpec = {};
for (const w of [7, 14, 28, 56, 91, 182, 364]) {
  means[`mean${w}`] = { x: source('signal'), window: value(w) };
  stds[`std${w}`] = { x: source('signal'), window: value(w) };
}

/** Exported: each worker thread loads this class from this module. */
export class Windows {
  @parameterize(means)
  meanOf(x: Float64Array, window: number): Float64Array {
    return rollingMean(x, window);
  }

  @parameterize(stds)
  stdOf(x: Float64Array, window: number): Float64Array {
    return rollingStd(x, window);
  }
}
