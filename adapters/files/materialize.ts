/**
 * `materialize(path)`: a lifecycle hook that writes a run's outputs to a file when the run ends.
 *
 * Why a hook and not a result builder: `ResultBuilder.build` is synchronous, while writing a large
 * table is asynchronous and streams; a hook's `afterRun` may return a promise, which the driver
 * awaits before `execute` resolves. A hook also composes with any result builder (`dictResult()`
 * in memory, Parquet on disk).
 */
import { InputError } from '../../src/errors';
import { assertKnownKeys } from '../../src/options/known-keys';
import type { LifecycleAdapter, NodeEnd, RunEnd, RunStart } from '../../src/execution/hooks';
import { tableFromColumns } from '../arrow/table-from-columns';
import { formatOf } from './formats';

export interface MaterializeOptions {
  /** Outputs to write (default: every output the run was asked for), in this column order. */
  readonly outputs?: readonly string[];
}

interface Collecting {
  readonly outputs: readonly string[];
  readonly wanted: ReadonlySet<string>;
  readonly values: Map<string, unknown>;
}

/**
 * A lifecycle hook writing each successful run's outputs to `path` (a string, or a function of
 * the run for one file per run). The format follows the extension (`.arrow`, `.feather`,
 * `.arrows`, `.parquet`, `.csv`, `.tsv`); an unknown extension throws here, before any run. A
 * failed run writes nothing. Outputs passed in `inputs` or `overrides` are not computed by a
 * node, so the hook cannot see them: asking for one is an `InputError` once the run ends.
 *
 * @example
 * const dr = new Builder()
 *   .withFeatures(SpendFeatures)
 *   .withAdapters(materialize('out/features.parquet'))
 *   .build();
 * await dr.execute(['avg3wkSpend', 'spendPerSignup'], { inputs }); // out/features.parquet is written
 */
export function materialize(path: string | ((run: RunEnd) => string), options: MaterializeOptions = {}): LifecycleAdapter {
  assertKnownKeys(options, ['outputs'], 'materialize', InputError);
  if (typeof path === 'string') formatOf(path, 'write');
  const runs = new Map<number, Collecting>();
  return {
    beforeRun(run: RunStart) {
      const outputs = options.outputs ?? run.outputs;
      const values = new Map<string, unknown>();
      for (const name of outputs) if (name in run.config) values.set(name, run.config[name]);
      runs.set(run.runId, { outputs, wanted: new Set(outputs), values });
    },
    afterNode(node: NodeEnd) {
      const collecting = runs.get(node.runId);
      if (!collecting || !node.success || node.role === 'check' || !collecting.wanted.has(node.name)) return;
      collecting.values.set(node.name, node.value);
    },
    async afterRun(run: RunEnd) {
      const collecting = runs.get(run.runId);
      runs.delete(run.runId);
      if (!collecting || !run.success) return;
      const target = typeof path === 'string' ? path : path(run);
      const unseen = collecting.outputs.filter((name) => !collecting.values.has(name));
      if (unseen.length > 0) {
        throw new InputError(
          `materialize("${target}") cannot write ${unseen.map((n) => `"${n}"`).join(', ')}: no feature computed ${unseen.length > 1 ? 'them' : 'it'} ` +
            '(values passed in inputs or overrides do not run as nodes). Leave them out with materialize(path, { outputs: [...] }), ' +
            'or write the result with writeResult(await dr.execute(...), path).',
          unseen,
        );
      }
      const table = tableFromColumns(collecting.outputs, collecting.outputs.map((name) => collecting.values.get(name)));
      await formatOf(target, 'write').write(table, target);
    },
  };
}
