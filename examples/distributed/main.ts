/**
 * A training frame computed by `quiver worker` processes through BullMQ on Redis: 500 stores in
 * 8 partition jobs, the same frame as one process computes. Start Redis and a worker first:
 *
 *   npm install bullmq ioredis                                # once (optional peer dependencies)
 *   redis-server --port 6379 --save '' &
 *   npm run build && node bin/quiver.js worker --redis redis://127.0.0.1:6379 &
 *   REDIS_URL=redis://127.0.0.1:6379 node dist/examples/distributed/main.js
 *
 * Without REDIS_URL it prints these commands and the command-line form, and computes nothing.
 */
import * as os from 'os';
import * as path from 'path';
import { buildTrainingFrame } from '../../src';
import { StoreFeatures } from './features';

function history() {
  const store: string[] = [];
  const date: number[] = [];
  const sales: number[] = [];
  for (let s = 0; s < 500; s++) {
    const days = 60 + ((s * 37) % 120);
    for (let d = 0; d < days; d++) {
      store.push(`store${String(s).padStart(3, '0')}`);
      date.push(Date.UTC(2024, 0, 1 + d));
      sales.push(d % 17 === 5 ? NaN : 100 + ((s * 13 + d * 7) % 50));
    }
  }
  return { store, date, sales: Float64Array.from(sales) };
}

async function main(): Promise<void> {
  const redis = process.env.REDIS_URL;
  if (!redis) {
    console.log('Set REDIS_URL (and start a worker) to run this example, e.g.:');
    console.log('  node bin/quiver.js worker --redis redis://127.0.0.1:6379 &');
    console.log('  REDIS_URL=redis://127.0.0.1:6379 node dist/examples/distributed/main.js');
    console.log('The command-line form of the same run:');
    console.log('  quiver run features.ts --inputs history.arrow --entity store --time date \\');
    console.log('    --out frame.arrow --queue redis://127.0.0.1:6379 --partitions 8');
    return;
  }
  const options = { features: [StoreFeatures], data: history(), entity: 'store', time: 'date', target: 'sales' };
  const store = path.join(os.tmpdir(), 'quiver-example-distributed');
  const frame = await buildTrainingFrame({
    ...options,
    distributed: { redis, partitions: 8, store, features: require.resolve('./features') },
  });
  const whole = await buildTrainingFrame(options);
  const same = frame.features.every((name) => {
    const a = whole.train.getChild(name)!.toArray() as Float64Array;
    const b = frame.train.getChild(name)!.toArray() as Float64Array;
    return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  });
  console.log(`${frame.train.numRows.toLocaleString('en-US')} training rows, ${frame.features.length} features`);
  console.log(`equals the single-process frame: ${same}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
