/**
 * Per-city aggregates broadcast back to every row. The statistics "so far" use only the past of
 * each row; the city's normal is fit on the training period only (`fitUntil`, from config), so
 * validation and test rows never see their own future.
 */
import 'reflect-metadata';
import {
  checkOutput, expandingMax, expandingMean, expandingMin, expandingStd, groupMean, groupStd, lt, parameterize,
  sub, where, type Groups,
} from 'quiver';
import { anomalySpec, climateSpec, expandingSpec } from './grids';

const EXPANDING: Readonly<Record<string, typeof expandingMean>> = {
  mean: expandingMean, std: expandingStd, min: expandingMin, max: expandingMax,
};
const GROUP: Readonly<Record<string, typeof groupMean>> = { mean: groupMean, std: groupStd };

export class CityStatistics {
  /** The city's statistic over every day up to and including this one. */
  @parameterize(expandingSpec)
  @checkOutput({ dataType: 'float64', maxFractionNaNs: 0.01 })
  so_far(x: Float64Array, stat: string, groups: Groups): Float64Array {
    return EXPANDING[stat](x, { groups });
  }

  /** The city's statistic over the training period (days before `fitUntil`), on every row of the city. */
  @parameterize(climateSpec)
  @checkOutput({ dataType: 'float64', allowNaNs: false, importance: 'fail' })
  city_stat(x: Float64Array, stat: string, groups: Groups, date: Float64Array, fitUntil: number): Float64Array {
    return GROUP[stat](where(lt(date, fitUntil), x, NaN), groups);
  }

  /** Today's value minus the city's normal. */
  @parameterize(anomalySpec)
  @checkOutput({ dataType: 'float64', allowNaNs: false })
  anomaly(x: Float64Array, normal: Float64Array): Float64Array {
    return sub(x, normal);
  }
}
