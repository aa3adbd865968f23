import { asOfJoin } from '../../src/timeseries/as-of-join';

// asOfJoin's contract: "numbers come back as Float64Array (NaN where nothing matched)". A plain
// number[] or an int64 column (pandas' integers, from Parquet) came back as an array with null on
// unmatched rows, and every feature declaring Float64Array then refused the joined column, blaming
// an input the user had given without nulls.
describe('asOfJoin: numbers from plain arrays and int64 columns', () => {
  const left = { k: ['A', 'A', 'B'], d: ['2024-01-02', '2024-01-03', '2024-01-01'] };
  const right = {
    k: ['A', 'A'], d: ['2024-01-01', '2024-01-03'],
    n: BigInt64Array.of(10n, 11n), plain: [1.5, 2.5], big: BigInt64Array.of(2n ** 60n, 1n), s: ['x', 'y'],
  };

  it('are Float64Arrays with NaN where nothing matched', () => {
    const joined = asOfJoin(left, right, { on: 'd', by: 'k' });
    expect(joined.n).toEqual(Float64Array.of(10, 11, NaN));
    expect(joined.plain).toEqual(Float64Array.of(1.5, 2.5, NaN));
  });

  it('a bigint float64 would round, and text, keep their values with null', () => {
    const joined = asOfJoin(left, right, { on: 'd', by: 'k' });
    expect(joined.big).toEqual([2n ** 60n, 1n, null]);
    expect(joined.s).toEqual(['x', 'y', null]);
  });
});
