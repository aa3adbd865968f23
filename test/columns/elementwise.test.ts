/** Elementwise arithmetic and comparisons: IEEE NaN rules as pandas; numbers broadcast. */
import { InputError } from '../../src/errors';
import { abs, add, clip, div, eq, exp, ge, gt, le, log, lt, mul, ne, sub, where } from '../../src/columns';
import { expectClose, f64, thrown } from './helpers';

const a = f64(1, -2, NaN, 0, 6);
const b = f64(2, -2, 1, 0, NaN);

describe('arithmetic', () => {
  it.each<[string, () => Float64Array, number[]]>([
    ['add', () => add(a, b), [3, -4, NaN, 0, NaN]],
    ['sub', () => sub(a, b), [-1, 0, NaN, 0, NaN]],
    ['mul', () => mul(a, b), [2, 4, NaN, 0, NaN]],
    ['div: x/0 is ±Infinity, 0/0 NaN', () => div(f64(1, -1, 0, NaN), 0), [Infinity, -Infinity, NaN, NaN]],
    ['add a number', () => add(a, 10), [11, 8, NaN, 10, 16]],
    ['add to a number', () => add(10, a), [11, 8, NaN, 10, 16]],
    ['mul a number by a column', () => mul(-1, a), [-1, 2, NaN, -0, -6]],
    ['sub from a number', () => sub(10, a), [9, 12, NaN, 10, 4]],
    ['div a number by a column', () => div(12, a), [12, -6, NaN, Infinity, 2]],
    ['abs', () => abs(a), [1, 2, NaN, 0, 6]],
    ['log: 0 is -Infinity, negatives NaN', () => log(f64(1, Math.E, 0, -1, NaN)), [0, 1, -Infinity, NaN, NaN]],
    ['exp', () => exp(f64(0, 1, NaN, -Infinity)), [1, Math.E, NaN, 0]],
    ['clip', () => clip(f64(-5, 0, 5, NaN), -3, 3), [-3, 0, 3, NaN]],
    ['clip below only', () => clip(f64(-5, 5), -1), [-1, 5]],
    ['clip with a NaN bound ignores it', () => clip(f64(-5, 5), NaN, 1), [-5, 1]],
  ])('%s', (_, call, expected) => {
    expectClose(call(), expected, 1e-15);
  });

  it('where picks a for truthy mask entries (0 and NaN are falsy) and broadcasts numbers', () => {
    expectClose(where([true, false, 1, 0], f64(1, 2, 3, 4), NaN), [1, NaN, 3, NaN]);
    expectClose(where(f64(1, NaN, 0, 2), 7, f64(10, 20, 30, 40)), [7, 20, 30, 7]);
    expectClose(where(Uint8Array.of(0, 1), -1, 1), [1, -1]);
  });

  it('computes in place when opts.out is an input, and leaves inputs unchanged otherwise', () => {
    const x = f64(1, 2);
    expect(add(x, 1, { out: x })).toBe(x);
    expectClose(x, [2, 3]);
    const y = f64(4, 5);
    mul(y, y);
    expectClose(y, [4, 5]);
  });

  it.each<[string, () => unknown, string]>([
    ['columns of different lengths', () => add(f64(1, 2), f64(1)), 'add: a has 2 rows but b has 1; elementwise operands must have the same length (or be a number).'],
    ['only numbers', () => mul(2, 3), 'mul: at least one of a, b must be a column; got only numbers.'],
    ['a mask of another length', () => where([1, 0, 1], f64(1, 2), 0), 'where: mask has 3 rows but a has 2; elementwise operands must have the same length (or be a number).'],
    ['lo above hi', () => clip(f64(1), 3, 2), 'clip: lo (3) must not be greater than hi (2).'],
    ['a bound that is not a number', () => clip(f64(1), '0' as never), 'clip: lo must be a number; got "0".'],
    ['an out of the wrong length', () => sub(f64(1, 2), 1, { out: new Float64Array(1) }), 'sub: opts.out has length 1 but the input has 2 rows; pass a Float64Array of length 2 or leave opts.out out.'],
  ])('refuses %s', (_, call, message) => {
    const e = thrown(call);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(message);
  });
});

describe('comparisons', () => {
  it.each<[string, () => Float64Array, number[]]>([
    ['gt', () => gt(a, b), [0, 0, 0, 0, 0]],
    ['ge', () => ge(a, b), [0, 1, 0, 1, 0]],
    ['lt', () => lt(a, b), [1, 0, 0, 0, 0]],
    ['le', () => le(a, b), [1, 1, 0, 1, 0]],
    ['eq (NaN == NaN is false)', () => eq(f64(1, NaN, 3), f64(1, NaN, 4)), [1, 0, 0]],
    ['ne (NaN != anything is true, as pandas)', () => ne(f64(1, NaN, 3), f64(1, NaN, 4)), [0, 1, 1]],
    ['gt a number', () => gt(a, 0), [1, 0, 0, 0, 1]],
    ['le a number on the left', () => le(0, a), [1, 0, 0, 1, 1]],
    ['gt a number on the left', () => gt(0, a), [0, 1, 0, 0, 0]],
    ['eq a number on the left', () => eq(0, a), [0, 0, 0, 1, 0]],
    ['ne a number on the left', () => ne(0, a), [1, 1, 1, 0, 1]],
  ])('%s gives 1/0 masks, NaN comparing false', (_, call, expected) => {
    expect(Array.from(call())).toEqual(expected);
  });
});
