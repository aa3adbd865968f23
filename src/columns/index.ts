/**
 * Vectorized kernels over typed arrays, with pandas' NaN rules, per entity through `groups`.
 */
export { groupsOf, groupIndex, type Groups, type GroupKeys } from './groups';
export type { Column, KernelOptions, WindowOptions } from './options';
export { rollingMean, rollingSum, rollingVar, rollingStd } from './rolling-moments';
export { rollingMin, rollingMax } from './rolling-extrema';
export { expandingMean, expandingSum, expandingVar, expandingStd, expandingMin, expandingMax } from './expanding';
export { ewmMean, type EwmOptions } from './ewm';
export { shift, diff, pctChange } from './shift';
export { cumsum } from './cumsum';
export { zscore } from './zscore';
export { sum, mean, variance, std, min, max, count } from './reductions';
export { ffill, bfill, fillNaN } from './fill';
export { add, sub, mul, div, abs, log, exp, clip, where } from './elementwise';
export { fused } from './fused';
export { RowExpr } from './row-expr';
export { gt, ge, lt, le, eq, ne } from './compare';
export type { Operand } from './broadcast';
export {
  groupSum, groupMean, groupVar, groupStd, groupMin, groupMax, groupCount, groupFirst, groupLast,
  type AggregateOptions,
} from './group-aggregates';
export { dayOfWeek, isoWeek, isoYear, month, quarter, dayOfYear, dayOfMonth, year } from './calendar';
export { isIn, type CalendarDay } from './calendar-days';
export type { TimeColumn, TimeVector } from './time-input';
export { offsetMs, type Offset } from './offset';
