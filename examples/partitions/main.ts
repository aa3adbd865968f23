/**
 * A training frame computed by entity partitions: 2,000 stores, 8 partitions one after another,
 * the same frame as the whole history at once. A cross-store mean is tagged global, so it is
 * computed once on the whole history and every partition reads it.
 *   npm run build && node dist/examples/partitions/main.js
 */
import 'reflect-metadata';
import { buildTrainingFrame, feature, rollingMean, shift, tag, type Groups } from '../../src';

export class StoreFeatures {
  @feature()
  sales7(sales: Float64Array, groups: Groups): Float64Array {
    return rollingMean(sales, 7, { groups });
  }

  @feature()
  salesLag1(sales: Float64Array, groups: Groups): Float64Array {
    return shift(sales, 1, { groups });
  }

  /** Cross-store on purpose: computed once, on every store's rows. */
  @tag({ entityScope: 'global' })
  allStoresMean(sales: Float64Array): number {
    let sum = 0;
    let n = 0;
    for (const v of sales) if (v === v) (sum += v), n++;
    return sum / n;
  }

  @feature()
  salesVsAll(sales: Float64Array, allStoresMean: number): Float64Array {
    return sales.map((v) => v / allStoresMean);
  }
}

async function main(): Promise<void> {
  const store: string[] = [];
  const date: number[] = [];
  const sales: number[] = [];
  for (let s = 0; s < 2_000; s++) {
    const days = 30 + ((s * 7919) % 300); // stores of very different lengths
    for (let d = 0; d < days; d++) {
      store.push(`store${s}`);
      date.push(Date.UTC(2024, 0, 1) + d * 86_400_000);
      sales.push(100 + (s % 50) + 20 * Math.sin(d / 7));
    }
  }
  const options = {
    features: [StoreFeatures], data: { store, date, sales: Float64Array.from(sales) },
    entity: 'store', time: 'date', target: 'sales', splits: { validation: '2024-09-01' },
  };
  const whole = await buildTrainingFrame(options);
  const parted = await buildTrainingFrame({ ...options, partitions: 8 });
  const same = whole.features.every((name) => {
    const a = whole.train.getChild(name)!.toArray() as Float64Array;
    const b = parted.train.getChild(name)!.toArray() as Float64Array;
    return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  });
  console.log(`${parted.counts.history} rows of history, ${parted.train.numRows} train rows; partitioned frame equals the whole one: ${same}`);
}

main();
