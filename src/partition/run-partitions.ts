/**
 * A feature run split by entity: global features first, on the whole history; then each
 * partition on its own rows (and the global values cut to them), one after another. A history
 * read partition by partition (`PartitionReads`) has no global features: they need every row.
 */
import type { Driver, RunResult } from '../driver';
import type { Executor } from '../execution/executor-api';
import { inline } from '../execution/inline';
import { Driver as PlainDriver } from '../driver';
import { dictResult } from '../results/dict-result';
import type { IsolationHistory } from '../timeseries/isolation';
import { checkPartitionable, globalFeatures } from './entity-scope';
import { partitionFailure } from './failure';
import { planPartitions, type Partition } from './plan';
import { partitionInputs } from './slice';
import { isPartitionReads, type PartitionReads } from './reads';
import { InputError } from '../errors';

/** Options of `runPartitions`. */
export interface RunPartitionsOptions {
  /** How many partitions (balanced by rows; fewer when there are fewer entities). */
  readonly partitions: number;
  readonly executor?: Executor;
  /** Skip the entity-isolation check (the caller ran it). */
  readonly checked?: boolean;
  /** The input that holds the groups (default `'groups'`). */
  readonly groupsName?: string;
}

/**
 * The values of the global features `outputs` need, computed once on the whole history.
 *
 * @example
 * const globals = await globalValues(dr, outputs, history.inputs);
 */
export async function globalValues(
  driver: Driver<unknown>, outputs: readonly string[], inputs: Readonly<Record<string, unknown>>,
): Promise<Readonly<Record<string, unknown>>> {
  const globals = globalFeatures(driver, outputs);
  if (globals.length === 0) return {};
  const plain = new PlainDriver(driver.graph, driver.config, dictResult(), [], inline());
  return (await plain.execute(globals, { inputs })) as Readonly<Record<string, unknown>>;
}

/** A history read by partition cannot serve global features: an `InputError` naming them. */
function refuseGlobals(driver: Driver<unknown>, outputs: readonly string[]): void {
  const globals = globalFeatures(driver, outputs);
  if (globals.length === 0) return;
  const names = globals.map((g) => `"${g}"`).join(', ');
  throw new InputError(
    `The global ${globals.length === 1 ? 'feature' : 'features'} ${names} need the whole history, ` +
      'but it is read one partition at a time; ' +
      'pass the history itself (not its partitions) to compute them.',
    globals,
  );
}

/** One partition's run, with the inputs it ran on (its own rows, `groups` from its first row). */
export interface PartitionRun<R> {
  readonly part: Partition;
  readonly parts: readonly Partition[];
  readonly run: RunResult<R>;
  readonly inputs: Readonly<Record<string, unknown>>;
}

/**
 * Checks that `outputs` are entity-local (a `PartitionError` names those that are not and are
 * not tagged global), computes the global features, then yields each partition's run in order.
 * `history` is the whole history, or `PartitionReads` that read each partition when its turn comes
 * (the isolation check then runs on `sample()`, and only one partition's inputs are held at a time).
 *
 * @example
 * for await (const { run } of runPartitions(dr, outputs, history, { partitions: 8 })) await writer.write(run.result);
 */
export async function* runPartitions<R>(
  driver: Driver<R>, outputs: readonly string[], history: IsolationHistory | PartitionReads,
  options: RunPartitionsOptions,
): AsyncGenerator<PartitionRun<R>> {
  const reads = isPartitionReads(history) ? history : undefined;
  try {
    if (reads) refuseGlobals(driver as Driver<unknown>, outputs);
    if (!options.checked) {
      await checkPartitionable(driver as Driver<unknown>, outputs, reads ? await reads.sample() : (history as IsolationHistory));
    }
    const parts = planPartitions(history.groups, history.rows, options.partitions);
    const whole = reads ? undefined : (history as IsolationHistory);
    const globals = whole ? await globalValues(driver as Driver<unknown>, outputs, whole.inputs) : {};
    const groupsName = options.groupsName ?? 'groups';
    for (const part of parts) {
      let inputs: Readonly<Record<string, unknown>> | undefined = whole
        ? partitionInputs(whole.inputs, whole.rows, whole.groups, part, groupsName)
        : await (reads as PartitionReads).read(part);
      const overrides = partitionInputs(globals, history.rows, history.groups, part, groupsName);
      let run: RunResult<R> | undefined;
      try {
        run = (await driver.untyped.run(outputs, { inputs, overrides, executor: options.executor })) as RunResult<R>;
      } catch (error) {
        throw partitionFailure(error, { ...part, count: parts.length, entities: part.groups });
      }
      yield { part, parts, run, inputs };
      // the consumer has this partition's run: hold none of it while the next one is computed
      run = undefined;
      inputs = undefined;
    }
  } finally {
    await reads?.close?.();
  }
}
