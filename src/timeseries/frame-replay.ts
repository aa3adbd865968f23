/**
 * A training frame read whole from the cache, told to observing adapters: the graph is built and
 * the run a node-by-node warm build would make (every feature read from the cache) is replayed
 * to them, marked `fromCache` (src/execution/replay.ts). So `openLineage` writes the same events
 * for a frame read whole as for one built node by node from a warm cache. Only adapters that say
 * `observesOnly` get here; any other keeps the frame from being read whole (frame-key.ts).
 */
import { replayRun } from '../execution/replay';
import { frameDriver, selectOutputs } from './frame-driver';
import type { ResolvedFrameOptions } from './frame-options';
import type { EntityHistory } from './history';

/**
 * @example
 * if (hit && o.adapters?.length) await replayFrameRun(o, prepared.history);
 */
export async function replayFrameRun(o: ResolvedFrameOptions, history: EntityHistory): Promise<void> {
  const adapters = o.adapters ?? [];
  if (adapters.length === 0) return;
  const driver = frameDriver(o);
  await replayRun(driver, selectOutputs(driver, o).outputs, history.inputs, adapters);
}
