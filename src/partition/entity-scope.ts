/**
 * Which features a partitioned run may compute per partition: those the entity-isolation check
 * finds entity-local. Features tagged `{ entityScope: 'global' }` are computed once, on the whole
 * history, before the partitions; any other feature that reads across entities refuses the run.
 */
import type { Driver } from '../driver';
import { checkEntityIsolation, type IsolationHistory } from '../timeseries/isolation';
import { describeDifference, EntityIsolationError, GLOBAL_TAG } from '../timeseries/isolation-error';
import { PartitionError } from './errors';

/**
 * The nodes tagged `{ entityScope: 'global' }` that `outputs` need (in graph order).
 *
 * @example
 * globalFeatures(dr, ['salesVsAllStores']); // ['allStoresMean']
 */
export function globalFeatures(driver: Driver<unknown>, outputs: readonly string[]): string[] {
  const upstream = new Set(driver.whatIsUpstreamOf(...outputs));
  return driver.listAvailableVariables({ tags: GLOBAL_TAG }).map((n) => n.name).filter((name) => upstream.has(name));
}

/**
 * Runs the entity-isolation check on `outputs` (global features left out) and turns a feature
 * that reads across entities into a `PartitionError` naming it. `what` names the run in the message.
 *
 * @example
 * await checkPartitionable(dr, outputs, history);
 */
export async function checkPartitionable(
  driver: Driver<unknown>, outputs: readonly string[], history: IsolationHistory & { readonly entity?: string; readonly time?: string },
): Promise<void> {
  try {
    await checkEntityIsolation(driver, outputs, history);
  } catch (error) {
    if (!(error instanceof EntityIsolationError) || error.differences.length === 0) throw error;
    const names = { entity: history.entity ?? 'entity', time: history.time };
    const detail = error.differences.map((d) => `  - ${describeDifference(d, names)}`).join('\n');
    throw new PartitionError(error.features, detail, { cause: error });
  }
}
