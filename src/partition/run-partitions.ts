/**
 * A feature run split by entity: global features first, on the whole history; then each
 * partition on its own rows (and the global values cut to them), one after another.
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

/**
 * Checks that `outputs` are entity-local (a `PartitionError` names those that are not and are
 * not tagged global), computes the global features, then yields each partition's run in order.
 *
 * @example
 * for await (const { part, run } of runPartitions(dr, outputs, history, { partitions: 8 })) await writer.write(run.result);
 */
export async function* runPartitions<R>(
  driver: Driver<R>, outputs: readonly string[], history: IsolationHistory, options: RunPartitionsOptions,
): AsyncGenerator<{ readonly part: Partition; readonly parts: readonly Partition[]; readonly run: RunResult<R> }> {
  if (!options.checked) await checkPartitionable(driver as Driver<unknown>, outputs, history);
  const parts = planPartitions(history.groups, history.rows, options.partitions);
  const globals = await globalValues(driver as Driver<unknown>, outputs, history.inputs);
  const groupsName = options.groupsName ?? 'groups';
  for (const part of parts) {
    const inputs = partitionInputs(history.inputs, history.rows, history.groups, part, groupsName);
    const overrides = partitionInputs(globals, history.rows, history.groups, part, groupsName);
    let run: RunResult<R> | undefined;
    try {
      run = (await driver.untyped.run(outputs, { inputs, overrides, executor: options.executor })) as RunResult<R>;
    } catch (error) {
      throw partitionFailure(error, { ...part, count: parts.length, entities: part.groups });
    }
    yield { part, parts, run };
    // the consumer has this partition's run: hold none of it while the next one is computed
    run = undefined;
  }
}
