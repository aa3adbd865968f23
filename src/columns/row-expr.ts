import { InputError } from '../errors';

/** The kernels a fused body may use. */
export const FUSABLE = 'add, sub, mul, div, abs, log, exp, clip and fillNaN';

/**
 * A row expression: what an elementwise kernel returns when one of its operands is a
 * {@link RowExpr} rather than a column. Inside `fused(...)` the body's parameters are row
 * expressions, so `div(p, add(abs(s), 1))` builds a small tree (no arithmetic, no buffer) that
 * `fused` compiles into one loop. Leaves are the fused columns (by position) and numbers.
 */

/** One node of a row expression. */
export type RowNode =
  | { readonly op: 'col'; readonly index: number }
  | { readonly op: 'num'; readonly value: number }
  | { readonly op: 'add' | 'sub' | 'mul' | 'div'; readonly args: readonly [RowNode, RowNode] }
  | { readonly op: 'abs' | 'log' | 'exp'; readonly args: readonly [RowNode] }
  | { readonly op: 'clip'; readonly args: readonly [RowNode]; readonly lo: number; readonly hi: number }
  | { readonly op: 'fillNaN'; readonly args: readonly [RowNode, RowNode] };

/**
 * A value of one row inside `fused(...)`: pass it to add, sub, mul, div, abs, log, exp, clip or
 * fillNaN like a column; they return a `RowExpr` in turn.
 *
 * @example
 * fused((p, s) => div(p, add(abs(s), 1)), price, signups);   // p and s are RowExprs
 */
export class RowExpr {
  constructor(readonly node: RowNode) {}
}

/**
 * True for a row expression (the elementwise kernels' one extra check per call).
 *
 * @example
 * isRowExpr(new Float64Array(3));   // false
 */
export function isRowExpr(v: unknown): v is RowExpr {
  return v instanceof RowExpr;
}

/** A kernel operand as a node: a row expression's own node or a number. */
function nodeOf(v: RowExpr | number, kernel: string): RowNode {
  if (v instanceof RowExpr) return v.node;
  if (typeof v === 'number') return { op: 'num', value: v };
  const got = v === null ? 'null' : typeof v === 'object' ? (v as object).constructor?.name ?? 'object' : typeof v;
  throw new InputError(
    `${kernel} inside fused(...): got a ${got} where a parameter of the fused body or a number belongs. ` +
      `A fused body combines only its parameters and numbers, with ${FUSABLE}; ` +
      'pass any other column to fused(...) as one more argument.',
  );
}

/**
 * The row expression of a binary kernel.
 *
 * @example
 * binaryExpr('add', p, 1);   // RowExpr p + 1
 */
export function binaryExpr(op: 'add' | 'sub' | 'mul' | 'div' | 'fillNaN', a: RowExpr | number, b: RowExpr | number): RowExpr {
  return new RowExpr({ op, args: [nodeOf(a, op), nodeOf(b, op)] } as RowNode);
}

/**
 * The row expression of a unary kernel.
 *
 * @example
 * unaryExpr('abs', s);   // RowExpr |s|
 */
export function unaryExpr(op: 'abs' | 'log' | 'exp', a: RowExpr): RowExpr {
  return new RowExpr({ op, args: [nodeOf(a, op)] });
}

/**
 * The row expression of `clip(x, lo, hi)` with bounds already checked.
 *
 * @example
 * clipExpr(p, -3, 3);   // RowExpr min(max(p, −3), 3)
 */
export function clipExpr(a: RowExpr, lo: number, hi: number): RowExpr {
  return new RowExpr({ op: 'clip', args: [nodeOf(a, 'clip')], lo, hi });
}
