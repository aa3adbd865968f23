/**
 * One cached execution: fingerprints the inputs, makes the keys, prunes the plan, then wraps every
 * node (`aroundNode`) to read it from the store or compute and store it as soon as it finishes — so
 * a run killed at any point leaves every finished node behind for the next. A stored value that
 * turns out unreadable is dropped with a note and the plan is made again: never a wrong value.
 */
import type { Graph } from '../graph/graph';
import type { Plan } from '../execution/plan';
import type { LifecycleAdapter, NodeCall, NextNode } from '../execution/hooks';
import type { CodeIdentity } from '../graph/node';
import { FeatureExecutionError } from '../errors';
import { ports, type AdapterNote, type CacheEntry, type CacheStore } from '../ports';
import { EntryLost, NotEncodable } from './errors';
import { COMPUTE, LOAD, prunePlan, staticKeys, type KeyState, type Planner } from './cache-plan';
import { codeVersion } from './code-version';
import { Fingerprints } from './fingerprint';
import { loadHasher, type Hasher } from './hasher';
import { nodeKey } from './keys';
import type { CacheSettings } from './options';
import { quiverVersion } from './quiver-version';

/** What `run()` reports: node names read from the cache and computed, in the order they ran. */
export interface CacheReport {
  readonly hits: string[];
  readonly misses: string[];
}

/**
 * For a run whose every output is keyed (behaviour `'default'`: read from the cache, or computed
 * and stored under its key): one key for the whole result (the outputs' names and keys, hashed),
 * so a caller can cache what it derives from exactly that result (`buildTrainingFrame`'s isolation
 * verdict). Kept beside the report, not in it: the report's shape is public.
 */
const wholeKeys = new WeakMap<CacheReport, string>();

/**
 * @example
 * const run = await dr.run(outputs, { inputs });
 * resultKeyOf(run.cache)  // '…32 hex digits…', or undefined when an output is recomputed, disabled or ignored
 */
export function resultKeyOf(report: CacheReport): string | undefined {
  return wholeKeys.get(report);
}

export class CacheSession implements Planner {
  readonly notes: AdapterNote[] = [];
  private hits = new Set<string>();
  private misses = new Set<string>();
  private readonly codes = new Map<CodeIdentity, string | undefined>();
  private readonly state: KeyState;
  private readonly lost = new Set<string>();
  readonly adapter: LifecycleAdapter = { aroundNode: (call, next) => this.around(call, next) };
  plan: Plan;

  private constructor(
    private readonly graph: Graph, private readonly full: Plan, private readonly outputs: readonly number[],
    private readonly settings: CacheSettings, private readonly store: CacheStore,
    private readonly hasher: Hasher, private readonly fingerprints: Fingerprints, values: readonly unknown[],
  ) {
    const n = graph.nodes.length;
    this.state = { behavior: new Array(n), key: new Array(n), version: new Array(n), mode: new Uint8Array(n), entries: new Array(n) };
    for (const i of [...full.supplied, ...full.overridden]) this.state.version[i] = this.versionOf(i, values[i]);
    for (const i of full.run) this.state.behavior[i] = this.behaviorOf(i);
    staticKeys(graph, full, this.state, this);
    this.plan = prunePlan(graph, full, outputs, this.state, this);
    this.prefetch();
  }

  /** The entries the plan reads, handed to the store at once (it reads a pack whole when they are most of it). */
  private prefetch(): void {
    const entries: CacheEntry[] = [];
    for (const i of this.plan.run) if (this.state.mode[i] === LOAD) entries.push(this.state.entries[i]!);
    this.store.prefetch(entries);
  }

  /** @example const session = await CacheSession.open(graph, plan, outputs, values, settings); */
  static async open(graph: Graph, plan: Plan, outputs: readonly number[], values: readonly unknown[], settings: CacheSettings): Promise<CacheSession> {
    const hasher = await loadHasher();
    const store = await ports().openCacheStore(settings.path, hasher);
    return new CacheSession(graph, plan, outputs, settings, store, hasher, new Fingerprints(hasher), values);
  }

  /** After a failed attempt: a new plan when the failure was a stored value that could not be read. */
  replan(error: unknown): Plan | undefined {
    const lost = error instanceof FeatureExecutionError ? error.cause : error;
    if (!(lost instanceof EntryLost) || this.lost.has(lost.key)) return undefined;
    this.lose(lost);
    this.hits = new Set();
    this.misses = new Set();
    return (this.plan = prunePlan(this.graph, this.full, this.outputs, this.state, this));
  }

  report(): CacheReport {
    const report = { hits: [...this.hits], misses: [...this.misses] };
    const whole = this.wholeKey();
    if (whole !== undefined) wholeKeys.set(report, whole);
    return report;
  }

  /**
   * The outputs' names and data versions hashed, when each version stands for its value: a
   * computed node's key (behaviour `'default'`), an input's or override's content fingerprint.
   */
  private wholeKey(): string | undefined {
    let text = 'quiver-result';
    for (const i of this.outputs) {
      const behavior = this.state.behavior[i];
      const version = this.state.version[i];
      const keyed = behavior === 'default' && version !== undefined && version === this.state.key[i];
      const stands = behavior === undefined ? version !== undefined : keyed;
      if (!stands) return undefined;
      text += `\u0000${JSON.stringify(this.graph.nodes[i].name)}=${version}`;
    }
    return this.hasher.text(text, 0n) + this.hasher.text(text, 0x9e3779b97f4a7c15n);
  }

  /** Ends the run: the store's files closed, then least recently used packs go while over `maxBytes`. */
  async finish(): Promise<void> {
    const recent = this.store.close();
    if (this.settings.maxBytes !== undefined) await ports().evictCache(this.settings.path, this.settings.maxBytes, recent);
  }

  /** After a failed run: the store's files closed (what was stored stays, for the next run). */
  close(): void {
    this.store.close();
  }

  keyOf(i: number): string | undefined {
    const node = this.graph.nodes[i];
    if (node.code === undefined) return undefined;
    if (!this.codes.has(node.code)) this.codes.set(node.code, codeVersion(node.code, this.fingerprints, this.codes));
    const code = this.codes.get(node.code);
    if (code === undefined) return undefined;
    const deps = this.graph.deps[i];
    const parts: [string, string][] = new Array(deps.length);
    for (let k = 0; k < deps.length; k++) {
      const version = this.state.version[deps[k]];
      if (version === undefined) return undefined;
      parts[k] = [node.dependencies[k].name, version];
    }
    return nodeKey(this.hasher, quiverVersion(), node.name, code, parts);
  }

  find(key: string): CacheEntry | undefined {
    if (this.lost.has(key)) return undefined;
    const found = this.store.find(key);
    if (found instanceof EntryLost) return void this.lose(found), undefined;
    return found;
  }

  private async around(call: NodeCall, next: NextNode): Promise<unknown> {
    const { index: i, node } = call;
    const name = node.owner ?? node.name;
    const { state } = this;
    const behavior = state.behavior[i];
    if (state.mode[i] === LOAD) {
      const value = this.store.read(state.entries[i]!);
      if (node.role !== 'check') this.hits.add(name);
      return value;
    }
    let key = state.key[i];
    if (key === undefined && state.mode[i] === COMPUTE) key = state.key[i] = this.keyOf(i);
    if (behavior === 'default' && key !== undefined && state.version[i] === undefined) {
      const entry = this.find(key);
      state.version[i] = key;
      if (entry) {
        try {
          const value = this.store.read(entry);
          if (node.role !== 'check') this.hits.add(name);
          return value;
        } catch (error) {
          if (!(error instanceof EntryLost)) throw error;
          this.lose(error);
        }
      }
    }
    const value = await next(call.args);
    if (state.version[i] === undefined) state.version[i] = this.versionOf(i, value);
    // A checked feature's raw value is the feature's own value (same code version, so same fate): it is
    // read back only when the feature is not stored, which a run killed between the two leaves.
    const stored = behavior === 'default' || behavior === 'recompute';
    if (key !== undefined && stored && node.role !== 'raw') await this.save(key, node.name, value);
    this.misses.add(name);
    return value;
  }

  private async save(key: string, name: string, value: unknown): Promise<void> {
    try {
      await this.store.write(key, name, value);
    } catch (error) {
      const reason = error instanceof NotEncodable ? error.message : error instanceof Error ? error.message : String(error);
      this.note('cache-not-stored', name, `"${name}" was computed but not cached: ${reason}.`);
    }
  }

  private behaviorOf(i: number): CacheSettings['behavior'] {
    const node = this.graph.nodes[i];
    if (node.code === undefined) return 'disable';
    const own = node.code.records.find((r) => r.kind === 'cache');
    return own?.kind === 'cache' ? own.behavior : this.settings.behavior;
  }

  private versionOf(i: number, value: unknown): string | undefined {
    const version = this.fingerprints.of(value);
    const name = this.graph.nodes[i].name;
    if (version === undefined) this.note('cache-no-version', name, `"${name}" holds a value that refers to itself, so it has no fingerprint: what reads it is computed on every run.`);
    return version;
  }

  private lose(lost: EntryLost): void {
    this.lost.add(lost.key);
    this.store.remove(lost.key);
    this.note('cache-entry-lost', lost.node, `${lost.message}; it was dropped and computed again.`);
  }

  private note(code: AdapterNote['code'], column: string, message: string): void {
    if (!this.notes.some((n) => n.code === code && n.column === column)) this.notes.push({ code, column, message });
  }
}
