/**
 * Features of a monthly stock history with gaps, two of them from tables joined as of each row's
 * time (`m_price`: the S&P 500; `jobs_nonfarm_change`: US jobs). The time windows count days,
 * not rows, so a dropped month shortens the window instead of stretching it.
 */
import 'reflect-metadata';
import { div, feature, log, rollingMean, rollingStd, shift, sub, type Groups } from 'quiver';

export class StockFeatures {
  /** log(price / previous price) within the symbol: the return since its last row, however long ago. */
  @feature()
  logReturn(price: Float64Array, groups: Groups): Float64Array {
    return log(div(price, shift(price, 1, { groups })));
  }

  /** The market's return over the same span (its level as of this row vs as of the symbol's last row). */
  @feature()
  marketReturn(m_price: Float64Array, groups: Groups): Float64Array {
    return log(div(m_price, shift(m_price, 1, { groups })));
  }

  /** The stock's return above the market's. */
  @feature()
  excessReturn(logReturn: Float64Array, marketReturn: Float64Array): Float64Array {
    return sub(logReturn, marketReturn);
  }

  /** Mean monthly return over the last 92 days (a quarter), whatever rows those days hold. */
  @feature()
  momentumQuarter(logReturn: Float64Array, date: Float64Array, groups: Groups): Float64Array {
    return rollingMean(logReturn, '92D', { time: date, groups });
  }

  /** Volatility over the last 365 days: at least 6 returns, else NaN. */
  @feature()
  volatilityYear(logReturn: Float64Array, date: Float64Array, groups: Groups): Float64Array {
    return rollingStd(logReturn, '365D', { time: date, groups, minPeriods: 6 });
  }

  /** Jobs added over the last 92 days of reports known at the row's time (NaN before 2006). */
  @feature()
  jobsQuarter(jobs_nonfarm_change: Float64Array, date: Float64Array, groups: Groups): Float64Array {
    return rollingMean(jobs_nonfarm_change, '92D', { time: date, groups });
  }
}
