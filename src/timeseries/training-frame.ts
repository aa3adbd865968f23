/**
 * `buildTrainingFrame`: raw long-format history + feature classes → train / validation / test
 * Arrow tables with a label from the future, warm-up rows trimmed, gaps at the cut-offs and a
 * leakage check.
 */
import type { CacheReport } from '../cache/session';
import type { Driver } from '../driver';
import { groupBounds, type GroupStarts } from './bounds';
import { shift } from '../columns';
import type { QualityResult } from '../quality/result';
import { frameColumns, numericTarget } from './frame-columns';
import { frameDriver, selectOutputs } from './frame-driver';
import { replayFrameRun } from './frame-replay';
import { frameChecks } from './frame-checks';
import { resolveFrameOptions, type ResolvedFrameOptions, type TrainingFrameOptions } from './frame-options';
import { frameTables, sliceSplits, type ArrowTable } from './frame-tables';
import type { EntityHistory } from './history';
import { checkEntityIsolation, type IsolationReport } from './isolation';
import { isolationVerdict } from './isolation-cache';
import { prepareHistory, type JoinSummary, type PreparedHistory } from './frame-joins';
import { findLeaks, LeakageError } from './leakage';
import { splitRows, SPLIT_NAMES, type SplitName } from './split';
import { warmupRows } from './warmup';
import { concatParts } from '../partition/concat';
import { collectPartitions } from '../partition/collect';
import { locateResult, locatingFailures } from './quality-rows';
import { distributedRun } from '../distributed/frame';
import type { AdapterNote } from '../ports';
import { FrameCache, type FrameParts } from './frame-cache';

/** How many rows each step of `buildTrainingFrame` kept or dropped. */
export interface FrameCounts {
  /** Rows of history (after the calendar fill, when `calendar` is given). */
  readonly history: number;
  /** Rows dropped as warm-up (at the start of each entity). */
  readonly warmup: number;
  /** Rows dropped after the warm-up because they have no label (the last `horizon` rows of each entity, or a missing target ahead). */
  readonly unlabeled: number;
  /** Rows dropped by the gaps before the validation and test cut-offs. */
  readonly gap: number;
  readonly train: number;
  readonly validation: number;
  readonly test: number;
}

/** What `buildTrainingFrame` resolves to. */
export interface TrainingFrame {
  readonly train: ArrowTable;
  /** Empty (0 rows) when no validation cut-off was given. */
  readonly validation: ArrowTable;
  /** Empty (0 rows) when no test cut-off was given. */
  readonly test: ArrowTable;
  /** The feature columns of the tables, in order (entity and time come first, the label last). */
  readonly features: readonly string[];
  readonly label: string;
  /** The label is `target` `horizon` rows ahead in the same entity. */
  readonly target: string;
  readonly horizon: number;
  readonly entity: string;
  readonly time: string;
  /** Default-selected nodes left out because they are declared to return, or returned, something that is not a column. */
  readonly leftOut: readonly string[];
  /** Every check: the features' `@checkOutput` results, then the frame's own (leakage, warmup, split). */
  readonly quality: readonly QualityResult[];
  readonly counts: FrameCounts;
  /** Per split, the first and last time (epoch ms) in it; `null` for an empty split. */
  readonly ranges: Readonly<Record<SplitName, readonly [number, number] | null>>;
  /** Warm-up rows per entity, in `history.entities` order. */
  readonly warmup: Int32Array;
  /** The sorted history the features were computed on (calendar filled and tables joined). */
  readonly history: EntityHistory;
  /** Rows the `calendar` fill added to the history (0 without `calendar`). */
  readonly calendarAdded: number;
  /** The columns the `joins` brought, as the features see them (after `prefix`). */
  readonly joined: readonly string[];
  /** Per join: on, by, tolerance, the columns it brought and the history rows it found nothing for (`writeRunReport({ joins })` shows them). */
  readonly joins: readonly JoinSummary[];
  /** Milliseconds per feature node (from `Driver.run`). */
  readonly timings: Readonly<Record<string, number>>;
  /**
   * With `cache`: feature nodes read from the cache (`hits`) and computed (`misses`); both empty
   * without it. A frame read whole from the cache lists the frame's feature nodes as `hits` (what a
   * warm run that reads every feature reports) and no `misses`.
   */
  readonly cache: CacheReport;
  /**
   * What the adapters and the cache want a user to know: a cached value found damaged and
   * computed again, why the frame could not be read whole from the cache (`frame-cache-off`)…
   */
  readonly notes: readonly AdapterNote[];
}

function rangeOf(time: Float64Array, rows: Int32Array): readonly [number, number] | null {
  if (rows.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of rows) {
    if (time[i] < lo) lo = time[i];
    if (time[i] > hi) hi = time[i];
  }
  return [lo, hi];
}

/** Rows past their entity's warm-up that have a label: `keep[i] = 1`; and how many were dropped for each reason. */
function trainableRows(warmup: Int32Array, label: Float64Array, groups: GroupStarts) {
  const bounds = groupBounds(groups, label.length);
  const keep = new Uint8Array(label.length);
  let warm = 0;
  let unlabeled = 0;
  for (let g = 0; g + 1 < bounds.length; g++) {
    warm += warmup[g];
    for (let i = bounds[g] + warmup[g]; i < bounds[g + 1]; i++) {
      if (label[i] === label[i]) keep[i] = 1;
      else unlabeled++;
    }
  }
  return { keep, warm, unlabeled };
}

/**
 * Rows per side of the isolation sample: enough that the two sides together span the longest
 * warm-up any feature has (its reach back), so a window that crosses the boundary has a value there.
 */
function isolationRows(features: Readonly<Record<string, unknown>>, history: EntityHistory, o: ResolvedFrameOptions, warmup: Int32Array): number {
  const auto = o.warmup === 'auto' ? warmup : warmupRows(features, history.groups, history.rows, 'auto').rows;
  let reach = 0;
  for (const w of auto) reach = Math.max(reach, w);
  return Math.max(16, Math.ceil((reach + 1) / 2) + 2);
}

/**
 * `driver.run` by entity partitions (`collectPartitions`), each output's parts joined back into
 * one column.
 */
async function runJoined(driver: Driver<unknown>, outputs: readonly string[], history: EntityHistory, partitions: number) {
  const collected = await collectPartitions(driver, outputs, history, { partitions });
  const { parts, rows, quality, timings, cache, notes } = collected;
  const result: Record<string, unknown> = {};
  for (const name of outputs) result[name] = concatParts(parts.map((p) => (p as Record<string, unknown>)[name]), rows);
  return { result, quality, timings, cache, notes };
}

/** What the feature run says beside the values: per-node times, the cache's report, the notes. */
interface RunFacts {
  readonly timings: Readonly<Record<string, number>>;
  readonly cache: CacheReport;
  readonly notes: readonly AdapterNote[];
}

/**
 * Builds a training frame from long-format history:
 * 1. sorts the rows by (entity, time) (duplicates are an `InputError`) and gives the features
 *    the history's columns plus `groups`;
 * 2. computes the features (every feature node by default) and the label: `target` `horizon`
 *    rows ahead in the same entity;
 * 3. drops each entity's warm-up rows (see `warmup`), then rows without a label;
 * 4. splits by time at the cut-offs, leaving `gap` rows per entity before each cut-off so that
 *    no label of a split is dated in the next one;
 * 5. checks that no feature equals the future target (`LeakageError` otherwise);
 * 6. makes one Arrow table per split: entity, time, the features, the label.
 *
 * With `cache`, a frame built before from the same inputs, code, config and options is read
 * whole from the cache (steps 2–6 skipped; see frame-cache.ts), and a frame just built is kept.
 * Adapters that say `observesOnly` are then told the run a warm node-by-node build makes
 * (frame-replay.ts); any other adapter has the frame built node by node.
 *
 * @example
 * const frame = await buildTrainingFrame({
 *   features: [WeatherFeatures], data: table, entity: 'location', time: 'date',
 *   target: 'temp_max', horizon: 1, splits: { validation: '2014-07-01', test: '2015-01-01' },
 * });
 * frame.train.numRows; frame.features.length; formatQuality(frame.quality);
 */
export async function buildTrainingFrame(options: TrainingFrameOptions): Promise<TrainingFrame> {
  const o = resolveFrameOptions(options);
  const prepared = prepareHistory(o.data, o);
  if (!o.cacheSettings) {
    const built = await computeFrame(o, prepared);
    return assemble(o, prepared, built.parts, built.run, []);
  }
  const cache = await FrameCache.open(o, o.cacheSettings);
  try {
    const hit = cache.read((features) => [o.entity, o.time, ...features, o.label]);
    if (hit) {
      await replayFrameRun(o, prepared.history);
      const run = { timings: {}, cache: { hits: [...hit.outputs], misses: [] }, notes: [] };
      return assemble(o, prepared, hit.parts, run, cache.notes);
    }
    const built = await computeFrame(o, prepared);
    const answered = new Set([...built.run.cache.hits, ...built.run.cache.misses]);
    await cache.write(built.parts, built.outputs.filter((name) => answered.has(name)));
    return assemble(o, prepared, built.parts, built.run, cache.notes);
  } finally {
    await cache.close();
  }
}

/** The frame a caller gets: the parts (computed or read from the cache) with the options and history. */
function assemble(
  o: ResolvedFrameOptions, prepared: PreparedHistory, parts: FrameParts, run: RunFacts, notes: readonly AdapterNote[],
): TrainingFrame {
  return {
    ...sliceSplits(parts.table, parts.counts),
    features: parts.features,
    label: o.label,
    target: o.target,
    horizon: o.horizon,
    entity: o.entity,
    time: o.time,
    leftOut: parts.leftOut,
    quality: parts.quality,
    counts: parts.counts,
    ranges: parts.ranges,
    warmup: parts.warmup,
    history: prepared.history,
    calendarAdded: prepared.added,
    joined: prepared.joined,
    joins: prepared.joins,
    timings: run.timings,
    cache: run.cache,
    notes: [...run.notes, ...notes],
  };
}

/** Steps 2–6: the features run, the rows kept and split, the checks, the split tables. */
async function computeFrame(o: ResolvedFrameOptions, prepared: PreparedHistory) {
  const { history, addedRows, joined } = prepared;
  const rowSource = { history, addedRows };
  const target = numericTarget(history.columns, o.target);
  const label = shift(target, -o.horizon, { groups: history.groups });

  const driver = frameDriver(o);
  const selected = selectOutputs(driver, o);
  const run = await locatingFailures(
    () => (o.distributed !== undefined
      ? distributedRun(driver, selected.outputs, history, {
        ...o.distributed, classes: o.features, config: o.config, chosen: o.outputs !== undefined,
      })
      : o.partitions === undefined
        ? driver.run(selected.outputs, { inputs: history.inputs })
        : runJoined(driver, selected.outputs, history, o.partitions)),
    rowSource,
  );
  const { columns: features, leftOut } = frameColumns(selected.outputs, run.result, history.rows, selected.explicit);
  frameChecks.names(Object.keys(features), o);

  const warmup = warmupRows(features, history.groups, history.rows, o.warmup);
  const { keep, warm, unlabeled } = trainableRows(warmup.rows, label, history.groups);
  const time = history.columns[o.time] as Float64Array;
  const splits = splitRows(time, history.groups, keep, { ...o.cuts, gap: o.gap });

  let isolation: IsolationReport | undefined;
  if (o.checks && o.isolation !== false) {
    const rows = isolationRows(features, history, o, warmup.rows);
    const { ignore } = o.isolation;
    const check = () => checkEntityIsolation(driver, Object.keys(features), history, { ignore, rows });
    const inputs = { checked: Object.keys(features), ignore, rows, groups: history.groups, entities: history.entities };
    isolation = await isolationVerdict(o.cacheSettings, run.cache, inputs, check);
  }
  const quality: QualityResult[] = run.quality.map((r) => locateResult(r, rowSource));
  if (o.checks) {
    const { train, validation, test } = splits.rows;
    const frameRows = new Int32Array(train.length + validation.length + test.length);
    frameRows.set(train);
    frameRows.set(validation, train.length);
    frameRows.set(test, train.length + validation.length);
    const joinedOnly = Object.fromEntries(
      joined.filter((n) => !(n in features)).map((n) => [n, history.columns[n]]),
    );
    const leaks = findLeaks({
      features: { ...features, ...joinedOnly }, target, targetName: o.target, labelName: o.label, horizon: o.horizon,
      groups: history.groups, rows: frameRows,
    });
    if (leaks.length > 0) throw new LeakageError(leaks);
    quality.push(
      frameChecks.leakagePassed(Object.keys(features).length, o),
      ...frameChecks.isolationPassed(isolation, o),
      ...frameChecks.warmup(warmup, history),
      ...frameChecks.emptySplits(splits.rows, o),
    );
  }
  const { table } = frameTables(
    {
      entity: { name: o.entity, column: history.columns[o.entity] },
      time: { name: o.time, column: time },
      features,
      label: { name: o.label, column: label },
    },
    splits.rows,
  );
  const ranges = {} as Record<SplitName, readonly [number, number] | null>;
  for (const split of SPLIT_NAMES) ranges[split] = rangeOf(time, splits.rows[split]);
  const parts: FrameParts = {
    table,
    features: Object.keys(features),
    leftOut: [...selected.leftOut, ...leftOut],
    quality,
    counts: {
      history: history.rows,
      warmup: warm,
      unlabeled,
      gap: splits.gapped.train + splits.gapped.validation,
      train: splits.rows.train.length,
      validation: splits.rows.validation.length,
      test: splits.rows.test.length,
    },
    ranges,
    warmup: warmup.rows,
  };
  const notes: readonly AdapterNote[] = 'notes' in run ? (run.notes as readonly AdapterNote[]) : [];
  return { parts, outputs: selected.outputs, run: { timings: run.timings, cache: run.cache, notes } };
}
