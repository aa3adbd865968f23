/** Why a partitioned or distributed run was refused or failed. */
import { QuiverError } from '../errors';

/**
 * Features that read across entities, found by the entity-isolation check before a partitioned
 * run: computed per partition they would give other values than computed on the whole history.
 * `.features` names them; mark them global to compute them once, on the whole history, first.
 *
 * @example
 * try { await buildTrainingFrame({ ...options, partitions: 8 }); } catch (e) { if (e instanceof PartitionError) console.log(e.features); }
 */
export class PartitionError extends QuiverError {
  readonly features: readonly string[];
  constructor(features: readonly string[], detail: string, options?: { cause?: unknown }) {
    const listed = features.map((f) => `"${f}"`).join(', ');
    super(
      `Partitioned run refused: ${features.length === 1 ? 'feature' : 'features'} ${listed} ` +
        `${features.length === 1 ? 'is' : 'are'} not entity-local, so computed per partition ${features.length === 1 ? 'it' : 'they'} ` +
        `would differ from the whole history:\n${detail}\n` +
        "Pass { groups } to the kernels if the feature should be per entity; if it is cross-entity on purpose (a global mean, a rank), " +
        "mark it global with @tag({ entityScope: 'global' }): it is then computed once on the whole history and every partition reads its value.",
      options,
    );
    this.features = features;
  }
}
