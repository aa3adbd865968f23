/**
 * The driver: runs executions on a built graph and answers lineage questions about it.
 * Made by `new Builder()…build()`.
 */
import type { Graph } from './graph/graph';
import { downstreamOf, nodeIndices, pathBetween, upstreamOf } from './graph/lineage';
import { nodeInfos, type NodeInfo, type TagFilter } from './graph/node-info';
import { toDot } from './graph/dot';
import { QuiverError } from './errors';
import { isExecutor, type Executor, type GraphRecipe } from './execution/executor-api';
import type { LifecycleAdapter } from './execution/hooks';
import { afterRunAll, afterRunError, attachHookErrors, nextRunId } from './execution/run-events';
import { EXECUTE_OPTION_KEYS, PlanCache, prepareExecution, type ExecuteOptions } from './execution/request';
import { makePlan } from './execution/plan';
import { timingsHook } from './execution/timings';
import type { QualityResult } from './quality/result';
import { formatQuality } from './quality';
import type { ResultBuilder } from './results/result-builder';
import type { Table, TypedTable } from './arrow';
import type { AdapterNote } from './ports';
import type { Checked, CheckedName } from './typing/names';
import { InputError } from './errors';
import { assertKnownKeys } from './options/known-keys';
import type { CacheSettings } from './cache/options';
import { CacheSession, type CacheReport } from './cache/session';

/** What `run` resolves to. */
export interface RunResult<R = unknown> {
  readonly result: R;
  /** Every data-quality check that ran, failed or passed, in the order they ran. */
  readonly quality: QualityResult[];
  /** Milliseconds per node that ran (a checked feature's own time under its name; checks as `x:check:name`). */
  readonly timings: Record<string, number>;
  /** What the adapters changed on the way in, e.g. an integer column with nulls read as float64. */
  readonly notes: readonly AdapterNote[];
  /** Nodes read from the cache (`hits`) and computed (`misses`); both empty without `withCache`. */
  readonly cache: CacheReport;
}

/** How many failed 'warn' checks `execute()` prints before summing up the rest. */
const WARNINGS_SHOWN = 10;

/** An Arrow table given as `inputs`: its column names are not in its type. */
type TableLike = { readonly schema: unknown; getChild(name: string): unknown };

/** The names an `inputs` value brings: its keys, or any name for an Arrow table. */
type InputNames<I> = I extends TableLike ? string : keyof I & string;

/** Value types of the `inputs` given, by name. */
type InputTypes<I> = I extends TableLike ? Record<string, unknown> : I;

/** `execute`'s options with the override keys and inputs typed. */
export type TypedExecuteOptions<N extends string, I> = Omit<ExecuteOptions, 'inputs' | 'overrides'> & {
  readonly inputs?: I;
  readonly overrides?: string extends N ? Readonly<Record<string, unknown>> : { readonly [K in N | InputNames<I>]?: unknown };
};

/** What `execute` resolves to: for the Arrow result, a table typed by the requested names. */
export type ExecuteResult<R, O extends readonly string[], M> = R extends Table
  ? TypedTable<{ [K in O[number]]: K extends keyof M ? M[K] : unknown }>
  : R;

/**
 * `R` is the result type, `N` the names accepted (features, config keys, declared inputs) and `M`
 * their value types; `dr.untyped` is the same driver taking any string (docs/typed-names.md).
 */
export class Driver<R = unknown, N extends string = string, M = Record<string, unknown>> {
  private readonly plans = new PlanCache();
  private readonly prepared = new WeakSet<Executor>();

  constructor(
    /** The checked graph (nodes, edges, order). */
    readonly graph: Graph,
    readonly config: Readonly<Record<string, unknown>>,
    private readonly result: ResultBuilder<R>,
    private readonly adapters: readonly LifecycleAdapter[],
    private readonly executor: Executor,
    /** What the graph was built from (executors that rebuild it elsewhere read it). */
    private readonly recipe: GraphRecipe = { features: [], config },
    private readonly cache?: CacheSettings,
  ) {
    this.prepared.add(executor);
  }

  /**
   * Computes exactly what `outputs` need and resolves to the result (an Arrow Table by default).
   * Failed `'warn'` checks and adapter notes are printed with `console.warn`; use `run()` to get them instead.
   * @example
   * const table = await dr.execute(['avg3wkSpend', 'spendPerSignup'], { inputs: { spend, signups } });
   */
  async execute<const O extends readonly string[], const I extends object = {}>(
    outputs: Checked<O, N | InputNames<I>>,
    options: TypedExecuteOptions<N, I> = {},
  ): Promise<ExecuteResult<R, O, M & InputTypes<I>>> {
    const { result, quality, notes } = await this.go(outputs, options as ExecuteOptions, false, 'execute');
    const warnings = quality.filter((q) => !q.passes);
    if (warnings.length > 0) {
      const shown = warnings.slice(0, WARNINGS_SHOWN);
      const more = warnings.length - shown.length;
      console.warn(formatQuality(shown) + (more > 0 ? `\n… and ${more} more failed checks; dr.run() returns them all in .quality.` : ''));
    }
    for (const note of notes) console.warn(`quiver: ${note.message}`);
    return result as ExecuteResult<R, O, M & InputTypes<I>>;
  }

  /**
   * Like `execute`, resolving to `{ result, quality, timings }`.
   * @example
   * const { result, quality, timings } = await dr.run(['spendZeroMeanUnitVariance'], { inputs });
   * console.log(formatQuality(quality));
   */
  async run<const O extends readonly string[], const I extends object = {}>(
    outputs: Checked<O, N | InputNames<I>>,
    options: TypedExecuteOptions<N, I> = {},
  ): Promise<RunResult<ExecuteResult<R, O, M & InputTypes<I>>>> {
    return this.go(outputs, options as ExecuteOptions, true, 'run') as Promise<RunResult<ExecuteResult<R, O, M & InputTypes<I>>>>;
  }

  /**
   * Checks outputs, inputs and their types as `execute` would, without computing; throws `InputError`.
   * @example
   * dr.validateExecution(['avg3wkSpend'], { inputs: { spend } });
   */
  validateExecution<const O extends readonly string[], const I extends object = {}>(
    outputs: Checked<O, N | InputNames<I>>,
    options: TypedExecuteOptions<N, I> = {},
  ): void {
    prepareExecution(this.graph, this.config, outputs, options as ExecuteOptions, this.plans, 'validateExecution');
  }

  /**
   * Every node (inputs and config included), optionally filtered by tags.
   * @example
   * dr.listAvailableVariables({ tags: { owner: 'marketing' } }).map((v) => v.name);
   */
  listAvailableVariables(options: { tags?: TagFilter } = {}): NodeInfo[] {
    assertKnownKeys(options, ['tags'], 'listAvailableVariables', InputError);
    return nodeInfos(this.graph, options.tags);
  }

  /**
   * Every node the given ones need, directly or not, **the given ones included** (as Hamilton's
   * `what_is_upstream_of`): inputs and config among them, internal check nodes seen through, each
   * name once, in dependency order (a node after everything it needs). `y` is in
   * `whatIsUpstreamOf(x)` exactly when `x` is in `whatIsDownstreamOf(y)`.
   * @example
   * dr.whatIsUpstreamOf('spendZeroMean'); // ['spend', 'spendMean', 'spendZeroMean']
   */
  whatIsUpstreamOf<const O extends readonly string[]>(...names: Checked<O, N>): string[] {
    return upstreamOf(this.graph, names);
  }

  /**
   * Every node that needs the given ones, directly or not, **the given ones included** (as Hamilton's
   * `what_is_downstream_of`), each name once, in dependency order; the mirror of `whatIsUpstreamOf`.
   * @example
   * dr.whatIsDownstreamOf('spendMean'); // ['spendMean', 'spendZeroMean', 'spendStdDev', 'spendZeroMeanUnitVariance']
   */
  whatIsDownstreamOf<const O extends readonly string[]>(...names: Checked<O, N>): string[] {
    return downstreamOf(this.graph, names);
  }

  /**
   * The nodes on every path from `upstream` to `downstream`, both ends included (the nodes both
   * downstream of `upstream` and upstream of `downstream`); `[]` when `downstream` does not need `upstream`.
   * @example
   * dr.whatIsThePathBetween('spend', 'spendZeroMeanUnitVariance');
   */
  whatIsThePathBetween<const U extends string, const D extends string>(
    upstream: CheckedName<U, N>,
    downstream: CheckedName<D, N>,
  ): string[] {
    return pathBetween(this.graph, upstream, downstream);
  }

  /**
   * The execution's graph as Graphviz DOT text. Needs no inputs; `overrides` keys are drawn as
   * overridden (their upstream is left out).
   * @example
   * fs.writeFileSync('graph.dot', dr.visualizeExecution(['spendZeroMeanUnitVariance']));
   */
  visualizeExecution<const O extends readonly string[], const I extends object = {}>(
    outputs: Checked<O, N | InputNames<I>>,
    options: TypedExecuteOptions<N, I> = {},
  ): string {
    assertKnownKeys(options, EXECUTE_OPTION_KEYS, 'visualizeExecution', InputError);
    const indices = nodeIndices(this.graph, outputs, 'visualizeExecution');
    const plan = makePlan(this.graph, indices, new Set(Object.keys(options.overrides ?? {})));
    return toDot(this.graph, plan, new Set(indices));
  }

  /**
   * The same driver, taking any string as a name: for plain JavaScript, names built at run time,
   * and lineage queries on inputs the compiler cannot see (a class's parameter names are not types).
   * @example
   * const names = dr.listAvailableVariables().map((v) => v.name);
   * await dr.untyped.execute(names.filter((n) => n.startsWith('lag')), { inputs });
   */
  get untyped(): Driver<R, string, Record<string, unknown>> {
    return this as unknown as Driver<R, string, Record<string, unknown>>;
  }

  private async go(outputs: readonly string[], options: ExecuteOptions, withTimings: boolean, where: string): Promise<RunResult<R>> {
    const prepared = prepareExecution(this.graph, this.config, outputs, options, this.plans, where);
    const { plan: full, values, given, notes, outputIndex } = prepared;
    const executor = this.executorFor(options.executor);
    const wanted: number[] = [];
    for (let o = 0; o < outputIndex.length; o++) if (outputIndex[o] >= 0) wanted.push(outputIndex[o]);
    const session = this.cache ? await CacheSession.open(this.graph, full, wanted, values, this.cache) : undefined;
    let plan = session?.plan ?? full;
    const timer = withTimings ? timingsHook(this.graph) : undefined;
    const own = session ? [session.adapter, ...this.adapters] : this.adapters;
    const hooks = timer ? [...own, timer.hook] : own;
    let state = { runId: nextRunId(), values: session ? values.slice() : values, quality: [] as QualityResult[] };
    const start = hooks.length > 0
      ? { runId: state.runId, outputs, nodes: Array.from(plan.run, (i) => this.graph.nodes[i].name), config: this.config, graph: this.graph }
      : undefined;
    const began = performance.now();
    if (start) for (const h of hooks) await h.beforeRun?.(start);
    let failure: unknown;
    for (;;) {
      try {
        await executor.run({ graph: this.graph, plan, state, hooks, recipe: this.recipe });
        await session?.finish();
        break;
      } catch (error) {
        const again = session?.replan(error);
        if (!again) {
          failure = error;
          session?.close();
          break;
        }
        plan = again;
        state = { ...state, values: values.slice(), quality: [] };
      }
    }
    if (start) {
      const end = { ...start, success: failure === undefined, error: failure, durationMs: performance.now() - began };
      const hookFailures = await afterRunAll(hooks, end);
      if (hookFailures.length > 0) {
        if (failure === undefined) throw afterRunError(hookFailures);
        attachHookErrors(failure, hookFailures.map((f) => f.error));
      }
    }
    if (failure !== undefined) throw failure;
    const computed = new Array<unknown>(outputs.length);
    for (let o = 0; o < outputs.length; o++) computed[o] = outputIndex[o] >= 0 ? state.values[outputIndex[o]] : given.get(outputs[o]);
    const cache = session?.report() ?? { hits: [], misses: [] };
    const allNotes = session && session.notes.length > 0 ? [...notes, ...session.notes] : notes;
    return { result: this.result.build(outputs, computed), quality: state.quality, timings: timer?.timings ?? {}, notes: allNotes, cache };
  }

  /** The per-call executor (prepared once for this driver) or the driver's own. */
  private executorFor(given: unknown): Executor {
    if (given === undefined) return this.executor;
    if (!isExecutor(given)) {
      throw new QuiverError(
        'The executor option takes an executor: inline(), concurrent({ limit }) or threads({ workers }).',
      );
    }
    if (!this.prepared.has(given)) {
      given.prepare?.(this.recipe, this.graph);
      this.prepared.add(given);
    }
    return given;
  }
}
