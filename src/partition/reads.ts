/**
 * A history that is not in memory: the partitions of a run read one at a time (from a file, by
 * row range), with the entities' groups known beforehand (from an index of the entity column).
 * `runPartitions` takes one in place of a whole `IsolationHistory`.
 */
import type { Groups } from '../columns';
import type { IsolationHistory } from '../timeseries/isolation';
import type { Partition } from './plan';

/** Where a partitioned run gets each partition's inputs when the history is not held whole. */
export interface PartitionReads {
  /** Every entity of the history, in history order (`starts` in history rows). */
  readonly groups: Groups;
  readonly rows: number;
  /** A history holding the two neighbouring entities the entity-isolation check compares. */
  sample(): Promise<IsolationHistory>;
  /** Partition `part`'s inputs: its rows of every column, and `groups` counted from its first row. */
  read(part: Partition): Promise<Readonly<Record<string, unknown>>>;
  /** Lets go of what the reads keep open (a file's decoder); called once the run is over, however it ended. */
  close?(): Promise<void>;
}

/**
 * Whether `history` is read partition by partition rather than held whole.
 *
 * @example
 * if (isPartitionReads(history)) inputs = await history.read(part);
 */
export function isPartitionReads(history: IsolationHistory | PartitionReads): history is PartitionReads {
  return typeof (history as PartitionReads).read === 'function';
}
