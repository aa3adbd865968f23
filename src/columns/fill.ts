/**
 * Filling missing values. Forward and backward fills carry values within an entity only.
 */
import { perGroup } from './per-group';
import { operandArgs, rowsOf, type Operand } from './broadcast';
import { column, output, type Column, type KernelOptions, kernelOptions } from './options';
import { binaryExpr, isRowExpr, type RowExpr } from './row-expr';

const FORWARD = 1;
const BACKWARD = -1;

/** Carries the last non-NaN value forward (or the next one backward) inside `[start, end)`. */
function fillSegment(
  x: Float64Array, out: Float64Array, start: number, end: number, direction: number,
): void {
  let last = NaN;
  if (direction === FORWARD) {
    for (let i = start; i < end; i++) {
      const v = x[i];
      if (v === v) last = v;
      out[i] = last;
    }
  } else {
    for (let i = end - 1; i >= start; i--) {
      const v = x[i];
      if (v === v) last = v;
      out[i] = last;
    }
  }
}

/**
 * Replaces each NaN with the last non-NaN value before it in the same entity (pandas `ffill()`,
 * `groupby(...).ffill()` with `opts.groups`); leading NaNs of an entity stay NaN.
 *
 * @example
 * ffill(new Float64Array([NaN, 1, NaN, 3]));   // [NaN, 1, 1, 3]
 */
export function ffill(x: Column, opts?: KernelOptions): Float64Array {
  return perGroup('ffill', x, opts, fillSegment, FORWARD);
}

/**
 * Replaces each NaN with the next non-NaN value after it in the same entity (pandas `bfill()`);
 * trailing NaNs of an entity stay NaN.
 *
 * @example
 * bfill(new Float64Array([NaN, 1, NaN, 3, NaN]));   // [1, 1, 3, 3, NaN]
 */
export function bfill(x: Column, opts?: KernelOptions): Float64Array {
  return perGroup('bfill', x, opts, fillSegment, BACKWARD);
}

/**
 * Replaces each NaN with `value` (pandas `fillna(value)`); `value` is a number or a column of the
 * same length (row i takes `value[i]`). Other values are copied.
 *
 * @example
 * fillNaN(new Float64Array([1, NaN]), 0);   // [1, 0]
 */
export function fillNaN(x: RowExpr, value: RowExpr | number): RowExpr;
export function fillNaN(x: Column, value: Operand, opts?: KernelOptions): Float64Array;
export function fillNaN(x: Column | RowExpr, value: Operand | RowExpr, opts?: KernelOptions): Float64Array | RowExpr {
  if (isRowExpr(x) || isRowExpr(value)) return binaryExpr('fillNaN', x as RowExpr, value as RowExpr | number);
  kernelOptions('fillNaN', opts);
  const n = rowsOf('fillNaN', ['x', 'value'], [x, value]);
  const xs = column('fillNaN', 'x', x);
  const { values: fill, mask } = operandArgs('fillNaN', 'value', value);
  const out = output('fillNaN', n, opts?.out);
  for (let i = 0; i < n; i++) {
    const v = xs[i];
    out[i] = v === v ? v : fill[i & mask];
  }
  return out;
}
