/**
 * What `buildTrainingFrame` is told, and the same with every default applied and every option
 * checked up front, so a mistake is reported before any feature runs.
 */
import { InputError, type Issue } from '../errors';
import type { LifecycleAdapter } from '../execution/hooks';
import type { TagFilter } from '../graph/node-info';
import type { RawData } from './raw-data';
import { joinIssues, type FrameJoin } from './frame-joins';
import { cutoff } from './time';
import type { Warmup } from './warmup';

/** Options of `buildTrainingFrame`. */
export interface TrainingFrameOptions {
  /** Feature classes (or instances), as `Builder.withFeatures` takes them. */
  readonly features: readonly unknown[];
  /** Raw long-format history: a record of columns or an Arrow `Table`, one row per (entity, time). */
  readonly data: RawData;
  /** The entity column (city, store, ticker…). */
  readonly entity: string;
  /** The time column: epoch ms, Dates, ISO strings, or an Arrow Date/Timestamp column. */
  readonly time: string;
  /** The numeric column to predict. */
  readonly target: string;
  /** How many rows ahead, within the entity, the label is taken from (default 1). */
  readonly horizon?: number;
  /** The label column's name in the frame (default `'label'`). */
  readonly label?: string;
  /**
   * The features that become columns. Default: every feature node of the classes (filtered by
   * `tags` when given) whose value is a column; nodes declared or found to return a single
   * value, a table or a record are left out (listed in `frame.leftOut`).
   */
  readonly outputs?: readonly string[];
  /** With the default outputs: only nodes matching this tag filter. */
  readonly tags?: TagFilter;
  /**
   * Raw columns (or other nodes) to put in the frame as features too, before the others: e.g.
   * today's value of the target, which the model knows when it predicts tomorrow.
   */
  readonly include?: readonly string[];
  /** First date of the validation and test splits (ISO string, Date or epoch ms); each optional. */
  readonly splits?: { readonly validation?: string | Date | number; readonly test?: string | Date | number };
  /** Rows per entity left out before each cut-off (default and minimum: `horizon`). */
  readonly gap?: number;
  /** `'auto'` (default): per entity, until every feature has produced a value; or a row count per entity. */
  readonly warmup?: Warmup;
  /** Run the frame's checks (leakage, warm-up, empty splits); default true. Leakage then throws `LeakageError`. */
  readonly checks?: boolean;
  /** Build-time config for the feature classes (`Builder.withConfig`). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Lifecycle hooks (`Builder.withAdapters`), e.g. a progress bar. */
  readonly adapters?: readonly LifecycleAdapter[];
  /** Fill each entity's calendar first (`fillCalendar`): `'D'`, `'W'`, `'h'`, an offset or ms. */
  readonly calendar?: string | number;
  /** Tables joined as of each row's time (`asOfJoin`, backward) before the features run. */
  readonly joins?: readonly FrameJoin[];
}

/** The options with every default applied. */
export interface ResolvedFrameOptions extends TrainingFrameOptions {
  readonly horizon: number;
  readonly label: string;
  readonly gap: number;
  readonly warmup: Warmup;
  readonly checks: boolean;
  readonly cuts: { readonly validation?: number; readonly test?: number };
}

/**
 * Checks the options and applies the defaults; one `InputError` lists every problem.
 *
 * @example
 * resolveFrameOptions({ features: [F], data, entity: 'city', time: 'day', target: 'temp' }).gap; // 1 (= horizon)
 */
export function resolveFrameOptions(options: TrainingFrameOptions): ResolvedFrameOptions {
  const issues: Issue[] = [];
  const add = (message: string, ...nodes: string[]) => issues.push({ code: 'training-frame', message, nodes });
  const horizon = options.horizon ?? 1;
  if (!Number.isInteger(horizon) || horizon < 1) {
    add(`horizon is ${String(options.horizon)}; give a whole number of rows ahead, 1 or more (1 = the next row of the entity).`, 'horizon');
  }
  const gap = options.gap ?? horizon;
  if (!Number.isInteger(gap) || gap < horizon) {
    add(`gap is ${String(options.gap)}; it must be a whole number of rows, at least the horizon (${horizon}), or labels leak into the next split.`, 'gap');
  }
  if (!Array.isArray(options.features) || options.features.length === 0) {
    add('features is empty; pass the feature classes, e.g. features: [WeatherFeatures].', 'features');
  }
  for (const key of ['entity', 'time', 'target'] as const) {
    if (typeof options[key] !== 'string' || options[key].length === 0) add(`${key} must be the name of a column of the data.`, key);
  }
  const label = options.label ?? 'label';
  const taken = [options.entity, options.time].find((name) => name === label);
  if (taken !== undefined) add(`The label name "${label}" is also the ${taken === options.entity ? 'entity' : 'time'} column; pass another label name.`, label);
  const cuts: { validation?: number; test?: number } = {};
  for (const split of ['validation', 'test'] as const) {
    const given = options.splits?.[split];
    if (given === undefined) continue;
    try {
      cuts[split] = cutoff(given, `splits.${split}`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues);
    }
  }
  issues.push(...joinIssues(options.calendar, options.joins));
  if (issues.length > 0) throw new InputError(issues);
  return { ...options, horizon, gap, label, warmup: options.warmup ?? 'auto', checks: options.checks ?? true, cuts };
}
