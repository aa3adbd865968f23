/**
 * Operands of the elementwise kernels. A scalar broadcasts: it becomes a one-element array read
 * through an index mask of 0, while an array is read through a mask of −1 (all bits), so one loop
 * `out[i] = x[i & mx] + y[i]` serves every mix of arrays and scalars without branching. A number on
 * the right (`sub(x, mean)`, `gt(x, 0)`), by far the most common, gets a second loop with the
 * number in a register (`x[i] - s`): the masked read would cost it half again as much. Commutative
 * operations move a left number to the right; `sub` and `div` have a loop for it (`1 - x`, `1 / x`).
 * Elementwise kernels may write in place (`opts.out` may be an input): row i reads only row i.
 */
import { InputError } from '../errors';
import { column, output, type Column, type KernelOptions, kernelOptions } from './options';

/** A column or a number that broadcasts to every row. */
export type Operand = Column | number;

/** Two operands ready for a loop, and the buffer to write. */
export interface BinaryArgs {
  readonly x: Float64Array;
  readonly mx: number;
  readonly y: Float64Array;
  readonly my: number;
  readonly out: Float64Array;
}

function isScalar(v: unknown): v is number {
  return typeof v === 'number';
}

/** `v` as a loop operand: its values and its index mask. */
function values(kernel: string, param: string, v: Operand): Float64Array {
  return isScalar(v) ? Float64Array.of(v) : column(kernel, param, v);
}

/**
 * The common length of the array operands; an `InputError` names them when lengths differ or
 * when every operand is a scalar.
 *
 * @example
 * rowsOf('add', ['a', 'b'], [new Float64Array(3), 2]);   // 3
 */
export function rowsOf(kernel: string, params: readonly string[], operands: readonly unknown[]): number {
  let n = -1;
  let first = '';
  for (let i = 0; i < operands.length; i++) {
    const v = operands[i];
    if (isScalar(v)) continue;
    const len = (v as ArrayLike<number> | null)?.length;
    if (typeof len !== 'number') continue; // column() reports the bad type
    if (n === -1) {
      n = len;
      first = params[i];
    } else if (len !== n) {
      throw new InputError(
        `${kernel}: ${first} has ${n} rows but ${params[i]} has ${len}; elementwise operands must have the same length (or be a number).`,
      );
    }
  }
  if (n === -1) {
    throw new InputError(`${kernel}: at least one of ${params.join(', ')} must be a column; got only numbers.`);
  }
  return n;
}

/**
 * Checks and prepares `(a, b)` for a binary loop over `out`; for a `commutative` operation a
 * number on the left is moved to the right.
 *
 * @example
 * const { x, mx, y, my, out } = binaryArgs('add', a, 1, opts);   // my === 0: y is [1]
 */
export function binaryArgs(
  kernel: string, a: Operand, b: Operand, opts: KernelOptions | undefined, commutative = false,
): BinaryArgs {
  kernelOptions(kernel, opts);
  const n = rowsOf(kernel, ['a', 'b'], [a, b]);
  if (commutative && isScalar(a)) [a, b] = [b, a]; // the number goes right, to the fast loop
  return {
    x: values(kernel, 'a', a),
    mx: isScalar(a) ? 0 : -1,
    y: values(kernel, 'b', b),
    my: isScalar(b) ? 0 : -1,
    out: output(kernel, n, opts?.out),
  };
}

/**
 * A mask as a `Float64Array` of truthy/falsy entries: returned as is, or converted (truthy → 1).
 *
 * @example
 * maskOf('where', [true, false]);   // Float64Array [1, 0]
 */
export function maskOf(kernel: string, mask: unknown): Float64Array {
  if (mask instanceof Float64Array) return mask;
  if (Array.isArray(mask) || (ArrayBuffer.isView(mask) && !(mask instanceof DataView))) {
    const m = mask as ArrayLike<unknown>;
    const out = new Float64Array(m.length);
    for (let i = 0; i < m.length; i++) out[i] = m[i] ? 1 : 0;
    return out;
  }
  throw new InputError(`${kernel}: mask must be an array or typed array; got ${mask === null ? 'null' : typeof mask}.`);
}

/**
 * Prepares an operand that may be a scalar: values and index mask.
 *
 * @example
 * operandArgs('fillNaN', 'value', 0);   // { values: Float64Array [0], mask: 0 }
 */
export function operandArgs(kernel: string, param: string, v: Operand): { values: Float64Array; mask: number } {
  return { values: values(kernel, param, v), mask: isScalar(v) ? 0 : -1 };
}
