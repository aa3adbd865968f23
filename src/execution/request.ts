/**
 * Checks what an execution is asked for before any feature runs: unknown outputs, missing
 * inputs (and which nodes need them), inputs of the wrong type, config and inputs sharing a key,
 * inputs that name features, columns of different lengths. Every problem is collected into one
 * `InputError`. What passes becomes the plan and the initial values.
 */
import { InputError, type Issue } from '../errors';
import type { Graph } from '../graph/graph';
import { isInternal } from '../graph/node';
import { article, describeValue, valueMatchesType } from '../graph/types';
import { declaredBy, declaredTypeName, type Declarer } from './declared-by';
import { ports, type AdapterNote } from '../ports';
import { makePlan, type Plan } from './plan';
import { didYouMean, type Spelling } from './suggest';
import { spellingsOf } from '../graph/spellings';
import { isGroupsShape, isTypedArray, isVectorLike } from '../util/shapes';
import type { Executor } from './executor-api';
import { hasOwn, own } from '../util/own';
import { assertKnownKeys } from '../options/known-keys';
import { widenInput } from './widen-input';
import { withRemedy } from './remedies';
import { columnNotes } from '../util/column-notes';
import type { UnknownNameCode } from '../issue-codes';

export interface ExecuteOptions {
  /** Values for the graph's inputs, or an Arrow Table whose columns are inputs. */
  readonly inputs?: Readonly<Record<string, unknown>> | object;
  /** Values that replace nodes; the upstream of an overridden node is not run. */
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** The executor for this call (default: the builder's `withExecutor`, else `inline()`). */
  readonly executor?: Executor;
}

/** Every key `execute`, `run`, `validateExecution` and `visualizeExecution` options may have. */
export const EXECUTE_OPTION_KEYS: readonly string[] = ['inputs', 'overrides', 'executor'];

export interface Prepared {
  readonly plan: Plan;
  /** Values by node index, with inputs, config and overrides filled in. */
  readonly values: unknown[];
  /** Requested outputs that are not nodes: given directly in inputs, config or overrides. */
  readonly given: ReadonlyMap<string, unknown>;
  /** For each requested output, in order, its node index, or −1 when its value is in `given`. */
  readonly outputIndex: Int32Array;
  /** What the adapters changed on the way in (e.g. an integer column with nulls read as float64). */
  readonly notes: readonly AdapterNote[];
}

export class PlanCache {
  private readonly plans = new Map<string, Plan>();
  /** The last request, compared index by index: a repeated call makes no key of thousands of outputs. */
  private last: { readonly outputs: Int32Array; readonly overrides: string; readonly plan: Plan } | undefined;
  get(graph: Graph, outputs: readonly number[], overrides: ReadonlySet<string>): Plan {
    const over = overrides.size === 0 ? '' : [...overrides].sort().join('\u0001');
    const last = this.last;
    if (last !== undefined && last.overrides === over && sameIndices(last.outputs, outputs)) return last.plan;
    // The first request of a driver makes no key of its thousands of outputs: only a second, different one keys both.
    if (last !== undefined && this.plans.size === 0) this.plans.set(keyOf(last.outputs, last.overrides), last.plan);
    const key = last === undefined ? undefined : keyOf(outputs, over);
    let plan = key === undefined ? undefined : this.plans.get(key);
    if (!plan) {
      plan = makePlan(graph, outputs, overrides);
      if (key !== undefined) {
        if (this.plans.size >= 32) this.plans.delete(this.plans.keys().next().value!);
        this.plans.set(key, plan);
      }
    }
    this.last = { outputs: Int32Array.from(outputs), overrides: over, plan };
    return plan;
  }
}

function keyOf(outputs: ArrayLike<number> & { join(separator: string): string }, overrides: string): string {
  return `${outputs.join(',')}|${overrides}`;
}

function sameIndices(a: Int32Array, b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

export function prepareExecution(
  graph: Graph,
  config: Readonly<Record<string, unknown>>,
  outputs: readonly string[],
  options: ExecuteOptions,
  cache: PlanCache,
  where = 'execute',
): Prepared {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new InputError(`${where}(outputs, options) takes options { ${EXECUTE_OPTION_KEYS.map((k) => `${k}?`).join(', ')} }.`);
  }
  assertKnownKeys(options, EXECUTE_OPTION_KEYS, where, InputError);
  const issues: Issue[] = [];
  const add = (code: string, message: string, nodes: string[]) => issues.push({ code, message, nodes });
  if (!Array.isArray(outputs) || !outputs.every((o) => typeof o === 'string')) {
    throw new InputError('outputs must be a list of node names, e.g. execute(["avg3wkSpend"], { inputs }).');
  }
  const rawInputs = options?.inputs ?? {};
  const notes: AdapterNote[] = [];
  const inputs = (ports().isTable(rawInputs) ? ports().columnsOf(rawInputs, { onNote: (note) => void notes.push(note) }) : rawInputs) as Record<string, unknown>;
  const overrides = (options?.overrides ?? {}) as Record<string, unknown>;

  for (const key of Object.keys(inputs)) {
    if (hasOwn(config, key)) add('config-input-clash', `"${key}" is both a config key and an input. Config and inputs must not share a key: rename one, or drop it from one of them.`, [key]);
    const node = graph.node(key);
    if (node && node.role !== 'input' && node.role !== 'config') {
      const problem = `Input "${key}" names the feature "${key}" (${node.origin}); an input cannot replace a feature.`;
      issues.push(withRemedy('input-names-feature', problem, { kind: 'input-instead-of-feature', name: key }, [key]));
    }
  }
  // Duplicates: node names are marked by index (in one shared scratch, cleared again below; a request
  // made from inside this one, by a Proxy's trap, gets its own), other names (given, unknown) in a Set.
  const shared = !marksBusy;
  const marked = shared ? marksOf(graph) : new Uint8Array(graph.nodes.length);
  marksBusy = true;
  let seen: Set<string> | undefined;
  let known: Spelling[] | undefined;
  const outputIndices: number[] = [];
  const outputIndex = new Int32Array(outputs.length).fill(-1);
  const given = new Map<string, unknown>();
  try {
    for (let o = 0; o < outputs.length; o++) {
      const name = outputs[o];
      const i = graph.index.get(name);
      let twice: boolean;
      if (i !== undefined) {
        twice = marked[i] === 1;
        marked[i] = 1;
      } else {
        seen ??= new Set();
        twice = seen.has(name);
        seen.add(name);
      }
      if (twice) add('output-twice', `Output "${name}" is requested twice; ask for it once.`, [name]);
      if (i !== undefined && !isInternal(graph.nodes[i])) {
        outputIndices.push(i);
        outputIndex[o] = i;
      } else if (hasOwn(overrides, name)) given.set(name, overrides[name]);
      else if (hasOwn(inputs, name)) given.set(name, inputs[name]);
      else if (hasOwn(config, name)) given.set(name, config[name]);
      else if (graph.disabled.has(name)) {
        add('disabled-output', `Output "${name}" exists, but ${graph.disabled.get(name)}. Change the config, or ask for another output.`, [name]);
      } else {
        // every name that would have been a valid output: nodes (and their methods), inputs, config, overrides
        known ??= [...spellingsOf(graph), ...Object.keys(inputs), ...Object.keys(config), ...Object.keys(overrides)];
        const hint = didYouMean(name, known);
        const what = `Unknown output "${name}": no feature, input or config has that name.`;
        add('unknown-output' satisfies UnknownNameCode, `${what}${hint}`, [name]);
      }
    }
  } finally {
    if (shared) {
      for (let o = 0; o < outputs.length; o++) {
        // outputIndex holds most outputs' nodes; internal and given names (after a throw, the rest) are looked up
        const i = outputIndex[o] >= 0 ? outputIndex[o] : graph.index.get(outputs[o]);
        if (i !== undefined) marked[i] = 0;
      }
      marksBusy = false;
    }
  }
  const plan = cache.get(graph, outputIndices, new Set(Object.keys(overrides)));
  const values: unknown[] = new Array(graph.nodes.length);
  let planned: Set<number> | undefined; // made only when a message names consumers
  /** The planned consumers of node i (only those that need it without a default, when `requiring`). */
  const consumersOf = (i: number, requiring = false) => {
    planned ??= new Set(plan.run);
    const names = new Set<string>();
    for (const c of graph.consumers[i]) {
      if (!planned.has(c)) continue;
      const node = graph.nodes[c];
      if (requiring && graph.deps[c].every((d, k) => d !== i || node.dependencies[k].optional)) continue;
      names.add(node.owner ?? node.name);
    }
    return [...names];
  };
  /** Each planned consumer of input i with the type its parameter declares (for messages, and the check itself). */
  const declarersOf = (i: number): Declarer[] => {
    planned ??= new Set(plan.run);
    const out: Declarer[] = [];
    for (const c of graph.consumers[i]) {
      if (!planned.has(c)) continue;
      const node = graph.nodes[c];
      const d = graph.deps[c];
      for (let k = 0; k < d.length; k++) if (d[k] === i) out.push({ name: node.owner ?? node.name, type: node.dependencies[k].type });
    }
    return out;
  };
  const columns: [string, number][] = [];
  const overridden: [string, number][] = [];
  for (const i of plan.supplied) {
    const node = graph.nodes[i];
    const isConfig = node.role === 'config';
    const v = isConfig ? own(config, node.name) : own(inputs, node.name);
    if (v === undefined) {
      if (plan.required[i] === 0) continue;
      const needers = consumersOf(i, true);
      const by = needers.length > 0 ? `, needed by ${needers.map((n) => `"${n}"`).join(', ')}` : ' (requested as an output)';
      const remedy = { kind: 'missing-input', name: node.name } as const;
      issues.push(withRemedy('missing-input', `Missing input "${node.name}"${by}.`, remedy, [node.name, ...needers]));
      continue;
    }
    const widened = widenInput(node.name, v, node.type, () => declaredBy(declarersOf(i)));
    if (widened.note) notes.push(widened.note);
    if (widened.problem) add(widened.code ?? 'input-type', widened.problem + saidAbout(node.name, v, notes), [node.name]);
    else if (!valueMatchesType(widened.value, node.type)) {
      // node.type is the first declared type of any consumer: the planned ones' own types decide
      const declarers = declarersOf(i);
      const refused = declarers.find((d) => !valueMatchesType(widened.value, d.type));
      if (refused !== undefined) add('input-type', inputTypeProblem(node.name, v, refused.type, declarers, notes), [node.name]);
    }
    if (isColumn(widened.value)) columns.push([node.name, (widened.value as { length: number }).length]);
    values[i] = widened.value;
  }
  for (const i of plan.overridden) {
    const node = graph.nodes[i];
    const says = () => `${node.origin} is declared to return ${declaredTypeName(node.type)}`;
    const widened = widenInput(node.name, own(overrides, node.name), node.type, says, 'Override');
    const v = widened.value;
    if (widened.note) notes.push(widened.note);
    const code = widened.code === 'input-range' ? 'override-range' : 'override-type';
    if (widened.problem) add(code, widened.problem, [node.name]);
    else if (!valueMatchesType(v, node.type)) {
      const type = declaredTypeName(node.type);
      add('override-type', `Override "${node.name}" is ${describeValue(v)}, but ${node.origin} is declared to return ${type}. Pass ${article(type)} ${type}.`, [node.name]);
    }
    if (isColumn(v)) overridden.push([node.name, (v as { length: number }).length]);
    values[i] = v;
  }
  if (new Set([...columns, ...overridden].map(([, n]) => n)).size > 1) {
    const keys = Object.keys(inputs);
    columns.sort((a, b) => keys.indexOf(a[0]) - keys.indexOf(b[0]));
    const listed = [...columns.map(([name, n]) => `${name} (${n})`), ...overridden.map(([name, n]) => `${name} (override, ${n})`)];
    add('column-lengths', `${overridden.length > 0 ? 'Input and override' : 'Input'} columns have different lengths: ${listed.join(', ')}. Columns of one execution must have one length; pass a list that is not a column (a calendar, say) as a plain array or in config.`, [...columns, ...overridden].map(([name]) => name));
  }
  if (issues.length > 0) throw new InputError(issues);
  return { plan, values, given, notes, outputIndex };
}

const MARKS = new WeakMap<Graph, Uint8Array>();
/** True while a request uses its graph's marks (prepareExecution is synchronous, but user traps may re-enter it). */
let marksBusy = false;

/** One zeroed byte per node of `graph`, reused by every request (cheaper than a new typed array per call). */
function marksOf(graph: Graph): Uint8Array {
  let marks = MARKS.get(graph);
  if (marks === undefined || marks.length < graph.nodes.length) {
    MARKS.set(graph, (marks = new Uint8Array(graph.nodes.length)));
  }
  return marks;
}

/**
 * An input refused for its type: what it is, who declares what, the fix, and what the adapters
 * said about that column on the way in (the CSV reader's "read as utf8 because line 4 holds …").
 */
function inputTypeProblem(
  name: string, value: unknown, wanted: unknown, declarers: readonly Declarer[], notes: readonly AdapterNote[],
): string {
  const type = declaredTypeName(wanted);
  if (isGroupsShape(value)) {
    // quiver supplies groups (entityHistory, buildTrainingFrame, --entity): the declaration is what to change
    return `Input "${name}" is quiver's Groups (each entity's rows), but ${declaredBy(declarers)}. ` +
      `Declare the parameter as ${name}: Groups (import { type Groups } from 'quiver').`;
  }
  return `Input "${name}" is ${describeValue(value)}, but ${declaredBy(declarers)}. Pass ${article(type)} ${type}.${saidAbout(name, value, notes)}`;
}

/** What the adapters said about input `name` (this run's notes, and those its column carries), in parentheses. */
function saidAbout(name: string, value: unknown, notes: readonly AdapterNote[]): string {
  const said = [...notes.filter((n) => n.column === name), ...columnNotes(value)].map((n) => n.message);
  return said.length === 0 ? '' : ` (${[...new Set(said)].join(' ')})`;
}

/**
 * Row counts are compared for typed arrays and Arrow vectors only: a plain array is a column
 * elsewhere (src/util/shapes.ts), but here it may be one list-valued input, so its length is no row count.
 */
function isColumn(v: unknown): boolean {
  return isTypedArray(v) || isVectorLike(v);
}
