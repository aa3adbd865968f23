/**
 * Lifecycle hooks: objects passed to `Builder.withAdapters(...)`. Every method is optional.
 * Node hooks are synchronous (they sit on the executor's hot path); run hooks may return a promise.
 *
 * @example
 * const timer: LifecycleAdapter = {
 *   afterNode: ({ name, durationMs }) => console.log(`${name} took ${durationMs.toFixed(1)} ms`),
 * };
 * const dr = new Builder().withFeatures(SpendFeatures).withAdapters(timer).build();
 */
export type Tags = Readonly<Record<string, string | readonly string[]>>;

/** Told once before the first node of an execution runs. */
export interface RunStart {
  readonly runId: number;
  /** The requested outputs, in order. */
  readonly outputs: readonly string[];
  /** The nodes that will run, in execution order (internal check nodes included). */
  readonly nodes: readonly string[];
  readonly config: Readonly<Record<string, unknown>>;
}

/** Told once when an execution ends, successfully or not. */
export interface RunEnd extends RunStart {
  readonly success: boolean;
  readonly error?: unknown;
  readonly durationMs: number;
}

/** Told before a node runs. `index` counts from 0 up to `total - 1`. */
export interface NodeStart {
  readonly runId: number;
  readonly name: string;
  readonly tags: Tags;
  readonly index: number;
  readonly total: number;
  /** `feature`, `raw` (a checked feature's own value before its checks) or `check` (one data-quality check). */
  readonly role: NodeRole;
}

/** Told after a node ran (or threw). `value` is what it produced when it succeeded. */
export interface NodeEnd extends NodeStart {
  readonly durationMs: number;
  readonly success: boolean;
  readonly error?: unknown;
  readonly value?: unknown;
}

export type NodeRole = 'input' | 'config' | 'feature' | 'raw' | 'check';

export interface LifecycleAdapter {
  beforeRun?(run: RunStart): void | Promise<void>;
  afterRun?(run: RunEnd): void | Promise<void>;
  beforeNode?(node: NodeStart): void;
  afterNode?(node: NodeEnd): void;
}
