/**
 * The entity-isolation check: a per-entity feature that forgets `{ groups }` in a shift or a
 * window reads the neighbouring entity's rows. The features are computed on the rows at one
 * boundary of the sorted history (the first entity's end, the second's start) together, and on
 * each side alone: a feature that only reads its own entity gives the same values both ways.
 */
import type { Groups } from '../columns';
import type { Driver } from '../driver';
import { recycleSlabs } from '../columns/allocate';
import { InputError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import { Comparison } from './isolation-compare';
import { EntityIsolationError } from './isolation-error';
import { isolationRunner, type IsolationRun } from './isolation-runner';
import { isolationSample, sampleInputs } from './isolation-sample';
import { describe } from './time';

export type { IsolationRun } from './isolation-runner';

/** `buildTrainingFrame`'s `isolationCheck`: on (the default), off, or on with features left out. */
export type IsolationCheckOption = boolean | { readonly ignore?: readonly string[] };

/** The history the features run on; an `EntityHistory` is one. */
export interface IsolationHistory {
  /** The columns (one value per row, sorted by entity then time) plus `groups`: the run's inputs. */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly groups: Groups;
  readonly rows: number;
  /** For messages: the entity keys in `groups` order, the column names, the time column, the input order. */
  readonly entities?: readonly unknown[];
  readonly entity?: string;
  readonly time?: string;
  readonly columns?: Readonly<Record<string, unknown>>;
  readonly order?: Int32Array | null;
}

/** Options of `checkEntityIsolation`. */
export interface IsolationOptions {
  /** Features that are cross-entity on purpose; nodes tagged `{ entityScope: 'global' }` are added (with a driver). */
  readonly ignore?: readonly string[];
  /** Rows taken on each side of the boundary (default 64); cover the longest window's reach. */
  readonly rows?: number;
  /** The input that holds the groups (default `'groups'`). */
  readonly groupsName?: string;
}

/** What the check compared; it throws `EntityIsolationError` instead when a feature differs. */
export interface IsolationReport {
  /** The two neighbouring entities, or `null` when the history has fewer than two. */
  readonly entities: readonly [unknown, unknown] | null;
  /** Rows of each layout (the two entities' sides together). */
  readonly rows: number;
  readonly checked: readonly string[];
  readonly ignored: readonly string[];
}

const OPTION_KEYS = ['ignore', 'rows', 'groupsName'];
/** Rows per side when the caller does not say. */
export const ISOLATION_ROWS = 64;
/**
 * Checks that every feature reads only its own entity's rows. Takes the two neighbouring
 * entities of the sorted history whose sides come closest to `rows` rows each (the end of the
 * first, the start of the second), computes `outputs` on those rows together and on each side
 * alone, and compares every column row by row. A feature in `ignore` (or tagged
 * `{ entityScope: 'global' }`) is not compared, and the runs alone are given its values from the
 * run together, so features built on it are still checked. With a driver, the three layouts are
 * computed in one walk over its graph (isolation-walk.ts): data-quality checks do not run on the
 * sample and the driver's own hooks are left out; a function is called once per layout and must
 * resolve to the outputs by name (an `InputError` otherwise). Throws `EntityIsolationError`
 * naming each feature that differs, with the entity, the time and the input row; resolves to
 * what was compared.
 *
 * @example
 * const history = entityHistory(table, { entity: 'store', time: 'date' });
 * const dr = new Builder().withFeatures(StoreFeatures).build();
 * await checkEntityIsolation(dr, ['sales_ma7', 'sales_lag_1'], history);
 */
export async function checkEntityIsolation(
  run: Driver<unknown> | IsolationRun, outputs: readonly string[], history: IsolationHistory, options: IsolationOptions = {},
): Promise<IsolationReport> {
  assertKnownKeys(options, OPTION_KEYS, 'checkEntityIsolation', InputError);
  const { run: runner, ignore, overridden } = isolationRunner(run, options.ignore ?? []);
  const skipped = new Set(ignore);
  const checked = outputs.filter((name) => !skipped.has(name));
  const sample = isolationSample(history.groups, history.rows, options.rows ?? ISOLATION_ROWS);
  if (sample === undefined) return { entities: null, rows: 0, checked: [], ignored: ignore };
  const sides = sample.rows;
  const both = new Int32Array(sides[0].length + sides[1].length);
  both.set(sides[0]);
  both.set(sides[1], sides[0].length);
  const entities = [history.entities?.[sample.first] ?? sample.first, history.entities?.[sample.first + 1] ?? sample.first + 1] as const;
  const names = { entity: history.entity ?? 'entity', time: history.time };
  // the sample's groups in the history's shape (with keys when it has them), see groupsAt
  const keys = history.groups.keys === undefined ? undefined : [history.groups.keys[sample.first], history.groups.keys[sample.first + 1]];
  const inputs = (order: Int32Array, starts: Int32Array, of: readonly unknown[] | undefined) =>
    sampleInputs(history.inputs, history.rows, options.groupsName ?? 'groups', order, starts, of);
  const time = history.time === undefined ? undefined : (history.columns?.[history.time] as ArrayLike<number> | undefined);
  const comparison = new Comparison({
    outputs: checked,
    overridden,
    layouts: [
      inputs(both, Int32Array.of(0, sides[0].length), keys),
      inputs(sides[0], Int32Array.of(0), keys?.slice(0, 1)),
      inputs(sides[1], Int32Array.of(0), keys?.slice(1)),
    ],
    sides,
    entities,
    time,
    order: history.order,
  });
  try {
    await runner(comparison);
  } catch (error) {
    // the request itself (an unknown output, a missing input, a run function's result) is no sample's failure
    if (error instanceof InputError) throw error;
    const what = `${names.entity} ${describe(entities[0])} and ${names.entity} ${describe(entities[1])}`;
    throw new EntityIsolationError([], names, { sample: what, error });
  }
  const differences = comparison.differences();
  if (differences.length > 0) throw new EntityIsolationError(differences, names);
  // nothing kept any computed array (a difference would hold the value alone): their memory serves the next check
  recycleSlabs(comparison.slabs);
  return { entities, rows: both.length, checked, ignored: ignore };
}
