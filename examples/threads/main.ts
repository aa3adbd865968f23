/**
 * The same 14 window features, inline and on worker threads: the same table, in less time once
 * the pool is up.
 *   npm run build && node dist/examples/threads/main.js
 */
import { Builder, inline, threads } from '../../src';
import { Windows } from './features';

async function main(): Promise<void> {
  const rows = 2_000_000;
  const signal = Float64Array.from({ length: rows }, (_, i) => Math.sin(i / 50) + (i % 7) / 10);
  const dr = new Builder().withFeatures(Windows).withExecutor(threads()).build();
  const outputs = dr.listAvailableVariables().filter((v) => !v.isExternalInput).map((v) => v.name);
  // The first threads() run also starts the workers and has them load the features module.
  for (const executor of [inline(), undefined, inline(), undefined]) {
    const started = performance.now();
    const table = await dr.execute(outputs, { inputs: { signal }, executor });
    const ms = (performance.now() - started).toFixed(0);
    const name = executor ? 'inline()' : 'threads()';
    console.log(`${name}: ${table.numCols} columns × ${table.numRows} rows in ${ms} ms`);
  }
}

main();
