/**
 * asOfJoin with `by` as a list of columns, against pandas 1.5's merge_asof(by=[store, item])
 * (test/fixtures/pandas/generate.py: a string and an integer key, pairs present on one side only,
 * equal right times, NaN values, left in random order; every direction × tolerance ×
 * allowExactMatches), and the rules of a key list.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tableFromArrays } from 'apache-arrow';
import { InputError } from '../../src/errors';
import { asOfJoin } from '../../src/timeseries';

interface Case {
  direction: 'backward' | 'forward' | 'nearest'; tolerance: number | null; allowExactMatches: boolean;
  promo: (number | null)[]; code: (string | null)[];
}
const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/pandas/as-of-join-multi.json'), 'utf8')) as {
  left: { store: string[]; item: number[]; t: number[] };
  right: { store: string[]; item: number[]; t: number[]; promo: (number | null)[]; code: string[] };
  cases: Case[];
};
const left = { store: oracle.left.store, item: Int32Array.from(oracle.left.item), t: Float64Array.from(oracle.left.t) };
const right = {
  store: oracle.right.store, item: Int32Array.from(oracle.right.item), t: Float64Array.from(oracle.right.t),
  promo: Float64Array.from(oracle.right.promo, (v) => v ?? NaN), code: oracle.right.code,
};
const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('asOfJoin by a list of columns matches pandas merge_asof(by=[...])', () => {
  it.each(oracle.cases.map((c) => [`${c.direction}, tolerance ${c.tolerance ?? 'none'}, exact ${c.allowExactMatches}`, c] as const))(
    '%s',
    (_, c) => {
      const joined = asOfJoin(left, right, {
        on: 't', by: ['store', 'item'], direction: c.direction, allowExactMatches: c.allowExactMatches,
        ...(c.tolerance === null ? {} : { tolerance: c.tolerance }),
      });
      expect(Object.keys(joined)).toEqual(['promo', 'code']);
      expect(Array.from(joined.promo as Float64Array)).toEqual(c.promo.map((v) => v ?? NaN));
      expect(joined.code).toEqual(c.code);
    },
  );

  it('the oracle has matches and misses in every case (keys absent on one side are exercised)', () => {
    for (const c of oracle.cases) {
      expect(c.code.some((v) => v === null)).toBe(true);
      expect(c.code.some((v) => v !== null)).toBe(true);
    }
  });

  it('takes Arrow tables as well, with the same result', () => {
    const c = oracle.cases.find((x) => x.direction === 'nearest' && x.tolerance !== null)!;
    const joined = asOfJoin(tableFromArrays(left), tableFromArrays(right), {
      on: 't', by: ['store', 'item'], direction: 'nearest', tolerance: c.tolerance!, allowExactMatches: c.allowExactMatches,
    });
    expect(joined.code).toEqual(c.code);
  });
});

describe('asOfJoin by a list: rules', () => {
  const r = { t: [0, 0], a: ['x,y', 'x'], b: ['z', 'y,z'], v: Float64Array.of(1, 2) };

  it('compares each key column on its own: values that read the same when joined are different keys', () => {
    const joined = asOfJoin({ t: [1, 1], a: ['x,y', 'x'], b: ['z', 'y,z'] }, r, { on: 't', by: ['a', 'b'] });
    expect(Array.from(joined.v as Float64Array)).toEqual([1, 2]);
    const crossed = asOfJoin({ t: [1], a: ['x'], b: ['z'] }, r, { on: 't', by: ['a', 'b'] });
    expect(Array.from(crossed.v as Float64Array)).toEqual([NaN]);
  });

  it('a list of one column is the same as the column', () => {
    const l = { t: [1, 2], a: ['x', 'x,y'] };
    expect(asOfJoin(l, r, { on: 't', by: ['a'] })).toEqual(asOfJoin(l, r, { on: 't', by: 'a' }));
  });

  it('refuses an empty list, a name given twice, the time column as a key, and a missing key column', () => {
    const l = { t: [1], a: ['x'], b: ['z'] };
    expect(message(() => asOfJoin(l, r, { on: 't', by: [] }))).toBe(
      'asOfJoin: options.by is []; give one key column or a list of them, e.g. { by: "ticker" } or { by: ["store", "item"] }.',
    );
    expect(message(() => asOfJoin(l, r, { on: 't', by: ['a', 'a'] }))).toBe(
      'asOfJoin: options.by names "a" twice; give one key column or a list of them, e.g. { by: "ticker" } or { by: ["store", "item"] }.',
    );
    expect(message(() => asOfJoin(l, r, { on: 't', by: ['a', 't'] }))).toBe(
      'asOfJoin: "t" is both the time column (on) and a key column (by); a column is one or the other.',
    );
    expect(message(() => asOfJoin({ t: [1], a: ['x'] }, r, { on: 't', by: ['a', 'b'] }))).toContain(
      'asOfJoin: the left table has no column "b"',
    );
  });

  it('refuses a key column whose values are numbers on one side and strings on the other, naming it', () => {
    expect(message(() => asOfJoin({ t: [1], a: ['x'], b: [1] }, r, { on: 't', by: ['a', 'b'] }))).toBe(
      'asOfJoin: the key column "b" holds number values on the left but string values on the right, so no row could match; convert one side first (e.g. String(id)).',
    );
  });
});

describe('compositeKeys', () => {
  it('numbers combinations past 2^53 by string, still equal exactly when every column is', () => {
    const { compositeKeys } = jest.requireActual('../../src/timeseries/as-of-keys') as typeof import('../../src/timeseries/as-of-keys');
    const n = 10_000; // 4 columns of 10,000 distinct values: 10^16 combinations, past Number.MAX_SAFE_INTEGER
    const col = (shift: number) => Array.from({ length: n }, (_, i) => (i * 7 + shift) % n);
    const l = [col(0), col(1), col(2), col(3)];
    const rightCols = [col(0).reverse(), col(1).reverse(), col(2).reverse(), col(3).reverse()];
    const keys = compositeKeys(l, rightCols);
    expect(typeof keys.left[0]).toBe('string');
    expect(keys.left[0]).toBe(keys.right[n - 1]);
    expect(keys.left[0]).not.toBe(keys.right[0]);
    const small = compositeKeys([['A', 'A'], [1, 2]], [['A'], [2]]);
    expect(Array.from(small.left as Float64Array)).toEqual([0, 1]);
    expect(Array.from(small.right as Float64Array)).toEqual([1]);
  });
});
