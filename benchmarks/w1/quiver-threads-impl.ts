/**
 * W1 through quiver on `threads()`: the same feature classes as `quiverImpl`, made by a generated
 * features module (one per process and N, in the temp folder) that exports them, as a user's
 * features file would — the workers load them from there. One driver per run as a user builds it,
 * all N outputs into one Arrow table; the pool lives across runs, as in a long-lived process.
 */
import { rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Builder, threads, type ThreadsOptions } from '../../src';
import type { W1Impl } from './impl';
import { tableChecksum } from './quiver-impl';
import type { W1Feature } from './spec';

/** A module exporting W1's classes for `n` features, each under its own name. */
function featuresModule(n: number): string {
  const file = join(tmpdir(), `quiver-w1-${process.pid}-${n}.js`);
  const classes = JSON.stringify(require.resolve('./quiver-features'));
  const spec = JSON.stringify(require.resolve('./spec'));
  writeFileSync(file, [
    `const { w1FeatureClasses } = require(${classes});`,
    `const { w1Features } = require(${spec});`,
    `for (const c of w1FeatureClasses(w1Features(${n}))) exports[c.name] = c;`,
  ].join('\n'));
  return file;
}

/** The W1 implementation on threads; `close()` stops its workers and removes the generated module. */
export interface ThreadsW1Impl extends W1Impl {
  close(): Promise<void>;
}

/**
 * @example
 * const impl = quiverThreadsImpl(w1Features(1000));
 * const out = await impl.run(generateRaw(100_000));
 */
export function quiverThreadsImpl(features: readonly W1Feature[], options: ThreadsOptions = {}): ThreadsW1Impl {
  const file = featuresModule(features.length);
  const classes = Object.values(require(file) as Record<string, new () => object>);
  const executor = threads(options);
  const names = features.map((f) => f.name);
  return {
    name: 'quiver-threads',
    unsupported: [],
    note: `quiver's W1 classes exported from a module, ` +
      `Builder().withExecutor(threads({ workers: ${executor.workers} })), ` +
      'execute(all N) → one Arrow table',
    async run(raw) {
      const t1 = performance.now();
      const dr = new Builder().withFeatures(...classes).withExecutor(executor).build();
      const t2 = performance.now();
      const value = await dr.execute(names, { inputs: { ...raw } });
      const t3 = performance.now();
      return {
        phases: { build: t2 - t1, execute: t3 - t2 },
        extra: { workers: executor.workers },
        checksum: async () => tableChecksum(value as never, names),
      };
    },
    close: async () => {
      await executor.close();
      rmSync(file, { force: true });
    },
  };
}
