/**
 * The feature classes of examples/distributed: the workers load this file (by its path, sent in
 * each job), so it holds the classes and nothing that runs on import.
 */
import 'reflect-metadata';
import { feature, rollingMean, shift, tag, type Groups } from '../../src';

export class StoreFeatures {
  @feature()
  sales7(sales: Float64Array, groups: Groups): Float64Array {
    return rollingMean(sales, 7, { groups });
  }

  @feature()
  salesLag1(sales: Float64Array, groups: Groups): Float64Array {
    return shift(sales, 1, { groups });
  }

  /** Cross-store on purpose: computed once by the coordinator; every partition job gets its value. */
  @tag({ entityScope: 'global' })
  allStoresMean(sales: Float64Array): number {
    let sum = 0;
    let n = 0;
    for (const v of sales) if (v === v) (sum += v), n++;
    return sum / n;
  }

  @feature()
  vsAllStores(sales7: Float64Array, allStoresMean: number): Float64Array {
    return sales7.map((v) => v - allStoresMean);
  }
}
