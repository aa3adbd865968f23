/**
 * fused(...) against the unfused kernels it stands for: the same body, run on columns, must give
 * the same bits (NaN, ±Infinity, −0 included), and every misuse is an InputError naming the fix.
 */
import { abs, add, clip, div, exp, fillNaN, fused, InputError, log, mul, RowExpr, sub } from '../../src';
import { interpretRows } from '../../src/columns/fused';
import { thrown } from './helpers';

const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 1e308, -1e-308, 3, -3];
function column(n: number, seed: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    x[i] = i % 13 === 0 ? SPECIAL[(i / 13) % SPECIAL.length] : (seed / 2 ** 32 - 0.5) * 20;
  }
  return x;
}

/** Bit-for-bit equality, NaN equal to NaN and −0 distinct from 0. */
function expectSameBits(got: Float64Array, want: Float64Array): void {
  expect(got.length).toBe(want.length);
  const bad: string[] = [];
  for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) bad.push(`[${i}] got ${got[i]}, expected ${want[i]}`);
  expect(bad).toEqual([]);
}

const p = column(1000, 1), s = column(1000, 2), q = column(1000, 3);

// Each body is written once and run both ways: on columns (the unfused reference) and fused.
const bodies: Record<string, [(...c: never[]) => unknown, (Float64Array | number)[]]> = {
  'W1 ratio: p / (|s| + 1)': [(a: Float64Array, b: Float64Array) => div(a, add(abs(b), 1)), [p, s]],
  'W1 clip: fillna(clip(p, −3, 3), 0)': [(a: Float64Array) => fillNaN(clip(a, -3, 3), 0), [p]],
  'numbers on the left: 1 − p, 2 / p, 1 + p': [(a: Float64Array) => add(div(2, sub(1, a)), mul(3, add(1, a))), [p]],
  'three columns, log and exp': [(a: Float64Array, b: Float64Array, c: Float64Array) => sub(log(abs(mul(a, b))), exp(div(c, 10))), [p, s, q]],
  'fillNaN from another expression': [(a: Float64Array, b: Float64Array) => fillNaN(div(a, b), mul(b, -1)), [p, s]],
  'a broadcast number argument': [(a: Float64Array, k: Float64Array) => mul(a, k), [p, 2.5]],
  'clip with an open bound': [(a: Float64Array) => clip(a, undefined, 1), [p]],
};

describe('fused', () => {
  it.each(Object.keys(bodies))('%s equals the unfused kernels bit for bit', (name) => {
    const [body, args] = bodies[name];
    const want = (body as (...c: unknown[]) => Float64Array)(...args.map((a) => (typeof a === 'number' ? new Float64Array(p.length).fill(a) : a)));
    expectSameBits(fused(body as never, ...args), want);
  });

  it('gives the same bits when interpreted (where new Function is refused)', () => {
    for (const name of Object.keys(bodies)) {
      const [body, args] = bodies[name];
      const cols = args.map((a) => (typeof a === 'number' ? Float64Array.of(a) : a));
      const masks = args.map((a) => (typeof a === 'number' ? 0 : -1));
      const tree = (body as (...r: RowExpr[]) => RowExpr)(...args.map((_, j) => new RowExpr({ op: 'col', index: j })));
      const out = new Float64Array(p.length);
      interpretRows(tree.node, cols, masks, out, p.length);
      expectSameBits(out, fused(body as never, ...args));
    }
  });

  it('writes into opts.out, which may be one of its inputs', () => {
    const x = Float64Array.from(p);
    const want = div(p, add(abs(s), 1));
    expect(fused((a, b) => div(a, add(abs(b), 1)), x, s, { out: x })).toBe(x);
    expectSameBits(x, want);
  });

  it('allocates nothing but its output: the inputs are untouched', () => {
    const before = Float64Array.from(s);
    fused((a, b) => div(a, add(abs(b), 1)), p, s);
    expectSameBits(s, before);
  });

  it('refuses a column used inside the body, naming the kernel and the fix', () => {
    const e = thrown(() => fused((a) => add(a, s as never), p));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toContain('add inside fused(...): got a Float64Array');
    expect(e.message).toContain('pass any other column to fused(...) as one more argument');
  });

  it('refuses a body that returns something else, a wrong count of columns and unequal lengths', () => {
    expect(thrown(() => fused(() => 1 as never, p)).message).toContain('the body takes 0 parameter(s) but 1 column(s) were given');
    expect(thrown(() => fused((a) => a.node as never, p)).message).toContain('fused: the body must return what add, sub, mul, div');
    expect(thrown(() => fused((a, b) => add(a, b), p, s.subarray(1))).message).toContain('c0 has 1000 rows but c1 has 999');
    expect(thrown(() => fused((a) => add(a, 1), 3)).message).toContain('at least one of c0 must be a column');
    expect(thrown(() => fused((a) => a, p, { minPeriods: 2 } as never)).message).toContain('fused got an unknown option "minPeriods"');
  });

  it('returns the parameter itself as a copy (identity body)', () => {
    expectSameBits(fused((a) => a, p), p);
  });
});

describe('fused: one body, changing numbers and shapes', () => {
  it('reuses the loop of a body whose numbers change between calls, with the new numbers', () => {
    const scaled = (k: number) => fused((a) => add(mul(a, k), clip(a, -k, k)), p);
    for (const k of [1, 2.5, 7]) expectSameBits(scaled(k), add(mul(p, k), clip(p, -k, k)));
  });

  it('follows a body whose shape changes between calls', () => {
    let useAbs = false;
    const body = (a: RowExpr) => (useAbs ? abs(sub(a, 1)) : sub(a, 1));
    expectSameBits(fused(body, p), sub(p, 1));
    useAbs = true;
    expectSameBits(fused(body, p), abs(sub(p, 1)));
  });

  it('keeps apart the loops of one body given a column and given a number (a column is read unmasked)', () => {
    const body = (a: RowExpr, b: RowExpr) => div(a, add(abs(b), 1));
    const q = Float64Array.from(p, (v, i) => (i % 3) - v);
    for (let round = 0; round < 3; round++) {
      expectSameBits(fused(body, p, q), div(p, add(abs(q), 1)));
      expectSameBits(fused(body, p, -2), div(p, 3));
      expectSameBits(fused(body, 4, q), div(4, add(abs(q), 1)));
    }
  });
});

describe('fused on short columns (the 5,000 × 10 case: many calls, few rows)', () => {
  it.each([1, 2, 3, 10, 17])('equals the unfused kernels bit for bit at %i rows, call after call', (n) => {
    const a = column(n, 7), b = column(n, 8);
    a[0] = NaN;
    for (let call = 0; call < 3; call++) {
      for (const name of Object.keys(bodies)) {
        const [body, args] = bodies[name];
        const short = args.map((x) => (x === p ? a : x === s ? b : x === q ? column(n, 9) : x));
        const filled = short.map((x) => (typeof x === 'number' ? new Float64Array(n).fill(x) : x));
        const want = (body as (...c: unknown[]) => Float64Array)(...filled);
        expectSameBits(fused(body as never, ...short), want);
      }
    }
  });

  it('keeps each call\'s columns apart although the parameters\' row expressions are shared', () => {
    const a = Float64Array.of(1, -2, NaN), b = Float64Array.of(4, 5, -6);
    const first = fused((x, y) => div(x, add(abs(y), 1)), a, b);
    const second = fused((x, y) => div(x, add(abs(y), 1)), b, a);
    expectSameBits(first, div(a, add(abs(b), 1)));
    expectSameBits(second, div(b, add(abs(a), 1)));
  });
});

describe('fused: the numbers of one call never leak into the next', () => {
  it('reads only its own numbers after a call with more of them, in either order', () => {
    const many = () => fused((a) => add(mul(clip(a, -2, 2), 3), div(a, 7)), p);
    const few = () => fused((a) => sub(a, 0.5), p);
    const wantMany = add(mul(clip(p, -2, 2), 3), div(p, 7)), wantFew = sub(p, 0.5);
    for (let round = 0; round < 3; round++) {
      expectSameBits(many(), wantMany);
      expectSameBits(few(), wantFew);
    }
  });
});
