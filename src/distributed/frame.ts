/**
 * `buildTrainingFrame({ distributed })`: the core's one door to the BullMQ coordinator and the
 * Arrow parts (loaded on first use, so the core never imports bullmq or Arrow itself). The
 * workers load the feature classes from their file; the history's columns are hashed into the
 * run's key, so a rerun on the same data finds its parts in the store.
 */
import { createHash } from 'crypto';
import type { Driver } from '../driver';
import type { QualityResult } from '../quality/result';
import type { EntityHistory } from '../timeseries/history';
import { isTypedArray } from '../util/shapes';
import { DistributedError } from './errors';

/** What `buildTrainingFrame` passes on. */
export interface DistributedFrameRun {
  readonly redis: string;
  readonly partitions: number;
  readonly store: string;
  readonly features?: string;
  /** The feature classes given to `buildTrainingFrame` (their names are the `--class` names). */
  readonly classes: readonly unknown[];
  readonly config?: Readonly<Record<string, unknown>>;
  readonly chosen: boolean;
}

/**
 * The file that exports `cls`, found among the modules loaded with `require` (undefined when none is).
 *
 * @example
 * moduleFileOf(WeatherFeatures); // '/app/src/features.ts'
 */
export function moduleFileOf(cls: unknown): string | undefined {
  for (const mod of Object.values(require.cache)) {
    const exports = mod?.exports as Record<string, unknown> | undefined;
    if (exports === undefined || exports === null || typeof exports !== 'object') continue;
    if (Object.values(exports).includes(cls)) return mod!.filename;
  }
  return undefined;
}

/**
 * A hash of the history's columns (names, types and every value): the inputs' part of the run's key.
 *
 * @example
 * historyFingerprint(history); // '9f2c…'
 */
export function historyFingerprint(history: EntityHistory): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(history.columns).sort()) {
    const column = history.columns[name] as unknown;
    hash.update(`\0${name}\0`);
    if (isTypedArray(column)) {
      hash.update(column.constructor.name);
      hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
    } else {
      const values = column as ArrayLike<unknown>;
      for (let i = 0; i < values.length; i += 4096) {
        hash.update(JSON.stringify(Array.from({ length: Math.min(4096, values.length - i) }, (_, k) => {
          const v = values[i + k];
          return typeof v === 'bigint' ? `${v}n` : v instanceof Date ? v.getTime() : v;
        })));
      }
    }
  }
  return hash.digest('hex');
}

function className(cls: unknown): string {
  if (typeof cls === 'function' && cls.name) return cls.name;
  throw new DistributedError(
    'A distributed buildTrainingFrame sends the feature classes to the workers by name: pass the classes themselves ' +
      '(features: [MyFeatures]), not instances, exported under their class names.',
  );
}

/**
 * Runs the outputs on the workers and gives the joined parts back as columns, like `driver.run`.
 *
 * @example
 * const run = await distributedRun(driver, outputs, history, {
 *   redis, partitions: 8, store, classes: [F], chosen: false,
 * });
 */
export async function distributedRun(
  driver: Driver<unknown>, outputs: readonly string[], history: EntityHistory, d: DistributedFrameRun,
): Promise<{
  result: Record<string, unknown>; quality: QualityResult[]; timings: Record<string, number>;
  cache: { hits: string[]; misses: string[] };
}> {
  const classes = d.classes.map(className);
  const featuresFile = d.features ?? moduleFileOf(d.classes[0]);
  if (featuresFile === undefined) {
    throw new DistributedError(
      `The workers need the file that exports ${classes.join(', ')}, and it was not found among the loaded modules; ` +
        "pass it as distributed.features (e.g. features: require.resolve('./features')).",
    );
  }
  // the one adapter door: bullmq and Arrow stay out of the core
  type Coordinator = typeof import('../../adapters/bullmq/coordinator');
  type ToInputs = typeof import('../../adapters/arrow/table-to-inputs');
  const { coordinate, joinParts } = require('../../adapters/bullmq/coordinator') as Coordinator;
  const { inputsFromTable } = require('../../adapters/arrow/table-to-inputs') as ToInputs;
  const run = await coordinate({
    driver, outputs, history, url: d.redis, partitions: d.partitions, store: d.store, featuresFile, classes,
    config: d.config, chosen: d.chosen, inputs: historyFingerprint(history),
  });
  // a table is what the caller asked for: the parts joined in memory
  const result = inputsFromTable(await joinParts(run));
  return { result, quality: run.quality, timings: run.timings, cache: run.cache };
}
