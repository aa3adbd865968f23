/**
 * `quiver run --entity … --time …` checks entity isolation before it writes the table (as
 * `buildTrainingFrame` does): every per-entity feature is computed on two neighbouring entities
 * together and on each alone, and a feature that reads across entities ends the run with an
 * `EntityIsolationError`. `--isolation-ignore a,b` leaves features out; `--no-isolation-check`
 * turns the check off.
 */
import type { Table } from 'apache-arrow';
import type { Driver } from '../src/driver';
import { InputError } from '../src/errors';
import { EntityIsolationError } from '../src/timeseries/isolation-error';
import { UsageError } from './errors';
import { checkEntityIsolation, type IsolationHistory, type IsolationReport } from '../src/timeseries/isolation';
import { warmupRows } from '../src/timeseries/warmup';

/** The options this file adds to `quiver run`. */
export interface IsolationCliOptions {
  /** `false` with `--no-isolation-check`. */
  readonly isolationCheck?: boolean;
  readonly isolationIgnore?: readonly string[];
}

/**
 * Rows per side of the sample: enough that the two sides together span the longest warm-up (reach
 * back) of any computed column, so a window that crosses the boundary has a value there — the
 * same rule as `buildTrainingFrame`.
 */
function sampleRows(table: Table, outputs: readonly string[], history: IsolationHistory): number {
  const columns: Record<string, unknown> = {};
  for (const name of outputs) {
    const child = table.getChild(name);
    if (child !== null && child.length === history.rows) columns[name] = child.toArray();
  }
  let reach = 0;
  for (const w of warmupRows(columns, history.groups, history.rows, 'auto').rows) reach = Math.max(reach, w);
  return Math.max(16, Math.ceil((reach + 1) / 2) + 2);
}

/**
 * Before anything is read: `--isolation-ignore` without `--entity` is a `UsageError`.
 *
 * @example
 * checkIsolationOptions({ entity: 'store', isolationIgnore: ['cityMean'] });
 */
export function checkIsolationOptions(opts: IsolationCliOptions & { readonly entity?: string }): void {
  if (opts.entity === undefined && opts.isolationIgnore !== undefined) {
    throw new UsageError('--isolation-ignore only applies with --entity <column> --time <column> (the entity-isolation check).');
  }
}

/**
 * Runs the check for `quiver run` (nothing without `--entity`, or with `--no-isolation-check`);
 * a failure's message gains the command-line way out. Resolves to what was compared.
 *
 * @example
 * const report = await cliIsolationCheck(dr, outputs, history, table, { isolationIgnore: ['cityMean'] });
 */
export async function cliIsolationCheck(
  dr: Driver<unknown>, outputs: readonly string[], history: IsolationHistory | undefined, table: Table, opts: IsolationCliOptions,
): Promise<IsolationReport | undefined> {
  if (history === undefined || opts.isolationCheck === false) return undefined;
  try {
    return await checkEntityIsolation(dr, outputs, history, {
      ignore: opts.isolationIgnore ?? [],
      rows: sampleRows(table, outputs, history),
    });
  } catch (error) {
    if (error instanceof InputError && error.issues.every((i) => i.code === 'isolation-ignore')) {
      throw new UsageError(error.issues.map((i) => i.message.replace('isolationCheck.ignore', '--isolation-ignore')).join('\n'));
    }
    if (error instanceof EntityIsolationError) {
      const names = error.features.length > 0 ? error.features.join(',') : 'NAME';
      error.message +=
        `\nOn the command line: --isolation-ignore ${names} leaves ${error.features.length === 1 ? 'it' : 'them'} out of the check, ` +
        '--no-isolation-check turns the check off. Nothing was written.';
    }
    throw error;
  }
}

/**
 * One line for the run's output and report: what the check compared.
 *
 * @example
 * isolationLine({ entities: ['a', 'b'], rows: 40, checked: ['ma7'], ignored: [] }, 'store');
 * // 'Entity isolation: 1 feature checked on store a | b (40 rows): each reads only its own entity.'
 */
export function isolationLine(report: IsolationReport, entity: string): string {
  if (report.entities === null) return `Entity isolation: not checked, the history has fewer than two ${entity} values.`;
  const n = report.checked.length;
  const ignored = report.ignored.length > 0 ? `; left out: ${report.ignored.join(', ')}` : '';
  return (
    `Entity isolation: ${n} feature${n === 1 ? '' : 's'} checked on ${entity} ${String(report.entities[0])} | ` +
    `${String(report.entities[1])} (${report.rows} rows): each reads only its own entity${ignored}.`
  );
}
