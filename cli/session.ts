/**
 * What every command does first: load the feature file, build the driver, read the inputs file,
 * choose the outputs.
 */
import type { Table } from 'apache-arrow';
import { Builder, describeTagFilter, InputError, type Driver, type LifecycleAdapter, type ResultBuilder, type TagFilter } from '../src';
import { checkReadable } from '../adapters/files/file-errors';
import { formatOf, readTable, type Format } from '../adapters/files/formats';
import type { AdapterNote } from '../adapters/notes';
import type { CsvColumnSpec } from '../adapters/csv/schema-check';
import { DEFAULT_NULL_VALUES } from '../adapters/csv/read-csv';
import { UsageError } from './errors';
import { loadFeatureModule } from './load-features';

/** Options every command that loads features takes. */
export interface FeatureOptions {
  readonly class?: string[];
  readonly config?: Record<string, unknown>;
  /** `--cache DIR` (quiver run): cache node values there. */
  readonly cache?: string;
}

/** How outputs are chosen: `--outputs a,b`, `--tag k=v`, or every feature (`--all`, the default). */
export interface OutputOptions {
  readonly outputs?: string[];
  readonly tag?: TagFilter;
  readonly all?: boolean;
}

/**
 * Load `file`'s classes and build a driver with the command's config and hooks.
 *
 * @example
 * const dr = buildDriver('features.ts', { config: { region: 'US' } });
 */
export function buildDriver(
  file: string,
  opts: FeatureOptions,
  adapters: readonly LifecycleAdapter[] = [],
  result?: ResultBuilder<Table>,
): Driver<Table> {
  const { classes, policies } = loadFeatureModule(file, opts.class ?? []);
  const builder = new Builder().withFeatures(...classes).withConfig(opts.config ?? {}).withAdapters(...adapters).withPolicies(...policies);
  if (opts.cache !== undefined) builder.withCache(opts.cache);
  return (result ? builder.withResult(result) : builder).build() as Driver<Table>;
}

/**
 * Whether the outputs were chosen for the user (`--all`, `--tag`, or nothing given) rather than
 * named with `--outputs`.
 *
 * @example
 * outputsChosenForUser({ tag: { owner: 'ds' } }); // true
 */
export function outputsChosenForUser(opts: OutputOptions): boolean {
  return !(opts.outputs && opts.outputs.length > 0);
}

/** A file-adapter error about a path typed on the command line is a usage error, same message. */
function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

/**
 * Check that `--out` names a format quiver can write, before anything is computed.
 *
 * @example
 * checkOutputPath('out/features.parquet');
 */
export function checkOutputPath(file: string): void {
  asUsage(() => formatOf(file, 'write'));
}

/**
 * The format of the `--inputs` file, checked readable: a path that is not there or has an unknown
 * extension is a `UsageError`.
 *
 * @example
 * (await inputsFormat('data/history.parquet')).name; // 'Parquet'
 */
export async function inputsFormat(file: string): Promise<Format> {
  const format = asUsage(() => formatOf(file, 'read'));
  try {
    await checkReadable(file, format.name);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  return format;
}

/** How a text `--inputs` file is read: `--schema`, `--null-value`, `--no-default-null-values`. */
export interface TextInputOptions {
  readonly schema?: Readonly<Record<string, CsvColumnSpec>>;
  /** Texts read as missing in a CSV/TSV file, besides the defaults (as pandas' `na_values`). */
  readonly nullValue?: readonly string[];
  /** false: only `nullValue` texts are missing (pandas' `keep_default_na=False`). */
  readonly defaultNullValues?: boolean;
}

/**
 * The `nullValues` a text reader gets from `--null-value` and `--no-default-null-values`, or
 * undefined for the reader's defaults.
 *
 * @example
 * nullValuesOf({ nullValue: ['-'] });                            // ['', 'NA', …, 'None', '-']
 * nullValuesOf({ nullValue: ['-'], defaultNullValues: false });  // ['-']
 */
export function nullValuesOf(text: TextInputOptions): string[] | undefined {
  if (text.nullValue === undefined && text.defaultNullValues !== false) return undefined;
  return [...(text.defaultNullValues === false ? [] : DEFAULT_NULL_VALUES), ...(text.nullValue ?? [])];
}

/**
 * Read the `--inputs` table. A path that is not there or has an unknown extension is a
 * `UsageError`; a file that cannot be parsed keeps the reader's `InputError`. `text.schema` (from
 * `--schema`) pins column types of a text format; `--null-value` adds texts read as missing.
 *
 * @example
 * const table = await readInputs('data/weather.csv', (note) => notes.push(note), { nullValue: ['-'] });
 */
export async function readInputs(
  file: string, onNote?: (note: AdapterNote) => void, text: TextInputOptions = {},
): Promise<Table> {
  await inputsFormat(file);
  const nullValues = nullValuesOf(text);
  return readTable(file, {
    onNote,
    ...(text.schema ? { schema: text.schema } : {}),
    ...(nullValues === undefined ? {} : { nullValues }),
  });
}

/**
 * The outputs a command works on: `--outputs` as given (the driver checks the names), the
 * features matching `--tag`, or every feature.
 *
 * @example
 * selectOutputs(dr, { tag: { owner: 'ds' } }); // ['avg3wkSpend', …]
 */
export function selectOutputs(driver: Driver<unknown>, opts: OutputOptions): string[] {
  if (opts.outputs && opts.outputs.length > 0) return opts.outputs;
  const features = (filter?: TagFilter) => driver.listAvailableVariables({ tags: filter }).filter((v) => !v.isExternalInput);
  if (opts.tag && Object.keys(opts.tag).length > 0) {
    const chosen = features(opts.tag).map((v) => v.name);
    if (chosen.length === 0) {
      const inUse = new Set<string>();
      for (const v of features()) for (const [k, val] of Object.entries(v.tags)) inUse.add(`${k}=${Array.isArray(val) ? val.join('|') : val}`);
      throw new UsageError(
        `No feature matches --tag ${describeTagFilter(opts.tag)}. Tags in use: ${inUse.size ? [...inUse].sort().join(', ') : 'none'}.`,
      );
    }
    return chosen;
  }
  return features().map((v) => v.name);
}
