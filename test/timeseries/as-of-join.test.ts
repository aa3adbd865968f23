/**
 * asOfJoin against pandas 1.5's merge_asof (fixtures from test/fixtures/pandas/generate.py: left
 * in random order with keys absent on the right, right with equal times, NaN prices and keys
 * absent on the left; every direction × tolerance × allowExactMatches × by), and its rules.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tableFromArrays } from 'apache-arrow';
import { InputError } from '../../src/errors';
import { asOfJoin } from '../../src/timeseries';

interface Case {
  direction: 'backward' | 'forward' | 'nearest'; tolerance: number | null; allowExactMatches: boolean;
  by: string | null; price: (number | null)[]; tag: (string | null)[];
}
const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/pandas/as-of-join.json'), 'utf8')) as {
  left: { k: string[]; t: number[] }; right: { k: string[]; t: number[]; price: (number | null)[]; tag: string[] };
  cases: Case[];
};
const left = { k: oracle.left.k, t: Float64Array.from(oracle.left.t) };
const right = {
  k: oracle.right.k, t: Float64Array.from(oracle.right.t),
  price: Float64Array.from(oracle.right.price, (v) => v ?? NaN), tag: oracle.right.tag,
};
const H = 3_600_000;

describe('asOfJoin matches pandas merge_asof', () => {
  it.each(oracle.cases.map((c) => [
    `${c.direction}, tolerance ${c.tolerance ?? 'none'}, exact ${c.allowExactMatches}, by ${c.by ?? 'none'}`, c,
  ] as const))('%s', (_, c) => {
    const joined = asOfJoin(left, right, {
      on: 't', direction: c.direction, allowExactMatches: c.allowExactMatches,
      ...(c.by ? { by: c.by } : {}), ...(c.tolerance === null ? {} : { tolerance: c.tolerance }),
    });
    expect(Object.keys(joined)).toEqual(c.by ? ['price', 'tag'] : ['k', 'price', 'tag']);
    expect(Array.from(joined.price as Float64Array)).toEqual(c.price.map((v) => v ?? NaN));
    expect(joined.tag).toEqual(c.tag);
  });

  it('gives the same result for left in (key, time) order, its rows aligned', () => {
    const byKeyTime = (a: number, b: number) =>
      (left.k[a] < left.k[b] ? -1 : left.k[a] > left.k[b] ? 1 : left.t[a] - left.t[b]);
    const order = Array.from(left.t.keys()).sort(byKeyTime);
    const sorted = { k: order.map((i) => left.k[i]), t: Float64Array.from(order, (i) => left.t[i]) };
    const c = oracle.cases.find((x) => x.direction === 'nearest' && x.by === 'k' && x.tolerance !== null)!;
    const joined = asOfJoin(sorted, right, {
      on: 't', by: 'k', direction: 'nearest', tolerance: c.tolerance!, allowExactMatches: c.allowExactMatches,
    });
    expect(joined.tag).toEqual(order.map((i) => c.tag[i]));
  });
});

describe('asOfJoin: the rules', () => {
  const r = { t: [0, 10, 10, 20], v: Float64Array.of(1, 2, 3, 4) };
  const l = { t: [10, 5, 25, -1] };
  const v = (o: object) => Array.from(asOfJoin(l, r, { on: 't', ...o }).v as Float64Array);

  it('backward takes the last of equal right times, forward the first, and an exact match counts', () => {
    expect(v({})).toEqual([3, 1, 4, NaN]);
    expect(v({ direction: 'forward' })).toEqual([2, 2, NaN, 1]);
    expect(v({ direction: 'nearest' })).toEqual([3, 1, 4, 1]);
  });

  it('leaves the exact match out with allowExactMatches: false', () => {
    expect(v({ allowExactMatches: false })).toEqual([1, 1, 4, NaN]);
    expect(v({ direction: 'forward', allowExactMatches: false })).toEqual([4, 2, NaN, 1]);
  });

  it('keeps a match at exactly the tolerance, in ms or as an offset', () => {
    expect(v({ tolerance: 5 })).toEqual([3, 1, 4, NaN]);
    expect(v({ tolerance: 4 })).toEqual([3, NaN, NaN, NaN]);
    expect(v({ tolerance: 0 })).toEqual([3, NaN, NaN, NaN]);
    expect(v({ tolerance: '5ms' })).toEqual([3, 1, 4, NaN]);
  });

  it('takes the earlier row on a nearest tie', () => {
    const joined = asOfJoin({ t: [5] }, { t: [0, 10], v: [1, 2] }, { on: 't', direction: 'nearest' });
    expect(joined.v).toEqual(Float64Array.of(1));
  });

  it('reads Arrow tables and ISO dates, and gives null for other values where nothing matches', () => {
    const prices = tableFromArrays({
      day: ['2024-01-01', '2024-01-03'], close: Float64Array.of(10, 11), note: ['a', 'b'],
    });
    const joined = asOfJoin({ day: ['2023-12-31', '2024-01-02', '2024-01-03'] }, prices, { on: 'day' });
    expect(Array.from(joined.close as Float64Array)).toEqual([NaN, 10, 11]);
    expect(joined.note).toEqual([null, 'a', 'b']);
  });

  it('returns every right column but on and by, numbers as Float64Array', () => {
    const joined = asOfJoin({ t: [1], k: ['a'] }, { t: [0], k: ['a'], n: Int32Array.of(7) }, { on: 't', by: 'k' });
    expect(joined).toEqual({ n: Float64Array.of(7) });
  });
});

describe('asOfJoin: mistakes are InputErrors that name the fix', () => {
  const r = { t: [0, H], k: ['a', 'b'], v: [1, 2] };
  const message = (fn: () => unknown) => {
    try { fn(); } catch (e) { expect(e).toBeInstanceOf(InputError); return (e as Error).message; }
    throw new Error('expected a throw');
  };

  it('names a missing column and the closest one', () => {
    expect(message(() => asOfJoin({ time: [1] }, r, { on: 't' }))).toBe(
      'asOfJoin: the left table has no column "t"; its columns are "time".',
    );
    expect(message(() => asOfJoin({ t: [1], key: ['a'] }, r, { on: 't', by: 'kye' }))).toBe(
      'asOfJoin: the left table has no column "kye" (did you mean "key"?); its columns are "t", "key".',
    );
    expect(message(() => asOfJoin({ t: [1], k: ['a'] }, { t: [1], kk: ['a'] }, { on: 't', by: 'k' }))).toBe(
      'asOfJoin: the right table has no column "k" (did you mean "kk"?); its columns are "t", "kk".',
    );
  });

  it('refuses unknown options, directions and tolerances', () => {
    expect(message(() => asOfJoin({ t: [1] }, r, { on: 't', tolerence: 5 } as never))).toBe(
      'asOfJoin got an unknown option "tolerence" (did you mean "tolerance"?). ' +
        'Valid options: on, by, direction, tolerance, allowExactMatches.',
    );
    expect(message(() => asOfJoin({ t: [1] }, r, { on: 't', direction: 'backwards' as never }))).toBe(
      'asOfJoin: direction "backwards" is not one of "backward", "forward", "nearest" (did you mean "backward"?).',
    );
    expect(message(() => asOfJoin({ t: [1] }, r, { on: 't', tolerance: -1 }))).toBe(
      'asOfJoin: tolerance: the offset must be a positive number of milliseconds or a string like "28D"; got -1.',
    );
  });

  it('names the side and rows of a time that is not a time', () => {
    expect(message(() => asOfJoin({ t: [1] }, { t: [0, 'soon'], v: [1, 2] }, { on: 't' }))).toBe(
      'asOfJoin: in the right table: Time column "t" has values that are not times: row 1 holds "soon". ' +
        'Every row needs a time: epoch milliseconds, a Date, or an ISO 8601 string such as "2012-01-31"; ' +
        'drop or fix those rows first.',
    );
  });

  it('refuses keys of different kinds, which could never match', () => {
    expect(message(() => asOfJoin({ t: [1], k: [1] }, r, { on: 't', by: 'k' }))).toBe(
      'asOfJoin: the key column "k" holds number values on the left but string values on the right, ' +
        'so no row could match; convert one side first (e.g. String(id)).',
    );
  });
});
