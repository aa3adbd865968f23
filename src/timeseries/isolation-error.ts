/**
 * What the entity-isolation check found: a feature whose values on an entity's rows change when
 * a neighbouring entity's rows are beside them, and the error that names it, the rows and the fix.
 */
import { QuiverError } from '../errors';
import type { QualityResult } from '../quality/result';
import { formatValue } from '../quality/text';
import { describe, formatTime } from './time';

/** The tag that marks a feature as cross-entity on purpose: the isolation check leaves it out. */
export const GLOBAL_TAG = { entityScope: 'global' } as const;

/** One feature that reads across the entity boundary, at its first differing row. */
export interface IsolationDifference {
  readonly feature: string;
  /** The entity whose row differs, and the neighbour whose rows made the difference. */
  readonly entity: unknown;
  readonly neighbour: unknown;
  /** Whether the neighbour comes before (`'after'`: its rows precede this entity's) or after it. */
  readonly side: 'after' | 'before';
  /** The row's time (epoch ms) and its row in the input the user passed (counting from 0). */
  readonly time: number | undefined;
  readonly inputRow: number;
  /** The value with the neighbour beside it, and with the entity alone on that side. */
  readonly together: unknown;
  readonly alone: unknown;
  /** Rows that differ, of those compared. */
  readonly differing: number;
  readonly compared: number;
}

/** Names used in messages: the entity and time columns. */
export interface IsolationNames {
  readonly entity: string;
  readonly time?: string;
}

function where(d: IsolationDifference, names: IsolationNames): string {
  const at = d.time === undefined ? '' : ` at ${formatTime(d.time)}`;
  return `${names.entity} ${describe(d.entity)}${at} (input row ${d.inputRow})`;
}

/**
 * One line per feature, e.g. `Feature "ma3" on city "b" at 2020-01-01 (input row 3) is 6 computed
 * after city "a"'s rows and NaN on "b" alone (2 of 16 rows differ).`
 *
 * @example
 * describeDifference(difference, { entity: 'city', time: 'date' });
 */
export function describeDifference(d: IsolationDifference, names: IsolationNames): string {
  const beside = d.side === 'after' ? 'after' : 'before';
  return (
    `Feature "${d.feature}" on ${where(d, names)} is ${formatValue(d.together)} computed ${beside} ` +
    `${names.entity} ${describe(d.neighbour)}'s rows and ${formatValue(d.alone)} on ${describe(d.entity)} alone ` +
    `(${d.differing} of ${d.compared} rows differ).`
  );
}

/**
 * Thrown when features read across entity boundaries; `.features` names them, `.differences`
 * holds each one's first differing row and `.results` one failed `entityIsolation` check each.
 *
 * @example
 * try { await buildTrainingFrame(options); } catch (e) { if (e instanceof EntityIsolationError) console.log(e.features); }
 */
export class EntityIsolationError extends QuiverError {
  readonly features: readonly string[];
  readonly differences: readonly IsolationDifference[];
  readonly results: readonly QualityResult[];
  /**
   * `failure`: the features could not be computed on the sample (`sample` describes it); the
   * error they threw is the `cause`.
   */
  constructor(differences: readonly IsolationDifference[], names: IsolationNames, failure?: { sample: string; error: unknown }) {
    super(failure ? failedMessage(failure.sample, failure.error) : differenceMessage(differences, names), { cause: failure?.error });
    this.features = differences.map((d) => d.feature);
    this.differences = differences;
    this.results = differences.map((d) => ({
      node: d.feature,
      check: 'entityIsolation',
      importance: 'fail',
      passes: false,
      message: describeDifference(d, names),
      diagnostics: { ...d },
    }));
  }
}

function differenceMessage(differences: readonly IsolationDifference[], names: IsolationNames): string {
  const n = differences.length;
  const listed = differences.map((d) => `'${d.feature}'`).join(', ');
  return (
    `Entity isolation: ${n} feature${n > 1 ? 's read' : ' reads'} across entities; computed on two neighbouring ` +
    `entities (${names.entity}) together, ${n > 1 ? 'they differ' : 'it differs'} from each entity alone:\n` +
    differences.map((d) => `  - ${describeDifference(d, names)}`).join('\n') +
    "\nA per-entity feature may only read its own entity's rows: pass { groups } to shift/rolling/expanding/ewm/" +
    'diff/fill/cumsum/zscore (a feature method receives it as a parameter named groups). If a feature is ' +
    "cross-entity on purpose (a global mean), mark it global: @tag({ entityScope: 'global' }) or " +
    `isolationCheck: { ignore: [${listed}] }.`
  );
}

function failedMessage(sample: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return (
    `Entity isolation: the check computes the features on the rows where ${sample} meet, and that failed:\n` +
    `  ${reason.replace(/\n/g, '\n  ')}\n` +
    'A per-entity feature should compute on any stretch of one entity\'s rows. Fix the feature, leave it out with ' +
    "isolationCheck: { ignore: ['name'] } (or @tag({ entityScope: 'global' })), or turn the check off with isolationCheck: false."
  );
}
