/**
 * The entity-isolation check: a per-entity feature that forgets `{ groups }` in a shift or a
 * window reads the neighbouring entity's rows. The features are computed on the rows at one
 * boundary of the sorted history (the first entity's end, the second's start) together, and on
 * each side alone: a feature that only reads its own entity gives the same values both ways.
 */
import type { Groups } from '../columns';
import type { Driver } from '../driver';
import { InputError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import { EntityIsolationError, type IsolationDifference } from './isolation-error';
import { isolationRunner, type IsolationRun } from './isolation-runner';
import { isolationSample, sampleInputs } from './isolation-sample';
import { cellAt, takeRows } from './rows';
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
 * Values equal when bitwise equal, both missing, or within 1e-12 relative: a feature that reads
 * only its own entity gets the same rows and gives the same bits; the margin only absorbs kernels
 * whose summation order depends on the row's position in the array, far below any real crossing.
 */
const TOLERANCE = 1e-12;

/** Equal, both NaN, or both finite and within the tolerance: an infinity equals only itself. */
function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  if (a !== a || b !== b) return a !== a && b !== b;
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return sameNumber(a, b);
  if (a === null || a === undefined) return b === null || b === undefined;
  if (a instanceof Date && b instanceof Date) return sameNumber(a.getTime(), b.getTime());
  return false;
}

/** A column of `values[name]` cut to `rows` of the run it came from; anything else as it is. */
function cut(value: unknown, runRows: number, rows: Int32Array): unknown {
  const column = value as ArrayLike<unknown> | null;
  return column !== null && typeof column === 'object' && column.length === runRows ? takeRows(column as never, rows) : value;
}

/** The first row (of `together`, from `offset`) where `alone` differs, and how many differ. */
function compare(together: ArrayLike<unknown>, alone: ArrayLike<unknown>, offset: number) {
  let first = -1;
  let differing = 0;
  if (together instanceof Float64Array && alone instanceof Float64Array) {
    // the common case, one tight loop: most feature columns are float64
    for (let i = 0; i < alone.length; i++) {
      const a = together[offset + i];
      const b = alone[i];
      if (a === b || (a !== a && b !== b) || sameNumber(a, b)) continue;
      differing++;
      if (first < 0) first = i;
    }
    return { first, differing };
  }
  for (let i = 0; i < alone.length; i++) {
    if (same(cellAt(together, offset + i), cellAt(alone, i))) continue;
    differing++;
    if (first < 0) first = i;
  }
  return { first, differing };
}

const isColumn = (v: unknown, n: number): v is ArrayLike<unknown> =>
  v !== null && typeof v === 'object' && (v as ArrayLike<unknown>).length === n;

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
  const both = Int32Array.from([...sides[0], ...sides[1]]);
  const offsets = [0, sides[0].length];
  const entities = [history.entities?.[sample.first] ?? sample.first, history.entities?.[sample.first + 1] ?? sample.first + 1] as const;
  const names = { entity: history.entity ?? 'entity', time: history.time };
  const inputs = (order: Int32Array, starts: Int32Array) =>
    sampleInputs(history.inputs, history.rows, options.groupsName ?? 'groups', order, starts);
  const positions = [null, ...sides.map((side, k) => Int32Array.from(side, (_, j) => offsets[k] + j))];
  const time = history.time === undefined ? undefined : (history.columns?.[history.time] as ArrayLike<number> | undefined);
  const found: (IsolationDifference | undefined)[] = new Array(checked.length);
  const take = (j: number, values: readonly unknown[]) => {
    const a = values[0];
    if (!isColumn(a, both.length)) return;
    // the second entity's start first: a window or shift that forgets { groups } shows there
    for (let side = 1; side >= 0; side--) {
      const b = values[1 + side];
      const column = isColumn(b, sides[side].length);
      // a column together and anything else alone (a number, a column of another length) differs at its first row
      const { first, differing } = column ? compare(a, b, offsets[side]) : { first: 0, differing: sides[side].length };
      if (first < 0) continue;
      const row = sides[side][first];
      found[j] = {
        feature: checked[j],
        entity: entities[side],
        neighbour: entities[1 - side],
        side: side === 1 ? 'after' : 'before',
        time: time?.[row],
        inputRow: history.order ? history.order[row] : row,
        together: cellAt(a, offsets[side] + first),
        alone: column ? cellAt(b, first) : b,
        differing,
        compared: sides[side].length,
      };
      return;
    }
  };
  try {
    await runner({
      outputs: checked,
      overridden,
      layouts: [inputs(both, Int32Array.of(0, sides[0].length)), ...sides.map((s) => inputs(s, Int32Array.of(0)))],
      cut: (value, layout) => cut(value, both.length, positions[layout]!),
      take,
    });
  } catch (error) {
    // the request itself (an unknown output, a missing input, a run function's result) is no sample's failure
    if (error instanceof InputError) throw error;
    const what = `${names.entity} ${describe(entities[0])} and ${names.entity} ${describe(entities[1])}`;
    throw new EntityIsolationError([], names, { sample: what, error });
  }
  const differences = found.filter((d): d is IsolationDifference => d !== undefined);
  if (differences.length > 0) throw new EntityIsolationError(differences, names);
  return { entities, rows: both.length, checked, ignored: ignore };
}
