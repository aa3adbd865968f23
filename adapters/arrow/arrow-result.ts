/** `arrowTable()`: the default result builder, one Arrow `Table` of the requested outputs. */
import type { Table } from 'apache-arrow';
import type { ResultBuilder } from '../../src/results/result-builder';
import { tableFromColumns, type TableFromColumnsOptions } from './table-from-columns';
import { QuiverError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';

/**
 * Shapes the outputs into one Arrow `Table`, columns in the requested order, typed arrays shared
 * rather than copied (see `tableFromColumns` for every rule). `maxChunkBytes` bounds one column's chunk.
 *
 * @example
 * const dr = new Builder().withFeatures(SpendFeatures).withResult(arrowTable()).build();
 * const table = await dr.execute(['avg3wkSpend', 'spendPerSignup'], { inputs: { spend, signups } });
 */
export function arrowTable(options: TableFromColumnsOptions = {}): ResultBuilder<Table> {
  assertKnownKeys(options, ['maxChunkBytes'], 'arrowTable', QuiverError);
  return {
    name: 'arrowTable',
    build: (outputs, values) => tableFromColumns(outputs, values, options),
  };
}
