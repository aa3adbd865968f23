/**
 * The training frame's own checks, as `QualityResult`s beside the features' `@checkOutput`
 * results: leakage (run in `leakage.ts`) and entity isolation (`isolation.ts`), here their passing
 * results; features that never start in an entity, and empty splits. Also the check that frame
 * column names do not collide.
 */
import { InputError } from '../errors';
import type { QualityResult } from '../quality/result';
import type { ResolvedFrameOptions } from './frame-options';
import type { EntityHistory } from './history';
import type { IsolationReport } from './isolation';
import type { SplitRows } from './split';
import { describe, formatTime } from './time';
import type { WarmupRows } from './warmup';

function result(node: string, check: string, passes: boolean, message: string, diagnostics = {}): QualityResult {
  return { node, check, importance: passes ? 'fail' : 'warn', passes, message, diagnostics };
}

/** Feature names must differ from the entity, time and label columns the tables also hold. */
function names(features: readonly string[], o: ResolvedFrameOptions): void {
  const reserved = new Map([[o.entity, 'entity'], [o.time, 'time'], [o.label, 'label']]);
  const clashes = features.filter((f) => reserved.has(f));
  if (clashes.length === 0) return;
  throw new InputError(
    clashes.map((f) => ({
      code: 'frame-column-clash',
      message:
        `Feature "${f}" has the name of the frame's ${reserved.get(f)} column. ` +
        (reserved.get(f) === 'label' ? 'Pass another `label` name.' : `Leave "${f}" out of outputs; the frame holds it already.`),
      nodes: [f],
    })),
  );
}

/** The passing leakage result (a failure throws `LeakageError` instead). */
function leakagePassed(features: number, o: ResolvedFrameOptions): QualityResult {
  const ahead = o.horizon === 1 ? '1 step' : `1 to ${o.horizon} steps`;
  return result(o.label, 'leakage', true, `no feature equals ${o.target} ${ahead} ahead on the frame's rows (${features} features compared)`, { features });
}

/** The passing entity-isolation result (a failure throws `EntityIsolationError`); none when it did not run or had one entity. */
function isolationPassed(report: IsolationReport | undefined, o: ResolvedFrameOptions): QualityResult[] {
  if (report === undefined || report.entities === null) return [];
  const [a, b] = report.entities.map(describe);
  const ignored = report.ignored.length === 0 ? '' : `; left out as cross-entity on purpose: ${report.ignored.join(', ')}`;
  return [
    result(
      o.entity, 'entityIsolation', true,
      `${report.checked.length} feature${report.checked.length === 1 ? '' : 's'} computed on ${o.entity} ${a} and ${o.entity} ${b} ` +
        'together equal the same on each alone ' +
        `(${report.rows} rows at their boundary)${ignored}`,
      { entities: report.entities, rows: report.rows, checked: report.checked.length, ignored: report.ignored },
    ),
  ];
}

/** A warning per (feature, entity) where the feature never has a value, so the entity has no rows. */
function warmup(w: WarmupRows, history: EntityHistory): QualityResult[] {
  return w.neverDefined.map(({ feature, entity }) =>
    result(
      feature, 'warmup', false,
      `has no value on any of the ${history.entity} ${describe(history.entities[entity])}'s rows, so that ${history.entity} ` +
        'is all warm-up and has no row in the frame; shorten its window or give a number as warmup',
      { entity: history.entities[entity] },
    ),
  );
}

/** A warning per requested split that ends up with no rows. */
function emptySplits(rows: SplitRows, o: ResolvedFrameOptions): QualityResult[] {
  const asked = { train: true, validation: o.cuts.validation !== undefined, test: o.cuts.test !== undefined };
  const cut = { train: o.cuts.validation ?? o.cuts.test, validation: o.cuts.validation, test: o.cuts.test };
  return (['train', 'validation', 'test'] as const)
    .filter((split) => asked[split] && rows[split].length === 0)
    .map((split) =>
      result(
        split, 'split', false,
        `the ${split} split has no rows (cut-off ${cut[split] === undefined ? 'none' : formatTime(cut[split]!)}); ` +
          'move the cut-offs inside the dates of the data that remain after warm-up',
      ),
    );
}

/**
 * The frame's checks, by name.
 *
 * @example
 * frameChecks.emptySplits(splits.rows, options); // [] or one 'split' warning per empty split
 */
export const frameChecks = { names, leakagePassed, isolationPassed, warmup, emptySplits };
