/**
 * quiver: feature classes → checked graph → one Apache Arrow table.
 * This is the package entry; everything public is exported from here.
 */
import 'reflect-metadata';

export * from './errors';
// The checks' public part; the option normalizers and runners stay internal (src/quality/index.ts).
export {
  DATA_TYPE_NAMES, formatQuality, registerCheck,
  type CheckDefinition, type CheckOutputOptions, type DataTypeName, type Importance, type QualityResult,
  type RegisteredCheckOptions, type TableSchema, type ValidationOutcome, type Validator,
} from './quality';
export * from './columns';
export * from './io';
export type { LifecycleAdapter, RunStart, RunEnd, NodeStart, NodeEnd, NodeRole, NodeCall, NextNode, Tags } from './execution/hooks';

export * from '../decorators';
export { Builder } from './builder';
export { Driver, type RunResult, type ExecuteResult, type TypedExecuteOptions } from './driver';
export type { FeatureNames, FeatureTypes, DeclaredNames, Checked, CheckedName } from './typing/names';
export type { ExecuteOptions } from './execution/request';
export { describeTagFilter, type NodeInfo, type TagFilter } from './graph/node-info';
export type { NodeOrigin } from './graph/node';
export * from './governance';
export type { Executor, ExecutorRun, GraphRecipe } from './execution/executor-api';
export { inline } from './execution/inline';
export { readOnlyInputs, type ReadOnlyInputsOptions } from './execution/read-only-inputs';
export { concurrent, type ConcurrentOptions } from './execution/concurrent';
export type { ResultBuilder } from './results/result-builder';
export { dictResult } from './results/dict-result';
export * from './timeseries';
export * from './partition';
export { DistributedError, QueueUnavailableError } from './distributed/errors';
export type { WithCacheOptions } from './cache/options';
export type { CacheBehavior } from './cache/behavior';
export type { CacheReport } from './cache/session';
