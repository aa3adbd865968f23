/**
 * W1 through quiver on `threads()`: the same feature classes as `quiverImpl`, loaded from a module
 * that exports them (workers load them from there), one driver per run as a user builds it, all N
 * outputs into one Arrow table. The pool lives across runs, as it would in a long-lived process.
 */
import { Builder, threads } from '../../src';
import type { W1Impl } from './impl';
import { tableChecksum } from './quiver-impl';
import type { W1Feature } from './spec';

/**
 * @example
 * const out = await quiverThreadsImpl(w1Features(1000)).run(generateRaw(100_000));
 */
export function quiverThreadsImpl(features: readonly W1Feature[], workers?: number): W1Impl {
  process.env.QUIVER_W1_FEATURES = String(features.length);
  const mod = require('./threads-features') as typeof import('./threads-features');
  if (mod.W1_FEATURES !== features.length) {
    throw new Error(`threads-features was loaded for ${mod.W1_FEATURES} features, not ${features.length}; run one size per process.`);
  }
  const executor = threads(workers === undefined ? {} : { workers });
  const names = features.map((f) => f.name);
  return {
    name: 'quiver-threads',
    unsupported: [],
    note: `quiver's W1 classes exported from a module, Builder().withExecutor(threads({ workers: ${executor.workers} })), execute(all N) → one Arrow table`,
    async run(raw) {
      const t1 = performance.now();
      const dr = new Builder().withFeatures(...mod.W1_CLASSES).withExecutor(executor).build();
      const t2 = performance.now();
      const value = await dr.execute(names, { inputs: { ...raw } });
      const t3 = performance.now();
      return {
        phases: { build: t2 - t1, execute: t3 - t2 },
        extra: { workers: executor.workers },
        checksum: async () => tableChecksum(value as never, names),
      };
    },
  };
}
