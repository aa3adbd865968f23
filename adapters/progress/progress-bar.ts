/**
 * A progress bar for long runs, driven by the lifecycle hooks: nodes done / total, time elapsed,
 * the node running now and the rows it made. Drawn with `cli-progress` on a terminal only.
 */
import { SingleBar } from 'cli-progress';
import type { LifecycleAdapter, NodeEnd, NodeStart, RunEnd, RunStart } from '../../src/execution/hooks';
import { assertKnownKeys } from '../../src/options/known-keys';

export interface ProgressOptions {
  /** Where the bar is drawn (default `process.stderr`, so piped results stay clean). */
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Draw nothing (the command's `--quiet`). */
  readonly quiet?: boolean;
  /** Environment to read `CI` from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (default `process.stdout.isTTY`). */
  readonly stdoutIsTTY?: boolean;
}

/**
 * Whether a bar should be drawn: not when `quiet`, not in CI (`CI` set to anything but `''`,
 * `0` or `false`), and only when both stdout and the bar's stream are terminals.
 *
 * @example
 * shouldDrawProgress({ env: { CI: 'true' } }); // false
 */
export function shouldDrawProgress(opts: ProgressOptions = {}): boolean {
  const env = opts.env ?? process.env;
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  const stdoutIsTTY = opts.stdoutIsTTY ?? process.stdout.isTTY === true;
  const stream = opts.stream ?? process.stderr;
  return !opts.quiet && !ci && stdoutIsTTY && stream.isTTY === true;
}

/** How many rows a node's value has: a column's length, a table's `numRows`, or `undefined`. */
function rowsOf(value: unknown): number | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return (value as unknown as { length: number }).length;
  const v = value as { numRows?: unknown; length?: unknown };
  if (typeof v.numRows === 'number') return v.numRows;
  return typeof v.length === 'number' ? v.length : undefined;
}

/**
 * A lifecycle adapter that draws a progress bar while `execute`/`run` works. It draws nothing when
 * `shouldDrawProgress(opts)` is false, so it is safe to add unconditionally.
 *
 * @example
 * const dr = new Builder().withFeatures(Prices).withAdapters(progressBar()).build();
 * await dr.execute(outputs, { inputs }); // [=====-----] 1200/3000 nodes | 4s | ma30 | 1,000,000 rows
 */
export function progressBar(opts: ProgressOptions = {}): LifecycleAdapter {
  assertKnownKeys(opts, ['stream', 'quiet', 'env', 'stdoutIsTTY'], 'progressBar');
  let bar: SingleBar | undefined;
  let runId = -1;
  let done = 0;
  let rows = '';
  return {
    observesOnly: true,
    beforeRun(run: RunStart) {
      if (bar || !shouldDrawProgress(opts)) return;
      bar = new SingleBar({
        stream: opts.stream ?? process.stderr,
        format: ' {bar} {value}/{total} nodes | {duration_formatted} | {node}{rows}',
        barsize: 24,
        hideCursor: true,
        fps: 10,
      });
      runId = run.runId;
      done = 0;
      rows = '';
      bar.start(run.nodes.length, 0, { node: 'starting', rows });
    },
    beforeNode(node: NodeStart) {
      if (bar && node.runId === runId) bar.update(done, { node: node.name, rows });
    },
    afterNode(node: NodeEnd) {
      if (!bar || node.runId !== runId) return;
      done++;
      const n = rowsOf(node.value);
      if (n !== undefined) rows = ` | ${n.toLocaleString('en-US')} rows`;
      bar.update(done, { node: node.name, rows });
    },
    afterRun(run: RunEnd) {
      if (!bar || run.runId !== runId) return;
      bar.update(done, { node: run.success ? 'done' : 'failed', rows });
      bar.stop();
      bar = undefined;
    },
  };
}
