/**
 * Time series: long-format history per entity, training frames with a label from the future,
 * time splits with gaps, the leakage check, and feature grids for `@parameterize`.
 */
export { entityHistory, type EntityHistory, type EntityHistoryOptions } from './history';
export type { RowNames } from './row-names';
export { buildTrainingFrame, type TrainingFrame, type FrameCounts } from './training-frame';
export type { DistributedFrameOptions, TrainingFrameOptions } from './frame-options';
export type { ArrowTable } from './frame-tables';
export { formatTrainingFrame } from './frame-summary';
export { featureGrid, type GridPoint } from './feature-grid';
export { checkEntityIsolation, ISOLATION_ROWS, type IsolationCheckOption, type IsolationHistory } from './isolation';
export type { IsolationOptions, IsolationReport, IsolationRun } from './isolation';
export { EntityIsolationError, GLOBAL_TAG, type IsolationDifference } from './isolation-error';
export { findLeaks, LeakageError, LEAK_FRACTION, type LeakageInput } from './leakage';
export { splitRows, SPLIT_NAMES, type SplitName, type SplitPlan, type SplitRows, type Splits } from './split';
export { warmupRows, type Warmup, type WarmupRows } from './warmup';
export type { RawData, TableLike } from './raw-data';
export { asOfJoin, type AsOfJoinOptions } from './as-of-join';
export { fillCalendar, MAX_CALENDAR_ROWS, type FillCalendarOptions, type FilledCalendar } from './fill-calendar';
export { asOfIndex, type AsOfDirection, type AsOfMatch } from './as-of-index';
export { prepareHistory, type FrameJoin, type JoinSummary, type PreparedHistory } from './frame-joins';
