/**
 * Telling lifecycle adapters what a run does: one place makes the node and run events, for the
 * executor's loop (executor.ts), the driver (driver.ts) and a replayed run (replay.ts).
 */
import { HookError, QuiverError } from '../errors';
import type { LifecycleAdapter, NodeRole, RunEnd, Tags } from './hooks';

let runs = 0;

/** An adapter's `afterRun` that threw: which adapter (`adapter 2 (Materializer)`) and what it threw. */
export interface HookFailure {
  readonly adapter: string;
  readonly error: unknown;
}

/**
 * A new run id, unique in this process for driver runs and replayed runs alike (adapters key
 * their state by it).
 *
 * @example
 * const start = { runId: nextRunId(), outputs, nodes, config, graph };
 */
export function nextRunId(): number {
  return ++runs;
}

/**
 * Tells every adapter a node starts; returns the time it started.
 *
 * @example
 * const started = beforeNode(hooks, runId, node.name, node.tags, node.role, p, order.length);
 */
export function beforeNode(
  hooks: readonly LifecycleAdapter[], runId: number, name: string, tags: Tags, role: string,
  index: number, total: number, fromCache?: true,
): number {
  const r = role as NodeRole;
  for (const h of hooks) {
    if (h.beforeNode === undefined) continue;
    h.beforeNode(fromCache
      ? { runId, name, tags, role: r, index, total, fromCache }
      : { runId, name, tags, role: r, index, total });
  }
  return performance.now();
}

/**
 * Tells every adapter a node ended (`value` when it succeeded), with its time since `started`
 * (0 for a replayed node, which did not run). Each adapter gets an event of its own.
 *
 * @example
 * afterNode(hooks, runId, node.name, node.tags, node.role, p, order.length, started, true, undefined, value);
 */
export function afterNode(
  hooks: readonly LifecycleAdapter[], runId: number, name: string, tags: Tags, role: string,
  index: number, total: number, started: number, success: boolean, error: unknown, value: unknown, fromCache?: true,
): void {
  const durationMs = fromCache ? 0 : performance.now() - started;
  const r = role as NodeRole;
  for (const h of hooks) {
    if (h.afterNode === undefined) continue;
    h.afterNode(fromCache
      ? { runId, name, tags, role: r, index, total, durationMs, success, error, value, fromCache }
      : { runId, name, tags, role: r, index, total, durationMs, success, error, value });
  }
}

/**
 * Tells every hook the run ended, even when one of them throws: the errors are returned, never
 * allowed to replace the run's own outcome.
 *
 * @example
 * const failures = await afterRunAll(hooks, { ...start, success: true, durationMs });
 */
export async function afterRunAll(hooks: readonly LifecycleAdapter[], end: RunEnd): Promise<HookFailure[]> {
  const failures: HookFailure[] = [];
  for (const [k, h] of hooks.entries()) {
    try {
      await h.afterRun?.(end);
    } catch (error) {
      const name = h.constructor && h.constructor !== Object ? ` (${h.constructor.name})` : '';
      failures.push({ adapter: `adapter ${k + 1}${name}`, error });
    }
  }
  return failures;
}

/**
 * What a run that succeeded throws when `afterRun` hooks failed: an adapter's own typed error
 * (materialize cannot write) as thrown, since it already names the fix; several as one `HookError`.
 *
 * @example
 * if (failures.length > 0) throw afterRunError(failures);
 */
export function afterRunError(failures: readonly HookFailure[]): unknown {
  const one = failures.length === 1 ? failures[0].error : undefined;
  return one instanceof QuiverError ? one : new HookError('afterRun', [...failures]);
}

/**
 * The run's own error keeps its identity; the hooks' errors ride along as `hookErrors`.
 *
 * @example
 * attachHookErrors(failure, hookFailures.map((f) => f.error));
 */
export function attachHookErrors(failure: unknown, errors: readonly unknown[]): void {
  if (failure === null || (typeof failure !== 'object' && typeof failure !== 'function')) return;
  const value = Object.freeze([...errors]);
  Object.defineProperty(failure, 'hookErrors', { value, enumerable: false, configurable: true });
}
