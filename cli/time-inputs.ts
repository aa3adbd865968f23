/**
 * `quiver run … --entity city --time date --calendar D --join weather.csv:on=date,by=city`: the
 * inputs as a per-entity history on a filled calendar, with other tables joined as of each row's
 * time (the same `prepareHistory` that `buildTrainingFrame` uses).
 */
import type { Command } from 'commander';
import type { Table } from 'apache-arrow';
import { closest } from '../src/execution/suggest';
import { prepareHistory, type FrameJoin } from '../src/timeseries/frame-joins';
import type { EntityHistory } from '../src/timeseries/history';
import type { AdapterNote } from '../adapters/notes';
import type { JoinReport } from '../adapters/report/joins-section';
import { UsageError } from './errors';
import { InputError } from '../src/errors';
import { readInputs } from './session';
import { inputRowNames } from './row-names';

/** One `--join` as written: the file and its options. */
export interface JoinSpec {
  readonly file: string;
  readonly on?: string;
  readonly by?: string;
  readonly tolerance?: string;
  readonly prefix?: string;
}

/** The options this file adds to `quiver run`. */
export interface TimeOptions {
  readonly entity?: string;
  readonly time?: string;
  readonly calendar?: string;
  readonly join?: readonly JoinSpec[];
}

const JOIN_KEYS = ['on', 'by', 'tolerance', 'prefix'] as const;
const JOIN_FORM = 'FILE:on=COLUMN[,by=COLUMN][,tolerance=3D][,prefix=w_]';

/**
 * `--join weather.csv:on=date,by=city` (repeatable) → the join specs so far.
 *
 * @example
 * parseJoin('weather.csv:on=date,by=city'); // [{ file: 'weather.csv', on: 'date', by: 'city' }]
 */
export function parseJoin(text: string, previous: JoinSpec[] = []): JoinSpec[] {
  const match = /^(.+?):((?:[A-Za-z]+=[^,]*)(?:,[A-Za-z]+=[^,]*)*)$/.exec(text);
  if (match === null) {
    throw new UsageError(`--join takes ${JOIN_FORM} (got "${text}"), e.g. --join weather.csv:on=date,by=city.`);
  }
  const spec: Record<string, string> = { file: match[1] };
  for (const pair of match[2].split(',')) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1).trim();
    if (!(JOIN_KEYS as readonly string[]).includes(key)) {
      const near = closest(key, JOIN_KEYS);
      const hint = near ? ` (did you mean "${near}"?)` : '';
      throw new UsageError(`--join "${text}": unknown key "${key}"${hint}; keys are ${JOIN_KEYS.join(', ')}.`);
    }
    if (value === '') throw new UsageError(`--join "${text}": ${key}= needs a value.`);
    spec[key] = value;
  }
  return [...previous, spec as unknown as JoinSpec];
}

/**
 * Adds `--entity`, `--time`, `--calendar` and `--join` to a command.
 *
 * @example
 * withTimeOptions(program.command('run'));
 */
export function withTimeOptions(cmd: Command): Command {
  return cmd
    .option('--entity <column>', 'the entity column: rows are sorted by (entity, time) and features get `groups`')
    .option('--time <column>', 'the time column (with --entity)')
    .option('--calendar <freq>', "fill each entity's calendar first: D, W, h or an offset such as 15min")
    .option('--join <spec>', `join a table as of each row's time, repeatable: ${JOIN_FORM}`, parseJoin);
}

/**
 * The run's inputs: the table itself without these options; else the sorted history (its columns,
 * `groups`, joined columns), the history itself (for the isolation check) and lines for the
 * report's details. `file` is where `table` was read from: errors about its rows name the file's
 * lines (a CSV) or say the rows count from 0.
 *
 * @example
 * const { inputs } = await timeInputs(table, { entity: 'city', time: 'date', calendar: 'D' }, undefined, 'sales.csv');
 */
export async function timeInputs(
  table: Table, opts: TimeOptions, onNote?: (note: AdapterNote) => void, file?: string,
): Promise<{
  inputs: Table | Readonly<Record<string, unknown>>;
  details: Record<string, string>;
  joins: readonly JoinReport[];
  history?: EntityHistory;
}> {
  const joins = opts.join ?? [];
  if (opts.entity === undefined && opts.time === undefined && opts.calendar === undefined && joins.length === 0) {
    return { inputs: table, details: {}, joins: [] };
  }
  if (opts.entity === undefined || opts.time === undefined) {
    const asked =
      opts.calendar !== undefined ? '--calendar' : joins.length > 0 ? '--join' : opts.entity ? '--entity' : '--time';
    throw new UsageError(`${asked} needs both --entity <column> and --time <column>, e.g. --entity city --time date.`);
  }
  const frameJoins: FrameJoin[] = [];
  for (const { file, ...rest } of joins) frameJoins.push({ data: await readInputs(file, onNote), ...rest });
  const { history, added, joined, joins: summaries } = prepareHistory(table, {
    entity: opts.entity, time: opts.time, calendar: opts.calendar, joins: frameJoins,
    ...(file === undefined ? {} : { rowNames: inputRowNames(table, file) }),
  });
  const details: Record<string, string> = { entity: opts.entity, time: opts.time };
  if (opts.calendar !== undefined) details.calendar = `${opts.calendar} (${added} row${added === 1 ? '' : 's'} added)`;
  joins.forEach((spec, j) => {
    details[`join ${j + 1}`] = `${spec.file} as of ${spec.on ?? opts.time}${spec.by ? ` by ${spec.by}` : ''}`;
  });
  if (joined.length > 0) details.joined = joined.join(', ');
  return { inputs: history.inputs, details, joins: summaries.map((s, j) => ({ ...s, name: joins[j].file })), history };
}

/**
 * A missing `groups` input on the command line: quiver makes it from `--entity` and `--time`, which
 * the message says instead of only "Pass it in inputs" (a command-line user passes no inputs object).
 *
 * @example
 * throw withGroupsHint(error, opts); // "… On the command line, --entity <column> --time <column> …"
 */
export function withGroupsHint(error: unknown, opts: TimeOptions): unknown {
  if (!(error instanceof InputError) || opts.entity !== undefined) return error;
  if (!error.issues.some((i) => i.code === 'missing-input' && i.nodes[0] === 'groups')) return error;
  error.message +=
    '\nOn the command line, --entity <column> --time <column> gives the features "groups" (one group per entity), ' +
    'e.g. --entity store --time date.';
  return error;
}
