/**
 * The history a training frame's features see: the raw data on a filled calendar (`calendar`),
 * then each exogenous table joined as of the row's time (`joins`), so no feature can see a
 * joined value stamped after its row. Shared by `buildTrainingFrame` and `quiver run`.
 */
import { InputError, type Issue } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import { offsetMs } from '../columns/offset';
import { asOfJoinRows } from './as-of-join';
import { fillCalendar } from './fill-calendar';
import { entityHistory, type EntityHistory } from './history';
import { isTableLike, recordOf, type RawData } from './raw-data';
import { columnLength, type Column } from './rows';
import type { RowNames } from './row-names';

/** One point-in-time join: `data`'s columns as of each history row's time, optionally per `by` key. */
export interface FrameJoin {
  /** The table to join: a record of columns or an Arrow `Table`. */
  readonly data: RawData;
  /** Its time column (default: the history's time column name). */
  readonly on?: string;
  /** A key column of both tables (e.g. the entity, or a region), or a list of them; leave out to join on time alone. */
  readonly by?: string | readonly string[];
  /** Largest age a joined value may have, inclusive: ms or an offset such as `'3D'`. */
  readonly tolerance?: number | string;
  /** Put before each joined column's name (default none), e.g. `'weather_'`. */
  readonly prefix?: string;
}

/** Rows of a table to join (its first column's length for a record; the join has checked they agree). */
function columnRows(data: RawData): number {
  if (isTableLike(data)) return data.numRows;
  const [name, column] = Object.entries(recordOf(data))[0] ?? [];
  return name === undefined ? 0 : columnLength(column, name);
}

/** What one join did, for reports: how it matched and how many history rows found nothing. */
export interface JoinSummary {
  readonly on: string;
  readonly by: readonly string[];
  /** The tolerance in ms; `undefined` for none. */
  readonly tolerance: number | undefined;
  readonly prefix: string;
  /** The columns it brought (after `prefix`). */
  readonly columns: readonly string[];
  /** Rows of the table joined, and of the history it was joined onto. */
  readonly tableRows: number;
  readonly rows: number;
  /** History rows no row of the table matched (no earlier row of their key, or none within the tolerance): NaN/null there. */
  readonly unmatched: number;
}

/** The history after the calendar fill and the joins. */
export interface PreparedHistory {
  readonly history: EntityHistory;
  /** Rows added by the calendar fill (0 without `calendar`). */
  readonly added: number;
  /** Which rows of the (sorted) history the calendar fill added; `undefined` without `calendar`. */
  readonly addedRows?: Int32Array;
  /** The names of the joined columns (after `prefix`). */
  readonly joined: readonly string[];
  /** One summary per join, in order. */
  readonly joins: readonly JoinSummary[];
}

const JOIN_KEYS = ['data', 'on', 'by', 'tolerance', 'prefix'];

/**
 * Checks `calendar` and `joins` up front: the problems, one issue each (empty when all is well).
 *
 * @example
 * joinIssues('D', [{ data, by: 'city', prefx: 'w_' }]);   // one issue: unknown option "prefx"
 */
export function joinIssues(calendar: unknown, joins: unknown): Issue[] {
  const issues: Issue[] = [];
  const attempt = (node: string, check: () => void) => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push({ code: 'training-frame', message: error.message, nodes: [node] });
    }
  };
  if (calendar !== undefined) attempt('calendar', () => offsetMs('calendar', calendar));
  if (joins === undefined) return issues;
  if (!Array.isArray(joins)) {
    const message = 'joins must be an array of { data, on, by, tolerance, prefix }.';
    issues.push({ code: 'training-frame', message, nodes: ['joins'] });
    return issues;
  }
  joins.forEach((join: FrameJoin, j) => {
    attempt('joins', () => assertKnownKeys(join, JOIN_KEYS, `joins[${j}]`, InputError));
    if (join?.data === undefined || join.data === null) {
      const message = `joins[${j}] has no data; give the table to join.`;
      issues.push({ code: 'training-frame', message, nodes: ['joins'] });
    }
    if (join?.tolerance !== undefined && join.tolerance !== 0) {
      attempt('joins', () => offsetMs(`joins[${j}].tolerance`, join.tolerance));
    }
  });
  return issues;
}

/**
 * Sorts the raw data into an entity history, fills the calendar first when `calendar` is given,
 * then joins each table backward as of the row's time (a value stamped exactly at the row's time
 * is visible, a later one never). Joined columns become inputs named `prefix + column`; a name
 * that is already taken is an `InputError` that says to pass a prefix. `rowNames` says how
 * messages name the data's rows (the command line names a CSV file's lines).
 *
 * @example
 * const { history } = prepareHistory(data, { entity: 'city', time: 'date', calendar: 'D',
 *   joins: [{ data: holidays, on: 'date', prefix: 'h_' }] });
 */
export function prepareHistory(
  data: RawData,
  o: {
    entity: string; time: string; calendar?: string | number; joins?: readonly FrameJoin[]; rowNames?: RowNames;
  },
): PreparedHistory {
  let raw = data;
  let added = 0;
  let addedRows: Int32Array | undefined;
  if (o.calendar !== undefined) {
    const filled = fillCalendar(data, { entity: o.entity, time: o.time, freq: o.calendar, ...rowNamesOf(o) });
    raw = filled.columns;
    added = filled.added.length;
    addedRows = filled.added;
  }
  // on a filled calendar the rows are no longer the data's: fillCalendar checked those, naming them
  const names = o.calendar === undefined ? rowNamesOf(o) : {};
  const history = entityHistory(raw, { entity: o.entity, time: o.time, ...names });
  if (o.joins === undefined || o.joins.length === 0) return { history, added, addedRows, joined: [], joins: [] };
  const columns: Record<string, Column> = { ...history.columns };
  const joined: string[] = [];
  const summaries: JoinSummary[] = [];
  o.joins.forEach((join, j) => {
    const on = join.on ?? o.time;
    const left: Record<string, Column> = { [on]: history.columns[o.time] };
    const keys: readonly unknown[] = join.by === undefined ? [] : Array.isArray(join.by) ? join.by : [join.by];
    for (const by of keys) {
      if (typeof by !== 'string' || !(by in history.columns)) {
        throw new InputError(
          `joins[${j}].by ${Array.isArray(join.by) ? 'names' : 'is'} ${JSON.stringify(by)}, which is not a column of the history; ` +
            `its columns are ${Object.keys(history.columns).map((k) => `"${k}"`).join(', ')}.`,
          [String(by)],
        );
      }
      left[by] = history.columns[by];
    }
    const { columns: values, index } = asOfJoinRows(left, join.data, {
      on,
      ...(join.by === undefined ? {} : { by: join.by }),
      ...(join.tolerance === undefined ? {} : { tolerance: join.tolerance }),
    });
    const brought: string[] = [];
    for (const [name, column] of Object.entries(values)) {
      const as = `${join.prefix ?? ''}${name}`;
      if (as in columns || as === 'groups') {
        throw new InputError(
          `joins[${j}] brings a column "${as}", but the history already has one. ` +
            `Pass a prefix, e.g. joins[${j}].prefix = "j${j}_", so the joined columns get names of their own.`,
          [as],
        );
      }
      columns[as] = column;
      joined.push(as);
      brought.push(as);
    }
    let unmatched = 0;
    for (let i = 0; i < index.length; i++) if (index[i] < 0) unmatched++;
    summaries.push({
      on, by: keys as string[], prefix: join.prefix ?? '', columns: brought, rows: index.length, unmatched,
      tolerance: join.tolerance === undefined ? undefined : join.tolerance === 0 ? 0 : offsetMs(`joins[${j}].tolerance`, join.tolerance),
      tableRows: columnRows(join.data),
    });
  });
  const inputs = { ...history.inputs, ...Object.fromEntries(joined.map((name) => [name, columns[name]])) };
  return { history: { ...history, columns, inputs }, added, addedRows, joined, joins: summaries };
}

/** `{ rowNames }` when one is given, else nothing: the readers' option checks see no `undefined` key. */
function rowNamesOf(o: { rowNames?: RowNames }): { rowNames?: RowNames } {
  return o.rowNames === undefined ? {} : { rowNames: o.rowNames };
}
