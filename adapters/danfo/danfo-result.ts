/** `danfoFrame()`: results as a danfo.js DataFrame. */
import type { DataFrame } from 'danfojs-node';
import type { ResultBuilder } from '../../src/results/result-builder';
import { tableFromColumns } from '../arrow/table-from-columns';
import { toDanfo } from './to-danfo';

/**
 * Shapes the outputs into a danfo `DataFrame`, columns in the requested order. The outputs follow
 * `arrowTable()`'s rules (equal lengths, scalars repeated) and are then handed to danfo. danfo is
 * loaded on the first `build`, not when quiver is imported.
 *
 * @example
 * const dr = new Builder().withFeatures(SpendFeatures).withResult(danfoFrame()).build();
 * const df = await dr.execute(['spend', 'avg3wkSpend'], { inputs: { spend } });
 * df.print();
 */
export function danfoFrame(): ResultBuilder<DataFrame> {
  return {
    name: 'danfoFrame',
    build: (outputs, values) => toDanfo(tableFromColumns(outputs, values)),
  };
}
