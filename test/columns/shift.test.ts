/**
 * shift / diff / pctChange: row i pairs with row i − k of the same entity; a partner outside
 * the entity (or the column) gives NaN; pctChange is x[i] / x[i − k] − 1 (pandas fill_method=None).
 */
import { InputError } from '../../src/errors';
import { diff, groupsOf, pctChange, shift } from '../../src/columns';
import { expectClose, f64, thrown } from './helpers';

describe('shift', () => {
  const x = f64(1, 2, 3, 4, 5);

  it.each<[number, number[]]>([
    [0, [1, 2, 3, 4, 5]],
    [1, [NaN, 1, 2, 3, 4]],
    [3, [NaN, NaN, NaN, 1, 2]],
    [-1, [2, 3, 4, 5, NaN]],
    [-2, [3, 4, 5, NaN, NaN]],
    [5, [NaN, NaN, NaN, NaN, NaN]],
    [-9, [NaN, NaN, NaN, NaN, NaN]],
  ])('by %p', (k, expected) => {
    expectClose(shift(x, k), expected);
  });

  it('never takes a value from another entity, in either direction', () => {
    const groups = groupsOf(['a', 'a', 'a', 'b', 'b']);
    expectClose(shift(x, 1, { groups }), [NaN, 1, 2, NaN, 4]);
    expectClose(shift(x, -1, { groups }), [2, 3, NaN, 5, NaN]);
    expectClose(shift(x, 2, { groups }), [NaN, NaN, 1, NaN, NaN]);
  });

  it('moves NaN like any value', () => {
    expectClose(shift(f64(NaN, 2), 1), [NaN, NaN]);
    expectClose(shift(f64(NaN, 2), -1), [2, NaN]);
  });

  it('refuses a fractional k', () => {
    const e = thrown(() => shift(x, 1.5));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('shift: k must be an integer; got 1.5.');
  });
});

describe('diff', () => {
  it('is x[i] − x[i − k], NaN when either is NaN or the partner is outside the entity', () => {
    const x = f64(1, 4, NaN, 16, 25, 36);
    expectClose(diff(x), [NaN, 4 - 1, NaN, NaN, 25 - 16, 36 - 25]);
    expectClose(diff(x, 2), [NaN, NaN, NaN, 16 - 4, NaN, 36 - 16]);
    expectClose(diff(x, -1), [1 - 4, NaN, NaN, 16 - 25, 25 - 36, NaN]);
    expectClose(diff(x, 1, { groups: groupsOf(['a', 'a', 'a', 'b', 'b', 'b']) }), [NaN, 3, NaN, NaN, 9, 11]);
    expectClose(diff(x, 7), [NaN, NaN, NaN, NaN, NaN, NaN]);
  });
});

describe('pctChange', () => {
  it('divides by the earlier value: x/0 is ±Infinity, 0/0 is NaN, NaN stays NaN', () => {
    expectClose(pctChange(f64(2, 3, 0, 0, 5, NaN, 4, -1, 0)), [NaN, 3 / 2 - 1, 0 / 3 - 1, NaN, Infinity, NaN, NaN, -1 / 4 - 1, 0 / -1 - 1]);
    expectClose(pctChange(f64(-5, 0, -2), 1), [NaN, 0 / -5 - 1, -Infinity]);
  });

  it('runs per entity and over k rows', () => {
    const groups = groupsOf(['a', 'a', 'b', 'b', 'b']);
    expectClose(pctChange(f64(10, 12, 100, 50, 200), 1, { groups }), [NaN, 0.2, NaN, -0.5, 3]);
    expectClose(pctChange(f64(10, 12, 100, 50, 200), 2, { groups }), [NaN, NaN, NaN, NaN, 1]);
  });
});

describe('shift on short and long entities (a loop up to 32 rows, fill and set beyond)', () => {
  /** pandas' groupby(...).shift(k), written out row by row. */
  function naive(x: Float64Array, k: number, sizes: readonly number[]): number[] {
    const out: number[] = [];
    let start = 0;
    for (const size of sizes) {
      for (let i = start; i < start + size; i++) out.push(i - k >= start && i - k < start + size ? x[i - k] : NaN);
      start += size;
    }
    return out;
  }

  it.each([[[1, 31, 32, 33, 2]], [[64, 5, 300]], [[300]], [[32]], [[33]]])('entities of %p rows', (sizes) => {
    const n = sizes.reduce((a, b) => a + b, 0);
    const x = Float64Array.from({ length: n }, (_, i) => (i % 7 === 3 ? NaN : i * 1.5 - 40));
    const keys = sizes.flatMap((size, g) => new Array<number>(size).fill(g));
    const groups = groupsOf(keys);
    for (const k of [0, 1, -1, 2, -3, 31, -32, 33, 40, -299, 300, -301]) {
      expectClose(shift(x, k, { groups }), naive(x, k, sizes));
      if (sizes.length === 1) expectClose(shift(x, k), naive(x, k, sizes));
    }
  });
});
