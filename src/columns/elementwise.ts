/**
 * Elementwise arithmetic. IEEE rules give pandas' NaN rule for free: any NaN operand gives NaN.
 * Numbers broadcast to every row. `opts.groups` is accepted and changes nothing (no row reads
 * another); `opts.out` may be one of the inputs, to compute in place. Given a row expression (the
 * parameters of a `fused(...)` body) they build the expression instead of computing: see fused.ts.
 */
import { InputError } from '../errors';
import { binaryArgs, maskOf, operandArgs, rowsOf, type Operand } from './broadcast';
import { column, numberArg, output, type Column, type KernelOptions, kernelOptions } from './options';
import { binaryExpr, clipExpr, isRowExpr, unaryExpr, type RowExpr } from './row-expr';

/**
 * `a + b` row by row; NaN if either is NaN.
 *
 * @example
 * add(new Float64Array([1, 2]), 10);   // [11, 12]
 */
export function add(a: RowExpr, b: RowExpr | number): RowExpr;
export function add(a: RowExpr | number, b: RowExpr): RowExpr;
export function add(a: Operand, b: Operand, opts?: KernelOptions): Float64Array;
export function add(a: Operand | RowExpr, b: Operand | RowExpr, opts?: KernelOptions): Float64Array | RowExpr {
  if (isRowExpr(a) || isRowExpr(b)) return binaryExpr('add', a as RowExpr | number, b as RowExpr | number);
  const { x, y, my, out } = binaryArgs('add', a, b, opts, true);
  const n = out.length;
  if (my === 0) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] + s;
  } else {
    for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
  }
  return out;
}

/**
 * `a − b` row by row; NaN if either is NaN.
 *
 * @example
 * sub(new Float64Array([5, 7]), new Float64Array([1, 2]));   // [4, 5]
 */
export function sub(a: RowExpr, b: RowExpr | number): RowExpr;
export function sub(a: RowExpr | number, b: RowExpr): RowExpr;
export function sub(a: Operand, b: Operand, opts?: KernelOptions): Float64Array;
export function sub(a: Operand | RowExpr, b: Operand | RowExpr, opts?: KernelOptions): Float64Array | RowExpr {
  if (isRowExpr(a) || isRowExpr(b)) return binaryExpr('sub', a as RowExpr | number, b as RowExpr | number);
  const { x, mx, y, my, out } = binaryArgs('sub', a, b, opts);
  const n = out.length;
  if (my === 0) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] - s;
  } else if (mx === 0) {
    const s = x[0];
    for (let i = 0; i < n; i++) out[i] = s - y[i];
  } else {
    for (let i = 0; i < n; i++) out[i] = x[i] - y[i];
  }
  return out;
}

/**
 * `a × b` row by row; NaN if either is NaN.
 *
 * @example
 * mul(2, new Float64Array([1, NaN]));   // [2, NaN]
 */
export function mul(a: RowExpr, b: RowExpr | number): RowExpr;
export function mul(a: RowExpr | number, b: RowExpr): RowExpr;
export function mul(a: Operand, b: Operand, opts?: KernelOptions): Float64Array;
export function mul(a: Operand | RowExpr, b: Operand | RowExpr, opts?: KernelOptions): Float64Array | RowExpr {
  if (isRowExpr(a) || isRowExpr(b)) return binaryExpr('mul', a as RowExpr | number, b as RowExpr | number);
  const { x, y, my, out } = binaryArgs('mul', a, b, opts, true);
  const n = out.length;
  if (my === 0) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] * s;
  } else {
    for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
  }
  return out;
}

/**
 * `a / b` row by row, as pandas: x/0 is ±Infinity, 0/0 and anything with NaN is NaN.
 *
 * @example
 * div(new Float64Array([1, 0, -1]), 0);   // [Infinity, NaN, -Infinity]
 */
export function div(a: RowExpr, b: RowExpr | number): RowExpr;
export function div(a: RowExpr | number, b: RowExpr): RowExpr;
export function div(a: Operand, b: Operand, opts?: KernelOptions): Float64Array;
export function div(a: Operand | RowExpr, b: Operand | RowExpr, opts?: KernelOptions): Float64Array | RowExpr {
  if (isRowExpr(a) || isRowExpr(b)) return binaryExpr('div', a as RowExpr | number, b as RowExpr | number);
  const { x, mx, y, my, out } = binaryArgs('div', a, b, opts);
  const n = out.length;
  if (my === 0) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] / s;
  } else if (mx === 0) {
    const s = x[0];
    for (let i = 0; i < n; i++) out[i] = s / y[i];
  } else {
    for (let i = 0; i < n; i++) out[i] = x[i] / y[i];
  }
  return out;
}

/**
 * `|x|` row by row; NaN stays NaN.
 *
 * @example
 * abs(new Float64Array([-2, 3]));   // [2, 3]
 */
export function abs(x: RowExpr): RowExpr;
export function abs(x: Column, opts?: KernelOptions): Float64Array;
export function abs(x: Column | RowExpr, opts?: KernelOptions): Float64Array | RowExpr {
  if (isRowExpr(x)) return unaryExpr('abs', x);
  kernelOptions('abs', opts);
  const xs = column('abs', 'x', x);
  const out = output('abs', xs.length, opts?.out);
  const n = xs.length;
  for (let i = 0; i < n; i++) out[i] = Math.abs(xs[i]);
  return out;
}

/**
 * Natural logarithm row by row (numpy `np.log`): log(0) is −Infinity, a negative value or NaN gives NaN.
 *
 * @example
 * log(new Float64Array([1, Math.E, 0, -1]));   // [0, 1, -Infinity, NaN]
 */
export function log(x: RowExpr): RowExpr;
export function log(x: Column, opts?: KernelOptions): Float64Array;
export function log(x: Column | RowExpr, opts?: KernelOptions): Float64Array | RowExpr {
  if (isRowExpr(x)) return unaryExpr('log', x);
  kernelOptions('log', opts);
  const xs = column('log', 'x', x);
  const out = output('log', xs.length, opts?.out);
  const n = xs.length;
  for (let i = 0; i < n; i++) out[i] = Math.log(xs[i]);
  return out;
}

/**
 * `e^x` row by row (numpy `np.exp`); NaN stays NaN.
 *
 * @example
 * exp(new Float64Array([0, 1]));   // [1, 2.718281828459045]
 */
export function exp(x: RowExpr): RowExpr;
export function exp(x: Column, opts?: KernelOptions): Float64Array;
export function exp(x: Column | RowExpr, opts?: KernelOptions): Float64Array | RowExpr {
  if (isRowExpr(x)) return unaryExpr('exp', x);
  kernelOptions('exp', opts);
  const xs = column('exp', 'x', x);
  const out = output('exp', xs.length, opts?.out);
  const n = xs.length;
  for (let i = 0; i < n; i++) out[i] = Math.exp(xs[i]);
  return out;
}

/**
 * Limits each value to `[lo, hi]` (pandas `x.clip(lo, hi)`): NaN stays NaN; a bound that is
 * `undefined` or NaN does not apply. `lo > hi` is an `InputError`.
 *
 * @example
 * clip(new Float64Array([-5, 0, 5, NaN]), -3, 3);   // [-3, 0, 3, NaN]
 */
export function clip(x: RowExpr, lo?: number, hi?: number): RowExpr;
export function clip(x: Column, lo?: number, hi?: number, opts?: KernelOptions): Float64Array;
export function clip(x: Column | RowExpr, lo?: number, hi?: number, opts?: KernelOptions): Float64Array | RowExpr {
  kernelOptions('clip', opts);
  const low = lo === undefined ? -Infinity : numberArgOrNaN('lo', lo, -Infinity);
  const high = hi === undefined ? Infinity : numberArgOrNaN('hi', hi, Infinity);
  if (low > high) throw new InputError(`clip: lo (${low}) must not be greater than hi (${high}).`);
  if (isRowExpr(x)) return clipExpr(x, low, high);
  const xs = column('clip', 'x', x);
  const out = output('clip', xs.length, opts?.out);
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const v = xs[i];
    out[i] = v < low ? low : v > high ? high : v;
  }
  return out;
}

function numberArgOrNaN(param: string, v: unknown, none: number): number {
  if (typeof v === 'number' && Number.isNaN(v)) return none;
  return numberArg('clip', param, v);
}

/**
 * Picks `a` where `mask` is truthy and `b` elsewhere (numpy `np.where`), row by row. `mask` is any
 * array; with JavaScript truthiness, 0 and NaN pick `b`. `a` and `b` may be numbers.
 *
 * @example
 * where(gt(price, 100), 1, 0);
 * where([true, false], new Float64Array([1, 2]), NaN);   // [1, NaN]
 */
export function where(mask: ArrayLike<unknown>, a: Operand, b: Operand, opts?: KernelOptions): Float64Array {
  kernelOptions('where', opts);
  const n = rowsOf('where', ['mask', 'a', 'b'], [mask, a, b]);
  const m = maskOf('where', mask);
  const { values: x, mask: mx } = operandArgs('where', 'a', a);
  const { values: y, mask: my } = operandArgs('where', 'b', b);
  const out = output('where', n, opts?.out);
  for (let i = 0; i < n; i++) out[i] = m[i] ? x[i & mx] : y[i & my];
  return out;
}
