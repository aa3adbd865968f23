/**
 * The driver a training frame's features run on, and the outputs it is asked for: shared by a
 * build that computes the frame and one that replays its run to observing adapters (frame-replay.ts).
 */
import { Builder } from '../builder';
import type { Driver } from '../driver';
import { dictResult } from '../results/dict-result';
import { defaultOutputs } from './frame-columns';
import type { ResolvedFrameOptions } from './frame-options';

/**
 * The features, config, adapters and cache of the options, built (a `GraphBuildError` as `Builder.build`).
 *
 * @example
 * const driver = frameDriver(resolveFrameOptions({ features: [WeatherFeatures], … }));
 */
export function frameDriver(o: ResolvedFrameOptions): Driver<Record<string, unknown>> {
  const builder = new Builder().withFeatures(...o.features).withResult(dictResult());
  if (o.config) builder.withConfig({ ...o.config });
  if (o.adapters) builder.withAdapters(...o.adapters);
  if (o.cacheSettings) builder.withCache(o.cacheSettings);
  return builder.build();
}

/**
 * The outputs to compute: `include` first, then `outputs` or every feature node; and those left out.
 *
 * @example
 * selectOutputs(driver, o).outputs; // ['temp_max', …, 'temp_max_lag_1', …]
 */
export function selectOutputs(driver: Driver<unknown>, o: ResolvedFrameOptions) {
  const chosen = o.outputs ? { outputs: [...o.outputs], leftOut: [] } : defaultOutputs(driver, o.tags);
  const included = o.include ?? [];
  const outputs = [...included, ...chosen.outputs.filter((name) => !included.includes(name))];
  return { outputs, leftOut: chosen.leftOut, explicit: new Set([...(o.outputs ?? []), ...included]) };
}
