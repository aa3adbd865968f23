/**
 * The options every kernel takes and the checks on its arguments. Each check throws an
 * `InputError` whose message names the kernel, the parameter and what to pass instead.
 */
import { InputError } from '../errors';
import { assertKnownKeys } from '../options/known-keys';
import type { Groups } from './groups';
import { allocateFloat64 } from './allocate';

/** A numeric column: a `Float64Array` (the fast path), another typed array or a `number[]`. */
export type Column = ArrayLike<number>;

/** What every kernel accepts: run per entity (`groups`) and/or write into a caller's buffer (`out`). */
export interface KernelOptions {
  /** Entity boundaries from {@link groupsOf}: nothing crosses from one entity into the next. */
  readonly groups?: Groups;
  /** A buffer of the input's length to write the result into; it is returned. */
  readonly out?: Float64Array;
}

/** Options of the rolling and expanding kernels. */
export interface WindowOptions extends KernelOptions {
  /** Fewest non-NaN values a window needs to give a result (rolling: `window`, expanding: 1). */
  readonly minPeriods?: number;
  /** The time of each row, for an offset window such as `rollingMean(x, '28D', { time })`. */
  readonly time?: import('./time-input').TimeColumn;
}

/** The option keys each family of kernels knows, in one place: a new option is one line here. */
export const OPTION_KEYS = {
  kernel: ['groups', 'out'],
  rolling: ['groups', 'out', 'minPeriods', 'time'],
  expanding: ['groups', 'out', 'minPeriods'],
  ewm: ['groups', 'out', 'span', 'alpha', 'adjust', 'minPeriods'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Checks a kernel's `opts` once per call (never per row): `undefined` passes; anything but an
 * object, or an object with a key not in `known`, is an `InputError` naming the kernel, with
 * "did you mean".
 *
 * @example
 * kernelOptions('rollingMean', { minPriods: 2 }, OPTION_KEYS.rolling);
 * // InputError: rollingMean got an unknown option "minPriods" (did you mean "minPeriods"?). Valid options: groups, out, minPeriods.
 */
export function kernelOptions(kernel: string, opts: unknown, known: readonly string[] = OPTION_KEYS.kernel): void {
  if (opts === undefined) return;
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new InputError(`${kernel}: opts must be an options object such as { ${known.join(', ')} }; got ${describe(opts)}.`);
  }
  for (const key in opts) if (!known.includes(key)) assertKnownKeys(opts, known, kernel, InputError);
}

/** The largest integer parameter (window, k, minPeriods) accepted: it keeps loop arithmetic in small integers. */
export const UNBOUNDED = 0x3fffffff;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/**
 * `x` as a `Float64Array`: returned as is when it already is one, else copied once (so hot loops
 * only ever see `Float64Array`). Anything but an array or typed array is an `InputError`.
 *
 * @example
 * column('abs', 'x', [1, 2]);   // Float64Array [1, 2]
 */
export function column(kernel: string, param: string, x: unknown): Float64Array {
  if (x instanceof Float64Array) return x;
  if (x instanceof BigInt64Array || x instanceof BigUint64Array) {
    const copy = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) copy[i] = Number(x[i]);
    return copy;
  }
  if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    return Float64Array.from(x as ArrayLike<number>, (v) => (v === null || v === undefined ? NaN : +v));
  }
  throw new InputError(
    `${kernel}: ${param} must be a Float64Array, another typed array or an array of numbers; got ${describe(x)}. ` +
      'Copy an Arrow vector with Float64Array.from(vector, (v) => v ?? NaN), so nulls become NaN.',
  );
}

/**
 * True when two typed arrays share any byte of memory.
 *
 * @example
 * overlaps(x, x.subarray(2));   // true
 */
export function overlaps(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return (
    a.buffer === b.buffer &&
    a.byteOffset < b.byteOffset + b.byteLength &&
    b.byteOffset < a.byteOffset + a.byteLength
  );
}

/**
 * The buffer to write into: `opts.out` when given (checked: a `Float64Array` of length `n` that
 * does not overlap `input` when the kernel reads neighbours), else a new one.
 *
 * @example
 * output('shift', 3, undefined);   // a new Float64Array(3)
 */
export function output(kernel: string, n: number, out: Float64Array | undefined, input?: Float64Array): Float64Array {
  if (out === undefined) return allocateFloat64(n);
  if (!(out instanceof Float64Array)) {
    throw new InputError(`${kernel}: opts.out must be a Float64Array; got ${describe(out)}.`);
  }
  if (out.length !== n) {
    throw new InputError(
      `${kernel}: opts.out has length ${out.length} but the input has ${n} rows; ` +
        `pass a Float64Array of length ${n} or leave opts.out out.`,
    );
  }
  if (input !== undefined && overlaps(out, input)) {
    throw new InputError(
      `${kernel}: opts.out shares memory with the input x, and this kernel reads neighbouring rows; ` +
        'pass a separate buffer as opts.out.',
    );
  }
  return out;
}

/**
 * An integer parameter, with a lower bound.
 *
 * @example
 * integer('shift', 'k', -2);   // -2; 1.5 would throw
 */
export function integer(kernel: string, param: string, value: unknown, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const bound = min === -Infinity ? 'an integer' : `an integer ≥ ${min}`;
    throw new InputError(`${kernel}: ${param} must be ${bound}; got ${describe(value)}.`);
  }
  if (Math.abs(value) > UNBOUNDED) {
    throw new InputError(`${kernel}: ${param} must be at most ${UNBOUNDED} in size; got ${value}.`);
  }
  return value;
}

/**
 * `window` (an integer ≥ 1).
 *
 * @example
 * windowArg('rollingMean', 7);   // 7; 0 would throw
 */
export function windowArg(kernel: string, window: unknown): number {
  return integer(kernel, 'window', window, 1);
}

/**
 * `opts.minPeriods`: an integer in 0..`max`, `fallback` when absent.
 *
 * @example
 * minPeriodsArg('rollingMean', undefined, 7, 7);   // 7
 */
export function minPeriodsArg(kernel: string, minPeriods: unknown, fallback: number, max = UNBOUNDED): number {
  if (minPeriods === undefined) return fallback;
  const value = integer(kernel, 'opts.minPeriods', minPeriods, 0);
  if (value > max) {
    throw new InputError(
      `${kernel}: opts.minPeriods (${value}) must not exceed the window (${max}); ` +
        'a window can never hold more values than its length.',
    );
  }
  return value;
}

/**
 * A finite-or-infinite number parameter (NaN and non-numbers are refused).
 *
 * @example
 * numberArg('clip', 'lo', 0);   // 0; NaN would throw
 */
export function numberArg(kernel: string, param: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new InputError(`${kernel}: ${param} must be a number; got ${describe(value)}.`);
  }
  return value;
}
