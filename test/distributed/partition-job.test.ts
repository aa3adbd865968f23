/**
 * A worker's guard against a stale features file: a job whose file text differs from the one the
 * coordinator hashed is refused (computed, it could give other values without a word).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { computePartition } from '../../cli/partition-job';
import { DistributedError } from '../../src';
import { textHash, type PartitionJob } from '../../src/distributed/job';

const FEATURES = path.join(__dirname, '../fixtures/distributed-features.ts');

test('a features file whose text is not the coordinator\'s is refused with a DistributedError', async () => {
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-stale-'));
  try {
    const job: PartitionJob = {
      key: 'qtest', featuresFile: FEATURES, featuresHash: textHash('export class Other {}'), outputs: ['ma4'],
      chosen: true, entity: 'shop', time: 'day', store, partition: 0, partitions: 1, rows: [0, 10], batches: [0, 1],
      globalColumns: [], globalScalars: {}, threads: 0,
    };
    const run = computePartition(job);
    await expect(run).rejects.toThrow(DistributedError);
    await expect(run).rejects.toThrow(/distributed-features\.ts on worker .* is not the coordinator's/);
  } finally {
    fs.rmSync(store, { recursive: true, force: true });
  }
});
