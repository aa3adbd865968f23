/** `danfoFrame()`: results as a danfo.js DataFrame. */
import type { ResultBuilder } from '../../src/results/result-builder';
import { tableFromColumns } from '../arrow/table-from-columns';
import type { DanfoFrame } from './danfo-types';
import { toDanfo } from './to-danfo';

/**
 * Shapes the outputs into a danfo `DataFrame`, columns in the requested order. The outputs follow
 * `arrowTable()`'s rules (equal lengths, scalars repeated) and are then handed to danfo. danfo is
 * loaded on the first `build`, not when quiver is imported; it is an optional peer dependency, and
 * without it `build` throws a `MissingDependencyError` saying how to install it. The frame is typed
 * by shape (`DanfoFrame`); `danfoFrame<DataFrame>()` types it as danfo's own `DataFrame`.
 *
 * @example
 * const dr = new Builder().withFeatures(SpendFeatures).withResult(danfoFrame()).build();
 * const df = await dr.execute(['spend', 'avg3wkSpend'], { inputs: { spend } });
 * df.print();
 */
export function danfoFrame<Frame extends DanfoFrame = DanfoFrame>(): ResultBuilder<Frame> {
  return {
    name: 'danfoFrame',
    build: (outputs, values) => toDanfo<Frame>(tableFromColumns(outputs, values)),
  };
}
