/**
 * What `buildTrainingFrame` is told, and the same with every default applied and every option
 * checked up front, so a mistake is reported before any feature runs.
 */
import { cacheSettings, type CacheSettings, type WithCacheOptions } from '../cache/options';
import { InputError, type Issue } from '../errors';
import type { LifecycleAdapter } from '../execution/hooks';
import type { TagFilter } from '../graph/node-info';
import { assertKnownKeys } from '../options/known-keys';
import type { IsolationCheckOption } from './isolation';
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
  /**
   * The entity-isolation check (default on): features computed on two neighbouring entities
   * together must equal the same features on each alone. `false` turns it off;
   * `{ ignore: [...] }` names features that are cross-entity on purpose (a global mean).
   */
  readonly isolationCheck?: IsolationCheckOption;
  /** Fill each entity's calendar first (`fillCalendar`): `'D'`, `'W'`, `'h'`, an offset or ms. */
  readonly calendar?: string | number;
  /** Tables joined as of each row's time (`asOfJoin`, backward) before the features run. */
  readonly joins?: readonly FrameJoin[];
  /**
   * Cache the features' values in a directory, as `Builder.withCache` does (a path or
   * `{ path, maxBytes?, behavior? }`): a second build on the same data reads them instead of
   * computing; a changed column, config value or feature body recomputes what depends on it.
   */
  readonly cache?: string | WithCacheOptions;
  /**
   * Compute the features by entity, in this many partitions balanced by rows, one after another:
   * intermediates live for one partition at a time. Features must be entity-local (`PartitionError`
   * names those that are not); features tagged `{ entityScope: 'global' }` are computed first on
   * the whole history. The frame equals the unpartitioned one, cell for cell.
   */
  readonly partitions?: number;
  /**
   * Compute the features on `quiver worker` processes through BullMQ on Redis (API §9): the
   * entities in `partitions` partition jobs; inputs and parts go through `store`, a folder the
   * workers can read and write. The workers load `features` (default: the file that exports the
   * first feature class, when it was loaded with `require`). The frame equals the single-process one.
   */
  readonly distributed?: DistributedFrameOptions;
}

/** `buildTrainingFrame({ distributed })`. */
export interface DistributedFrameOptions {
  /** The Redis URL the workers take jobs from, e.g. `redis://queue:6379`. */
  readonly redis: string;
  readonly partitions: number;
  /** A folder the coordinator and every worker can read and write (a shared disk). */
  readonly store: string;
  /** The file that exports the feature classes (by their class names), for the workers to load. */
  readonly features?: string;
}

/** The keys of `distributed`. */
const DISTRIBUTED_KEYS = ['redis', 'partitions', 'store', 'features'];

/** Every key `TrainingFrameOptions` knows, one per line: a new option is one line here. */
export const FRAME_OPTION_KEYS: readonly string[] = [
  'features',
  'data',
  'entity',
  'time',
  'target',
  'horizon',
  'label',
  'outputs',
  'tags',
  'include',
  'splits',
  'gap',
  'warmup',
  'checks',
  'config',
  'adapters',
  'isolationCheck',
  'calendar',
  'joins',
  'cache',
  'partitions',
  'distributed',
];

/** The keys of `splits`. */
const SPLIT_KEYS = ['validation', 'test'];
/** The keys of an `isolationCheck` object. */
const ISOLATION_KEYS = ['ignore'];

/** The options with every default applied. */
export interface ResolvedFrameOptions extends TrainingFrameOptions {
  readonly horizon: number;
  readonly label: string;
  readonly gap: number;
  readonly warmup: Warmup;
  readonly checks: boolean;
  readonly cuts: { readonly validation?: number; readonly test?: number };
  /** `false` when the check is off; else the features it leaves out. */
  readonly isolation: false | { readonly ignore: readonly string[] };
  /** `cache` checked (`undefined` without it). */
  readonly cacheSettings: CacheSettings | undefined;
}

/** Runs `check` and adds the issues of the `InputError` it throws. */
function collect(issues: Issue[], check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    issues.push(...error.issues);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `isolationCheck` resolved: `false`, or the names to ignore (checked to be strings). */
function isolationOption(given: unknown, add: (message: string, ...nodes: string[]) => void) {
  if (given === undefined || given === true) return { ignore: [] };
  if (given === false) return false;
  if (!isRecord(given)) {
    add(`isolationCheck is ${describeOption(given)}; give true, false or { ignore: ['featureName', …] }.`, 'isolationCheck');
    return false;
  }
  const ignore = given.ignore ?? [];
  if (!Array.isArray(ignore) || !ignore.every((name) => typeof name === 'string')) {
    add(`isolationCheck.ignore is ${describeOption(ignore)}; give a list of feature names, e.g. { ignore: ['cityMean'] }.`, 'isolationCheck');
    return false;
  }
  return { ignore: ignore as string[] };
}

/** What is wrong with `distributed` (and what it cannot go with). */
function distributedIssues(options: TrainingFrameOptions): Issue[] {
  const d = options.distributed as unknown;
  if (d === undefined) return [];
  const issues: Issue[] = [];
  const add = (message: string) => issues.push({ code: 'training-frame', message, nodes: ['distributed'] });
  if (!isRecord(d)) {
    add(`distributed is ${describeOption(d)}; give { redis: 'redis://host:6379', partitions: 8, store: '/shared' }.`);
    return issues;
  }
  collect(issues, () => assertKnownKeys(d, DISTRIBUTED_KEYS, 'buildTrainingFrame distributed', InputError));
  if (typeof d.redis !== 'string' || !/^rediss?:\/\//.test(d.redis)) {
    const e = "e.g. 'redis://queue:6379' (rediss:// for TLS)";
    add(`distributed.redis is ${describeOption(d.redis)}; give the Redis URL, ${e}.`);
  }
  if (!Number.isInteger(d.partitions) || (d.partitions as number) < 1) {
    add(`distributed.partitions is ${describeOption(d.partitions)}; give a whole number of jobs, 1 or more.`);
  }
  if (typeof d.store !== 'string' || d.store.length === 0) {
    add(`distributed.store is ${describeOption(d.store)}; give a folder the workers can read and write.`);
  }
  if (d.features !== undefined && typeof d.features !== 'string') {
    add(`distributed.features is ${describeOption(d.features)}; give the file exporting the feature classes.`);
  }
  if (options.partitions !== undefined) {
    add('partitions and distributed were both given; distributed.partitions says how many.');
  }
  if (options.cache !== undefined) {
    add('cache and distributed were both given; a distributed run keeps its parts in distributed.store instead.');
  }
  return issues;
}

function describeOption(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list of other values';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
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
  collect(issues, () => assertKnownKeys(options, FRAME_OPTION_KEYS, 'buildTrainingFrame', InputError));
  const horizon = options.horizon ?? 1;
  if (!Number.isInteger(horizon) || horizon < 1) {
    add(`horizon is ${String(options.horizon)}; give a whole number of rows ahead, 1 or more (1 = the next row of the entity).`, 'horizon');
  }
  // The default gap is the horizon itself: only a gap the user passed can be wrong.
  const gap = options.gap ?? horizon;
  if (options.gap !== undefined && (!Number.isInteger(gap) || gap < horizon)) {
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
  const splits = options.splits;
  if (splits !== undefined && !isRecord(splits)) {
    add(`splits is ${describeOption(splits)}; give the cut-off dates as { validation?: '2014-07-01', test?: '2015-01-01' }.`, 'splits');
  } else if (splits !== undefined) {
    collect(issues, () => assertKnownKeys(splits, SPLIT_KEYS, 'buildTrainingFrame splits', InputError));
    for (const split of ['validation', 'test'] as const) {
      const given = splits[split];
      if (given !== undefined) collect(issues, () => (cuts[split] = cutoff(given, `splits.${split}`)));
    }
  }
  const given = options.isolationCheck;
  if (isRecord(given)) collect(issues, () => assertKnownKeys(given, ISOLATION_KEYS, 'buildTrainingFrame isolationCheck', InputError));
  const isolation = isolationOption(given, add);
  issues.push(...joinIssues(options.calendar, options.joins));
  const partitions = options.partitions;
  if (partitions !== undefined && (!Number.isInteger(partitions) || partitions < 1)) {
    add(`partitions is ${String(partitions)}; give a whole number of partitions, 1 or more.`, 'partitions');
  }
  issues.push(...distributedIssues(options));
  if (issues.length > 0) throw new InputError(issues);
  const checks = options.checks ?? true;
  const cache = options.cache === undefined ? undefined : cacheSettings(options.cache);
  return { ...options, horizon, gap, label, warmup: options.warmup ?? 'auto', checks, cuts, isolation, cacheSettings: cache };
}
