/**
 * Long-format raw history (one row per entity and time) made ready for per-entity features:
 * sorted by (entity, time) with one permutation applied to every column, the time column as
 * epoch milliseconds, and the entity `groups` every windowed kernel takes.
 */
import { InputError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import { groupsOf, type Groups } from '../columns';
import { columnLength, plainColumn, takeRows, type Column } from './rows';
import { carryNotes } from '../util/column-notes';
import { timeColumn } from './time';
import { recordOf, type RawData } from './raw-data';
import { entityTimeOrder } from './order';
import type { RowNames } from './row-names';

/** How `entityHistory` reads the raw data. */
export interface EntityHistoryOptions {
  /** The column naming the entity of each row (store, city, ticker…). */
  readonly entity: string;
  /** The column holding each row's time: epoch ms, Dates, ISO strings or an Arrow Date/Timestamp vector. */
  readonly time: string;
  /** The input name under which feature methods receive the `Groups`; default `'groups'`. */
  readonly groupsName?: string;
  /**
   * How error messages name the data's rows (a missing entity, a duplicate pair, a time that is not
   * one); default `row 3` (counting from 0). Data read from a file can name its lines instead.
   */
  readonly rowNames?: RowNames;
}

/** Every key `EntityHistoryOptions` knows. */
const HISTORY_OPTION_KEYS = ['entity', 'time', 'groupsName', 'rowNames'];

/** Raw history sorted by (entity, time), ready to be a graph's inputs. */
export interface EntityHistory {
  /**
   * Every column, sorted: typed arrays keep their type, the time column is epoch ms in a
   * `Float64Array`, and other columns (strings, booleans, an Arrow vector) are JS arrays.
   */
  readonly columns: Readonly<Record<string, Column>>;
  /** One group per entity, in sorted entity order: what `rollingMean(x, w, { groups })` takes. */
  readonly groups: Groups;
  /** The distinct entities, in the order of `groups`. */
  readonly entities: readonly unknown[];
  /** Row `i` here is input row `order[i]`; `null` when the input was already sorted. */
  readonly order: Int32Array | null;
  readonly rows: number;
  readonly entity: string;
  readonly time: string;
  /** `columns` plus `groups` under its input name: pass as `execute(outputs, { inputs })`. */
  readonly inputs: Readonly<Record<string, unknown>>;
}

/**
 * Sorts long-format history stably by (entity, time) when it is not sorted already, rejects a
 * duplicate (entity, time) pair with an `InputError` naming the pair and its rows, and returns
 * the sorted columns with the entity `groups`. Feature methods then receive `groups` by name,
 * like any other input.
 *
 * @example
 * class Temps {
 *   ma7(temp_max: Float64Array, groups: Groups): Float64Array { return rollingMean(temp_max, 7, { groups }); }
 * }
 * const history = entityHistory({ location, date, temp_max }, { entity: 'location', time: 'date' });
 * const table = await new Builder().withFeatures(Temps).build().execute(['ma7'], { inputs: history.inputs });
 */
export function entityHistory(data: RawData, options: EntityHistoryOptions): EntityHistory {
  assertKnownKeys(options, HISTORY_OPTION_KEYS, 'entityHistory', InputError);
  const { entity, time } = options;
  const groupsName = options.groupsName ?? 'groups';
  const raw = recordOf(data);
  for (const [option, name] of [['entity', entity], ['time', time]] as const) {
    if (!(name in raw)) {
      throw new InputError(
        `The ${option} column "${name}" is not in the data; its columns are ${Object.keys(raw).map((k) => `"${k}"`).join(', ')}. ` +
          `Pass the name of the column that holds each row's ${option}.`,
        [name],
      );
    }
  }
  if (groupsName in raw) {
    throw new InputError(
      `The data has a column named "${groupsName}", the name the entity groups are given as an input. ` +
        'Rename that column or pass another `groupsName`.',
      [groupsName],
    );
  }
  const rows = columnLength(raw[entity], entity);
  for (const [name, column] of Object.entries(raw)) {
    const length = columnLength(column, name);
    if (length !== rows) {
      throw new InputError(
        `Column "${name}" has ${length} row${length === 1 ? "" : "s"} but entity column "${entity}" has ${rows}. All columns of the history must have one value per row.`,
        [name, entity],
      );
    }
  }
  const times = timeColumn(raw[time], time, options.rowNames);
  const { order, entities } = entityTimeOrder(raw[entity], times, { entity, time, rowNames: options.rowNames });
  const columns: Record<string, Column> = {};
  for (const [name, column] of Object.entries(raw)) {
    const source = name === time ? times : plainColumn(column);
    columns[name] = carryNotes(column, order === null ? source : takeRows(source, order));
  }
  const groups = groupsOf(columns[entity] as never);
  return { columns, groups, entities, order, rows, entity, time, inputs: { ...columns, [groupsName]: groups } };
}
