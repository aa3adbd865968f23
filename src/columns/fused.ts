/**
 * Fused elementwise kernels: `fused((p, s) => div(p, add(abs(s), 1)), price, signups)` runs the
 * body once with row expressions for its parameters (the same kernels, unchanged user code),
 * then evaluates the tree in one pass over the rows into one output buffer: no temporary column
 * for `abs(s)` or for `+ 1`. Each row applies exactly the operations the unfused kernels would,
 * in the same order, so results are bit for bit those of the unfused code (NaN rules included).
 *
 * The loop is generated once per shape of tree (cached by its text, the last few also by shape) with `new Function`, so V8
 * sees a plain numeric loop; where code generation is not allowed (a strict Content-Security-
 * Policy), the same tree is interpreted row by row instead, with the same results.
 */
import { InputError } from '../errors';
import { operandArgs, rowsOf } from './broadcast';
import { kernelOptions, output, type Column, type KernelOptions } from './options';
import { FUSABLE, isRowExpr, RowExpr, type RowNode } from './row-expr';

type Loop = (cols: readonly Float64Array[], masks: readonly number[], nums: readonly number[], out: Float64Array, n: number) => void;

/** Parameter names for messages (c0, c1, …), made once per count of parameters. */
const PARAMS: string[][] = [];
const paramsOf = (k: number): readonly string[] => (PARAMS[k] ??= Array.from({ length: k }, (_, j) => `c${j}`));

/** The body's arguments for k parameters (c0 … c(k−1)), made once per k: nodes are never mutated and
 * the array is only spread into the call, so every call shares them (no allocation per call). */
const ROWS: RowExpr[][] = [];
const rowsFor = (k: number): readonly RowExpr[] =>
  (ROWS[k] ??= Array.from({ length: k }, (_, j) => new RowExpr({ op: 'col', index: j })));

/** The numbers of the current call's tree (k0, k1, …), one array reused by every call. */
const NUMS: number[] = [];

const loops = new Map<string, Loop | null>();

/**
 * Bit j set: parameter j is a whole column (mask −1), read as `cj[i]`; a broadcast number (mask 0) is
 * read as `cj[i & mj]`. The masked read of a column cost W1's ratio ~12% (2.6 vs 3.0 ms per 1M rows).
 * Parameters from the 31st on are always read through their mask.
 */
function wholeColumns(masks: readonly number[]): number {
  let bits = 0;
  for (let j = 0; j < masks.length && j < 31; j++) if (masks[j] === -1) bits |= 1 << j;
  return bits;
}

/** The expression text of `node` for the generated loop; numbers go to `nums` (no literals in the key). */
function emit(node: RowNode, nums: number[], lines: string[], whole: number): string {
  switch (node.op) {
    case 'col': {
      const j = node.index;
      return j < 31 && (whole >> j) & 1 ? `c${j}[i]` : `c${j}[i & m${j}]`;
    }
    case 'num': nums.push(node.value); return `k${nums.length - 1}`;
    case 'add': case 'sub': case 'mul': case 'div': {
      const a = emit(node.args[0], nums, lines, whole), b = emit(node.args[1], nums, lines, whole);
      const sym = node.op === 'add' ? '+' : node.op === 'sub' ? '-' : node.op === 'mul' ? '*' : '/';
      return `(${a} ${sym} ${b})`;
    }
    case 'abs': case 'log': case 'exp':
      return `${node.op}(${emit(node.args[0], nums, lines, whole)})`; // bound once in the head: see loopFor
    case 'clip': {
      const inner = emit(node.args[0], nums, lines, whole); // first: it may add lines of its own
      const t = `t${lines.length}`;
      lines.push(`const ${t} = ${inner};`);
      nums.push(node.lo, node.hi);
      const lo = `k${nums.length - 2}`, hi = `k${nums.length - 1}`;
      return `(${t} < ${lo} ? ${lo} : ${t} > ${hi} ? ${hi} : ${t})`;
    }
    case 'fillNaN': {
      const inner = emit(node.args[0], nums, lines, whole);
      const t = `t${lines.length}`;
      lines.push(`const ${t} = ${inner};`);
      return `(${t} === ${t} ? ${t} : ${emit(node.args[1], nums, lines, whole)})`;
    }
  }
}

/** The value of `node` at row `i` (the interpreter used where code generation is refused). */
function evalRow(node: RowNode, cols: readonly Float64Array[], masks: readonly number[], i: number): number {
  switch (node.op) {
    case 'col': return cols[node.index][i & masks[node.index]];
    case 'num': return node.value;
    case 'add': return evalRow(node.args[0], cols, masks, i) + evalRow(node.args[1], cols, masks, i);
    case 'sub': return evalRow(node.args[0], cols, masks, i) - evalRow(node.args[1], cols, masks, i);
    case 'mul': return evalRow(node.args[0], cols, masks, i) * evalRow(node.args[1], cols, masks, i);
    case 'div': return evalRow(node.args[0], cols, masks, i) / evalRow(node.args[1], cols, masks, i);
    case 'abs': case 'log': case 'exp': return Math[node.op](evalRow(node.args[0], cols, masks, i));
    case 'clip': {
      const v = evalRow(node.args[0], cols, masks, i);
      return v < node.lo ? node.lo : v > node.hi ? node.hi : v;
    }
    case 'fillNaN': {
      const v = evalRow(node.args[0], cols, masks, i);
      return v === v ? v : evalRow(node.args[1], cols, masks, i);
    }
  }
}

/**
 * Fills `out` row by row from the tree (what `fused` does where `new Function` is refused).
 *
 * @example
 * interpretRows(tree.node, [p, s], [-1, -1], out, out.length);
 */
export function interpretRows(node: RowNode, cols: readonly Float64Array[], masks: readonly number[], out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = evalRow(node, cols, masks, i);
}

/** The generated loop for this tree shape (null where `new Function` is refused); fills `nums`. */
function loopFor(node: RowNode, arity: number, whole: number, nums: number[]): Loop | null {
  const lines: string[] = [];
  const body = emit(node, nums, lines, whole);
  const key = `${arity}|${lines.join(' ')}|${body}`; // the text says which parameters are read unmasked
  if (loops.has(key)) return loops.get(key)!;
  const head = [
    // a global read per row is ~0.4 µs inside a vm sandbox (jest's): Math is read once per call
    'const abs = Math.abs, log = Math.log, exp = Math.exp;',
    ...Array.from({ length: arity }, (_, j) => `const c${j} = cols[${j}], m${j} = masks[${j}];`),
    ...nums.map((_, j) => `const k${j} = nums[${j}];`),
  ];
  let loop: Loop | null = null;
  try {
    loop = new Function('cols', 'masks', 'nums', 'out', 'n',
      `${head.join('\n')}\nfor (let i = 0; i < n; i++) {\n${lines.join('\n')}\nout[i] = ${body};\n}`) as Loop;
  } catch (e) {
    if (!(e instanceof EvalError)) throw e; // a bug in emit, never hidden behind the slow path
    loop = null; // code generation refused (a Content-Security-Policy): interpret instead
  }
  loops.set(key, loop);
  return loop;
}

/** True when two trees differ at most in their numbers (so one generated loop serves both). */
function sameShape(a: RowNode, b: RowNode): boolean {
  if (a.op !== b.op) return false;
  if (a.op === 'col') return a.index === (b as typeof a).index;
  if (a.op === 'num') return true;
  const bargs = (b as { args: readonly RowNode[] }).args;
  for (let j = 0; j < a.args.length; j++) if (!sameShape(a.args[j], bargs[j])) return false;
  return true;
}

/** Writes the numbers of a tree from `nums[at]` on, in the order `emit` assigns them to k0, k1, …;
 * returns the index after the last (written in place: `nums` is reused, so nothing is allocated). */
function numbersOf(node: RowNode, nums: number[], at: number): number {
  switch (node.op) {
    case 'col': return at;
    case 'num': nums[at] = node.value; return at + 1;
    case 'clip': at = numbersOf(node.args[0], nums, at); nums[at] = node.lo; nums[at + 1] = node.hi; return at + 2;
    default: for (let j = 0; j < node.args.length; j++) at = numbersOf(node.args[j], nums, at); return at;
  }
}

/** The last few trees and their loops, most recent first: bodies are closures made anew per call, so
 * a feature calling fused per run is recognised by its tree's shape (a walk of a few nodes), not by
 * its function, and skips code generation and the key text. */
const recent: { node: RowNode; arity: number; whole: number; loop: Loop | null }[] = [];
const RECENT = 8;

/** The loop for `node`, from `recent` when the shape repeats; writes the numbers it reads to `nums`
 * from index 0 (entries past them are stale and never read). */
function loopOfTree(node: RowNode, arity: number, whole: number, nums: number[]): Loop | null {
  for (let j = 0; j < recent.length; j++) {
    const r = recent[j];
    if (r.arity === arity && r.whole === whole && sameShape(r.node, node)) {
      for (let i = j; i > 0; i--) recent[i] = recent[i - 1]; // move to the front in place (no splice array)
      recent[0] = r;
      numbersOf(node, nums, 0);
      return r.loop;
    }
  }
  const fresh: number[] = [];
  const loop = loopFor(node, arity, whole, fresh);
  for (let j = 0; j < fresh.length; j++) nums[j] = fresh[j];
  recent.unshift({ node, arity, whole, loop });
  if (recent.length > RECENT) recent.pop();
  return loop;
}

/**
 * One pass of an elementwise body over its columns: `body` is called once with a row expression
 * per column and must combine them (and numbers) with add, sub, mul, div, abs, log, exp, clip
 * and fillNaN, exactly as on columns; the result equals the unfused body's, bit for bit, without
 * its temporaries. A column argument may be a number (it broadcasts). `opts.out` may be one of
 * the columns (each row reads only its own row). Anything else in the body is an `InputError`.
 *
 * @example
 * const ratio = fused((p, s) => div(p, add(abs(s), 1)), price, signups);   // one pass, one buffer
 * const clipped = fused((p) => fillNaN(clip(p, -3, 3), 0), x);
 */
export function fused(
  body: (...rows: RowExpr[]) => unknown,
  ...args: [...(Column | number)[], KernelOptions] | (Column | number)[]
): Float64Array {
  if (typeof body !== 'function') throw new InputError(`fused: body must be a function of the columns such as (p, s) => div(p, add(abs(s), 1)); got ${typeof body}.`);
  const last = args[args.length - 1];
  const hasOpts = args.length > 0 && last !== null && typeof last === 'object' && !ArrayBuffer.isView(last) && !Array.isArray(last);
  const opts = hasOpts ? (last as KernelOptions) : undefined;
  const columns = (hasOpts ? args.slice(0, -1) : args) as (Column | number)[];
  kernelOptions('fused', opts);
  if (columns.length !== body.length) {
    throw new InputError(`fused: the body takes ${body.length} parameter(s) but ${columns.length} column(s) were given; pass one column (or number) per parameter.`);
  }
  const k = columns.length;
  const params = paramsOf(k);
  const n = rowsOf('fused', params, columns);
  const cols: Float64Array[] = new Array(k);
  const masks: number[] = new Array(k);
  for (let j = 0; j < k; j++) {
    const { values, mask } = operandArgs('fused', params[j], columns[j]);
    cols[j] = values;
    masks[j] = mask;
  }
  const tree = body(...rowsFor(k));
  if (!isRowExpr(tree)) {
    throw new InputError(`fused: the body must return what ${FUSABLE} make of its parameters; it returned ${tree === null ? 'null' : typeof tree === 'object' ? (tree as object).constructor?.name : typeof tree}.`);
  }
  const out = output('fused', n, opts?.out);
  // NUMS is scratch: filled here and read by the loop at once, with no user code in between.
  const loop = loopOfTree(tree.node, columns.length, wholeColumns(masks), NUMS);
  if (loop) loop(cols, masks, NUMS, out, n);
  else interpretRows(tree.node, cols, masks, out, n);
  return out;
}
