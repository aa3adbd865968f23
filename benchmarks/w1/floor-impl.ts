/** The floor as a W1 implementation for the bench loop. */
import { checksumOf } from './checksum';
import { floorW1 } from './floor';
import { rawList } from './generate';
import type { W1Impl } from './impl';
import type { W1Feature } from './spec';

/**
 * The hand-written floor: one Float64Array per output, straight loops, no framework.
 *
 * @example
 * const out = await floorImpl(w1Features(100)).run(generateRaw(1000));
 * (await out.checksum()).nan_count  // 3472
 */
export function floorImpl(features: readonly W1Feature[]): W1Impl {
  return {
    name: 'floor',
    unsupported: [],
    note: 'hand-written Float64Array loops, one output buffer per feature, scalars for mean/std',
    async run(raw) {
      const t0 = performance.now();
      const outs = floorW1(rawList(raw), features);
      const ms = performance.now() - t0;
      return { phases: { compute: ms }, checksum: async () => checksumOf(outs) };
    },
  };
}
