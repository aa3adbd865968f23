/**
 * `readOnlyInputs()`: the contract "a feature never writes into its arguments", checked. Every
 * argument of every node is fingerprinted (`fingerprintValue`: bytes of typed arrays, elements of
 * arrays, fields of objects) before the node runs and compared after it finished; a difference is
 * an `InputMutationError` naming the node and the argument. A value's first fingerprint is kept
 * for the run, so each value is read once more per node that reads it. On by default when
 * `NODE_ENV` is `test` (jest sets it); `readOnlyInputs({ enabled: false })` turns that off.
 */
import { InputMutationError } from '../errors';
import { describeValue } from '../graph/types';
import { assertKnownKeys } from '../options/known-keys';
import { fingerprintValue, isInspectable } from './fingerprint-value';
import type { LifecycleAdapter, NodeCall, NextNode } from './hooks';

export interface ReadOnlyInputsOptions {
  /** `false` registers nothing and keeps the test-mode default from adding the check. Default `true`. */
  readonly enabled?: boolean;
}

const OPTION_KEYS = ['enabled'] as const;
const MARK = Symbol.for('quiver.readOnlyInputs');

/**
 * The adapter that catches a feature writing into its inputs.
 *
 * @example
 * const dr = new Builder().withFeatures(SpendFeatures).withAdapters(readOnlyInputs()).build();
 * // a feature doing `spend[0] = 0` fails: InputMutationError: Feature "f" (F.f) wrote into its input "spend" …
 */
export function readOnlyInputs(options: ReadOnlyInputsOptions = {}): LifecycleAdapter {
  assertKnownKeys(options, OPTION_KEYS, 'readOnlyInputs');
  if (options.enabled === false) return Object.defineProperty({}, MARK, { value: true });
  const runs = new Map<number, WeakMap<object, number>>();
  const adapter: LifecycleAdapter = {
    beforeRun: ({ runId }) => void runs.set(runId, new WeakMap()),
    afterRun: ({ runId }) => void runs.delete(runId),
    aroundNode: (call: NodeCall, next: NextNode) => guarded(call, next, runs.get(call.runId)),
  };
  return Object.defineProperty(adapter, MARK, { value: true });
}

/** True for an adapter made by `readOnlyInputs()` (enabled or not). */
export function isReadOnlyInputs(adapter: LifecycleAdapter): boolean {
  return (adapter as Record<symbol, unknown>)[MARK] === true;
}

/**
 * The adapters a driver runs with: `adapters`, plus `readOnlyInputs()` last (innermost, so it
 * watches the node's own function) when `NODE_ENV` is `test` and none was registered.
 *
 * @example
 * withTestDefaults([timer]); // under jest: [timer, readOnlyInputs()]
 */
export function withTestDefaults(adapters: readonly LifecycleAdapter[]): LifecycleAdapter[] {
  const env = typeof process !== 'undefined' ? process.env.NODE_ENV : undefined;
  if (env !== 'test' || adapters.some(isReadOnlyInputs)) return [...adapters];
  return [...adapters, readOnlyInputs()];
}

function guarded(call: NodeCall, next: NextNode, seen = new WeakMap<object, number>()): unknown {
  const { args } = call;
  const before: number[] = new Array(args.length);
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (!isInspectable(a)) continue;
    let f = seen.get(a);
    if (f === undefined) seen.set(a, (f = fingerprintValue(a)));
    before[k] = f;
  }
  const verify = (value: unknown) => {
    for (let k = 0; k < args.length; k++) {
      if (before[k] !== undefined && fingerprintValue(args[k]) !== before[k]) throw mutated(call, k);
    }
    return value;
  };
  const value = next(args);
  if (value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function') {
    return (value as PromiseLike<unknown>).then(verify);
  }
  return verify(value);
}

function mutated(call: NodeCall, k: number): InputMutationError {
  const { node } = call;
  const name = node.owner ?? node.name;
  const input = node.dependencies[k]?.name ?? `argument ${k + 1}`;
  const what = node.role === 'check' ? `The check "${node.validator?.name ?? node.name}" of feature "${name}"` : `Feature "${name}" (${node.origin})`;
  return new InputMutationError(name, node.origin, input,
    `${what} wrote into its input "${input}" (${describeValue(call.args[k])}): inputs are read-only, shared with the caller ` +
      `and with every other feature that reads them. Copy it first (e.g. ${safeIdent(input)}.slice()) and change the copy.`);
}

function safeIdent(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : 'input';
}
