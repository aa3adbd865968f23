/**
 * Comparisons to masks: 1 where the comparison holds, 0 where it does not, as a `Float64Array`
 * (feed it to `where`, `mul` or a sum). As pandas, a comparison with NaN is false (0), except
 * `ne`, which is true (1) for NaN as `x != y` is in pandas and IEEE. Numbers broadcast.
 */
import { binaryArgs, type Operand } from './broadcast';
import type { KernelOptions } from './options';

/**
 * 1 where `a > b`, else 0 (NaN → 0).
 *
 * @example
 * gt(new Float64Array([1, 5, NaN]), 2);   // [0, 1, 0]
 */
export function gt(a: Operand, b: Operand, opts?: KernelOptions): Float64Array {
  const { x, mx, y, my, out } = binaryArgs('gt', a, b, opts);
  const n = out.length;
  if (my === 0) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] > s ? 1 : 0;
  } else {
    for (let i = 0; i < n; i++) out[i] = x[i & mx] > y[i] ? 1 : 0;
  }
  return out;
}

/**
 * 1 where `a ≥ b`, else 0 (NaN → 0).
 *
 * @example
 * ge(new Float64Array([1, 2, 3]), 2);   // [0, 1, 1]
 */
export function ge(a: Operand, b: Operand, opts?: KernelOptions): Float64Array {
  const { x, mx, y, my, out } = binaryArgs('ge', a, b, opts);
  const n = out.length;
  if (my === 0) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] >= s ? 1 : 0;
  } else {
    for (let i = 0; i < n; i++) out[i] = x[i & mx] >= y[i] ? 1 : 0;
  }
  return out;
}

/**
 * 1 where `a < b`, else 0 (NaN → 0).
 *
 * @example
 * lt(new Float64Array([1, 2, 3]), 2);   // [1, 0, 0]
 */
export function lt(a: Operand, b: Operand, opts?: KernelOptions): Float64Array {
  const { x, mx, y, my, out } = binaryArgs('lt', a, b, opts);
  const n = out.length;
  if (my === 0) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] < s ? 1 : 0;
  } else {
    for (let i = 0; i < n; i++) out[i] = x[i & mx] < y[i] ? 1 : 0;
  }
  return out;
}

/**
 * 1 where `a ≤ b`, else 0 (NaN → 0).
 *
 * @example
 * le(new Float64Array([1, 2, 3]), 2);   // [1, 1, 0]
 */
export function le(a: Operand, b: Operand, opts?: KernelOptions): Float64Array {
  const { x, mx, y, my, out } = binaryArgs('le', a, b, opts);
  const n = out.length;
  if (my === 0) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] <= s ? 1 : 0;
  } else {
    for (let i = 0; i < n; i++) out[i] = x[i & mx] <= y[i] ? 1 : 0;
  }
  return out;
}

/**
 * 1 where `a == b`, else 0 (NaN → 0, even NaN == NaN).
 *
 * @example
 * eq(new Float64Array([1, 2, NaN]), new Float64Array([1, 3, NaN]));   // [1, 0, 0]
 */
export function eq(a: Operand, b: Operand, opts?: KernelOptions): Float64Array {
  const { x, y, my, out } = binaryArgs('eq', a, b, opts, true);
  const n = out.length;
  if (my === 0) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] === s ? 1 : 0;
  } else {
    for (let i = 0; i < n; i++) out[i] = x[i] === y[i] ? 1 : 0;
  }
  return out;
}

/**
 * 1 where `a != b`, else 0; NaN is unequal to everything, so NaN → 1 (as pandas `x != y`).
 *
 * @example
 * ne(new Float64Array([1, 2, NaN]), 2);   // [1, 0, 1]
 */
export function ne(a: Operand, b: Operand, opts?: KernelOptions): Float64Array {
  const { x, y, my, out } = binaryArgs('ne', a, b, opts, true);
  const n = out.length;
  if (my === 0) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] !== s ? 1 : 0;
  } else {
    for (let i = 0; i < n; i++) out[i] = x[i] !== y[i] ? 1 : 0;
  }
  return out;
}
