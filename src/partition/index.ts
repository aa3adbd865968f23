/** Partitioned runs: entities split by rows, computed apart, joined back unchanged. */
export { planPartitions, type Partition } from './plan';
export { partitionInputs, partitionGroups } from './slice';
export { concatParts } from './concat';
export { globalFeatures, checkPartitionable } from './entity-scope';
export { runPartitions, globalValues, type RunPartitionsOptions, type PartitionRun } from './run-partitions';
export { isPartitionReads, type PartitionReads } from './reads';
export {
  collectPartitions, partitionResults, newTally, tallyPart, type CollectedPartitions, type PartitionTally,
} from './collect';
export { PartitionError } from './errors';
