/**
 * A frame larger than memory, from code: 2,000 stores in 16 partitions, each partition's table
 * written to one Parquet file as soon as it is computed (only one partition's result is held at a
 * time), then read back to show it has every row.
 *   npm run build && node dist/examples/partitions/stream-to-file.js
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  arrowTable, Builder, entityHistory, ewmMean, feature, partitionResults, readTable, rollingMean, writeResultParts,
  type Groups,
} from '../../src';

export class StoreFeatures {
  @feature()
  sales7(sales: Float64Array, groups: Groups): Float64Array {
    return rollingMean(sales, 7, { groups });
  }

  @feature()
  salesTrend(sales: Float64Array, groups: Groups): Float64Array {
    return ewmMean(sales, { span: 28, groups });
  }
}

async function main(): Promise<void> {
  const store: number[] = [];
  const date: number[] = [];
  const sales: number[] = [];
  for (let s = 0; s < 2_000; s++) {
    for (let d = 0; d < 30 + ((s * 7919) % 300); d++) {
      store.push(s);
      date.push(Date.UTC(2024, 0, 1) + d * 86_400_000);
      sales.push(100 + (s % 50) + 20 * Math.sin(d / 7));
    }
  }
  const data = { store: Int32Array.from(store), date, sales: Float64Array.from(sales) };
  const history = entityHistory(data, { entity: 'store', time: 'date' });
  const dr = new Builder().withFeatures(StoreFeatures).withResult(arrowTable()).build();
  // entity-local features are checked first; each yielded table is one partition's rows, in order
  const { results, tally } = partitionResults(dr, ['sales7', 'salesTrend'], history, { partitions: 16 });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-stream-')), 'frame.parquet');
  await writeResultParts(results, file);
  const back = await readTable(file);
  const name = path.basename(file);
  console.log(`${tally.rows.length} partitions written to ${name}: ${back.numRows} of ${history.rows} rows`);
}

main();
