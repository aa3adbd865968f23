/**
 * What each kind of decorator record is, in one table (Hamilton's lifecycle stages): the stage of
 * the build that applies it, whether a method may carry several, and which kinds exclude it. The
 * decorators read it when a class is defined (a second `@parameterize` on a method fails there);
 * the builder applies the stages in `STAGE_ORDER`, so stacking order never matters.
 */
import { FeatureDefinitionError } from '../errors';
import type { DecoratorRecord, RecordKind } from './records';

/**
 * The build stages, in the order they apply: `resolve` (does the method exist under this config),
 * `create` (the method's node), `bind` (what runs and how parameters are bound), `chain` (pipes),
 * `extract` (columns and fields), `decorate` (tags), `transform` (checks become nodes). `run`
 * records are not applied by the build; the executor's cache reads them.
 */
export const STAGE_ORDER = ['resolve', 'create', 'bind', 'chain', 'extract', 'decorate', 'transform', 'run'] as const;
export type Stage = (typeof STAGE_ORDER)[number];

export interface RecordKindInfo {
  /** The decorator as messages show it, e.g. `@parameterize`. */
  readonly decorator: string;
  readonly stage: Stage;
  /** Whether one method may carry more than one record of this kind (all of them apply). */
  readonly several: boolean;
  /** Kinds that cannot sit on the same method as this one. */
  readonly excludes?: readonly RecordKind[];
}

/** One entry per record kind; adding a kind to `DecoratorRecord` without an entry is a type error. */
export const RECORD_KINDS: { readonly [K in RecordKind]: RecordKindInfo } = Object.freeze({
  config: { decorator: '@config', stage: 'resolve', several: true },
  feature: { decorator: '@feature', stage: 'create', several: false },
  does: { decorator: '@does', stage: 'bind', several: false },
  parameterize: { decorator: '@parameterize', stage: 'bind', several: false },
  inject: { decorator: '@inject', stage: 'bind', several: false },
  subdag: { decorator: '@subdag', stage: 'bind', several: false },
  pipeInput: { decorator: '@pipeInput', stage: 'chain', several: false },
  pipeOutput: { decorator: '@pipeOutput', stage: 'chain', several: false },
  extractColumns: { decorator: '@extractColumns', stage: 'extract', several: false, excludes: ['extractFields'] },
  extractFields: { decorator: '@extractFields', stage: 'extract', several: false, excludes: ['extractColumns'] },
  tag: { decorator: '@tag', stage: 'decorate', several: true },
  checkOutput: { decorator: '@checkOutput', stage: 'transform', several: true },
  checkOutputCustom: { decorator: '@checkOutputCustom', stage: 'transform', several: true },
  cache: { decorator: '@cache', stage: 'run', several: false },
});

/**
 * Throws a `FeatureDefinitionError` naming `where` (`Class.method`) when `record` may not join the
 * records a method already has: a second copy of a decorator that allows one, or a kind it excludes.
 *
 * @example
 * assertRecordFits(readRecords(proto, 'x'), { kind: 'parameterize', spec, docs: {} }, 'Windows.x');
 */
export function assertRecordFits(existing: readonly DecoratorRecord[], record: DecoratorRecord, where: string): void {
  const info = RECORD_KINDS[record.kind];
  for (const other of existing) {
    if (other.kind === record.kind && !info.several) {
      throw new FeatureDefinitionError(
        `${where} has two ${info.decorator} decorators; ${info.decorator} may appear once on a method. ` +
          'Merge them into one.',
      );
    }
    if (info.excludes?.includes(other.kind)) {
      throw new FeatureDefinitionError(
        `${where} has both ${RECORD_KINDS[other.kind].decorator} and ${info.decorator}; ` +
          'they cannot apply to one method. Use one.',
      );
    }
  }
}
