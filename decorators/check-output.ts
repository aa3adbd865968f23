import { normalizeCheckOptions, type CheckOutputOptions } from '../src/quality';
import { type FeatureDecorator, recordOn } from './record-on';

/**
 * Checks a feature's output while the graph runs. Several on one method all apply. Failed
 * `'warn'` checks are reported in `run().quality`; a failed `'fail'` check stops the run with a
 * `DataValidationError` before anything downstream runs.
 *
 * @example
 * class Features {@checkOutput({ dataType: 'float64', range: [-5, 5], allowNaNs: false, importance: 'fail' })
 *   spendZeroMeanUnitVariance(spendZeroMean: Float64Array, spendStdDev: number): Float64Array {
 *     return div(spendZeroMean, spendStdDev);
 *   }
 * }
 */
export function checkOutput(options: CheckOutputOptions): FeatureDecorator {
  return recordOn('checkOutput', (where) => {
    const normalized = normalizeCheckOptions(options, where);
    return { kind: 'checkOutput', options: normalized, target: normalized.target };
  });
}
