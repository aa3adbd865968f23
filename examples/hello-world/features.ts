/**
 * Hamilton's classic hello-world, as quiver features: each method is a column, each parameter
 * names the column (or input) it needs.
 */
import 'reflect-metadata';
import { checkOutput, feature, tag, div, mean, rollingMean, std, sub } from 'quiver';

export class SpendFeatures {
  /** Rolling 3-week average spend. */
  @tag({ owner: 'marketing', pii: 'false' })
  avg3wkSpend(spend: Float64Array): Float64Array {
    return rollingMean(spend, 3);
  }

  /** The cost per signup in relation to spend. */
  @feature()
  spendPerSignup(spend: Float64Array, signups: Float64Array): Float64Array {
    return div(spend, signups);
  }

  /** Mean spend (NaN skipped). */
  @feature()
  spendMean(spend: Float64Array): number {
    return mean(spend);
  }

  /** Spend shifted to a zero mean. */
  @feature()
  spendZeroMean(spend: Float64Array, spendMean: number): Float64Array {
    return sub(spend, spendMean);
  }

  /** Standard deviation of spend (ddof 1, as pandas). */
  @feature()
  spendStdDev(spend: Float64Array): number {
    return std(spend);
  }

  /** Spend as a z-score. */
  @checkOutput({ dataType: 'float64', range: [-5, 5], allowNaNs: false, importance: 'fail' })
  spendZeroMeanUnitVariance(spendZeroMean: Float64Array, spendStdDev: number): Float64Array {
    return div(spendZeroMean, spendStdDev);
  }
}
