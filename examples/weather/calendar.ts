/** Calendar parts of each day (the `date` input is epoch ms, as the training frame gives it). */
import 'reflect-metadata';
import { checkOutput, dayOfMonth, dayOfWeek, dayOfYear, ge, isoWeek, month, quarter, year } from 'quiver';

const TAU = 2 * Math.PI;

function cyclic(x: Float64Array, period: number, f: (r: number) => number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f((TAU * x[i]) / period);
  return out;
}

export class Calendar {
  /** Monday 0 … Sunday 6. */
  @checkOutput({ range: [0, 6], allowNaNs: false, importance: 'fail' })
  day_of_week(date: Float64Array): Float64Array {
    return dayOfWeek(date);
  }

  @checkOutput({ range: [1, 31], allowNaNs: false, importance: 'fail' })
  day_of_month(date: Float64Array): Float64Array {
    return dayOfMonth(date);
  }

  @checkOutput({ range: [1, 366], allowNaNs: false, importance: 'fail' })
  day_of_year(date: Float64Array): Float64Array {
    return dayOfYear(date);
  }

  @checkOutput({ range: [1, 53], allowNaNs: false, importance: 'fail' })
  iso_week(date: Float64Array): Float64Array {
    return isoWeek(date);
  }

  @checkOutput({ range: [1, 12], allowNaNs: false, importance: 'fail' })
  month_of_year(date: Float64Array): Float64Array {
    return month(date);
  }

  @checkOutput({ range: [1, 4], allowNaNs: false, importance: 'fail' })
  quarter_of_year(date: Float64Array): Float64Array {
    return quarter(date);
  }

  @checkOutput({ range: [2012, 2015], allowNaNs: false })
  year_number(date: Float64Array): Float64Array {
    return year(date);
  }

  /** 1 on Saturdays and Sundays. */
  @checkOutput({ valuesIn: [0, 1], allowNaNs: false })
  is_weekend(day_of_week: Float64Array): Float64Array {
    return ge(day_of_week, 5);
  }

  /** The season as a point on a circle, so 31 December sits next to 1 January. */
  @checkOutput({ range: [-1, 1], allowNaNs: false })
  season_sin(day_of_year: Float64Array): Float64Array {
    return cyclic(day_of_year, 365.25, Math.sin);
  }

  @checkOutput({ range: [-1, 1], allowNaNs: false })
  season_cos(day_of_year: Float64Array): Float64Array {
    return cyclic(day_of_year, 365.25, Math.cos);
  }
}
