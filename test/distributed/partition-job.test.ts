/**
 * A worker's guards: a job whose features file text differs from the one the coordinator hashed
 * is refused (computed, it could give other values without a word), and so is a job whose inputs
 * file is not the one the coordinator indexed (size or time changed, or its rows hold other entities).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { computePartition } from '../../cli/partition-job';
import { DistributedError } from '../../src';
import { storePaths, textHash, type PartitionJob } from '../../src/distributed/job';
import { sourceEntities } from '../../src/distributed/file-source';
import { tableFromColumns } from '../../adapters/arrow/table-from-columns';
import { entityIndex } from '../../adapters/files/entity-index';
import { readTable } from '../../adapters/files/formats';
import { writeArrowParts } from '../../adapters/files/write-arrow';

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

/** A sorted Arrow IPC file of shops `shop<first>…`, 3 days each, in record batches of 4 rows. */
async function shopsFile(file: string, first: number): Promise<void> {
  const shop: string[] = [];
  const day: number[] = [];
  const sales: number[] = [];
  for (let s = first; s < first + 6; s++) {
    for (let d = 0; d < 3; d++) {
      shop.push(`shop${s}`);
      day.push(Date.UTC(2024, 0, 1 + d));
      sales.push(s + d);
    }
  }
  const table = tableFromColumns(['shop', 'day', 'sales'], [shop, Float64Array.from(day), Float64Array.from(sales)]);
  await writeArrowParts((function* () {
    for (let i = 0; i < table.numRows; i += 4) yield table.slice(i, i + 4);
  })(), file);
}

/** The job of rows 3–8 (shops 1 and 2 of the indexed file) read from `file` as the coordinator indexed it. */
async function sourceJob(store: string, file: string, indexed: string): Promise<PartitionJob> {
  const index = await entityIndex(indexed, 'arrow', 'shop');
  const stat = fs.statSync(file);
  return {
    key: 'qsource', featuresFile: FEATURES, featuresHash: textHash(fs.readFileSync(FEATURES, 'utf8')),
    outputs: ['ma4', 'lag2'], chosen: true, entity: 'shop', time: 'day', store, partition: 1, partitions: 3,
    rows: [3, 9], batches: [0, 0], globalColumns: [], globalScalars: {}, threads: 0,
    source: {
      path: file, format: 'arrow', size: stat.size, mtimeMs: stat.mtimeMs, firstBatch: 0,
      batchStarts: index.batchStarts.slice(0, 4), entities: sourceEntities(index.keys.slice(1, 3)),
    },
  };
}

describe('a partition read from the user\'s file (job.source)', () => {
  let store: string;
  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-source-'));
  });
  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  test('reads only its rows and writes its part led by entity and time', async () => {
    const file = path.join(store, 'shops.arrow');
    await shopsFile(file, 0);
    const report = await computePartition(await sourceJob(store, file, file));
    expect(report.rows).toBe(6);
    const part = await readTable(storePaths(store, 'qsource').part(1));
    expect(part.schema.fields.map((f) => f.name)).toEqual(['shop', 'day', 'ma4', 'lag2']);
    expect(Array.from(part.getChild('shop')!)).toEqual(['shop1', 'shop1', 'shop1', 'shop2', 'shop2', 'shop2']);
    expect(Array.from(part.getChild('lag2')!.toArray() as Float64Array)).toEqual([NaN, NaN, 1, NaN, NaN, 2]);
  });

  test('a file whose size or modification time changed since it was indexed is refused', async () => {
    const file = path.join(store, 'shops.arrow');
    await shopsFile(file, 0);
    const job = await sourceJob(store, file, file);
    const moved = { ...job, source: { ...job.source!, mtimeMs: job.source!.mtimeMs - 60_000 } };
    const run = computePartition(moved);
    await expect(run).rejects.toThrow(DistributedError);
    await expect(run).rejects.toThrow(/shops\.arrow on worker .* is not the one the coordinator indexed: it was \d+ b/);
    expect(fs.existsSync(storePaths(store, 'qsource').part(1))).toBe(false);
  });

  test('the same size and time but other entities in its rows: refused, naming what it found', async () => {
    const file = path.join(store, 'shops.arrow');
    const before = path.join(store, 'before.arrow');
    await shopsFile(before, 0);
    await shopsFile(file, 3); // shop3…shop8: the same byte sizes, other entities
    expect(fs.statSync(file).size).toBe(fs.statSync(before).size);
    const run = computePartition(await sourceJob(store, file, before));
    await expect(run).rejects.toThrow(DistributedError);
    const found = /rows 3–8 hold 2 entities \("shop4" … "shop5"\), the index 2 \("shop1" … "shop2"\)/;
    await expect(run).rejects.toThrow(found);
    expect(fs.existsSync(storePaths(store, 'qsource').part(1))).toBe(false);
  });
});
