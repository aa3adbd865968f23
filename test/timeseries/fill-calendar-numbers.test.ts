import { feature } from '../../decorators';
import { fillCalendar } from '../../src/timeseries/fill-calendar';
import { buildTrainingFrame } from '../../src/timeseries/training-frame';
import { shift, type Groups } from '../../src/columns';

// fillCalendar's own example promised `sales: [5, 7]` → Float64Array [5, NaN, 7], but a plain
// number[] came back as [5, null, 7]; in a frame with `calendar: 'D'` every feature declaring
// Float64Array then refused the user's "v" for holding null on a row the user never gave.
describe('fillCalendar: numbers in plain arrays and int64 columns', () => {
  const opts = { entity: 'store', time: 'day', freq: 'D' } as const;

  it('a number[] becomes a Float64Array with NaN on added rows (the documented example)', () => {
    const filled = fillCalendar({ store: ['a', 'a'], day: ['2024-01-01', '2024-01-03'], sales: [5, 7] }, opts);
    expect(filled.columns.sales).toEqual(Float64Array.of(5, NaN, 7));
  });

  it('a BigInt64Array within ±2^53 becomes float64 with NaN, as pandas makes int64 float', () => {
    const filled = fillCalendar(
      { store: ['a', 'a'], day: ['2024-01-01', '2024-01-03'], n: BigInt64Array.of(5n, 7n) }, opts);
    expect(filled.columns.n).toEqual(Float64Array.of(5, NaN, 7));
  });

  it('a bigint beyond 2^53 stays exact (an array with null), and mixed arrays keep null', () => {
    const big = 2n ** 60n;
    const filled = fillCalendar(
      { store: ['a', 'a'], day: ['2024-01-01', '2024-01-03'], n: BigInt64Array.of(big, 7n), m: [1, 'x'] }, opts);
    expect(filled.columns.n).toEqual([big, null, 7n]);
    expect(filled.columns.m).toEqual([1, null, 'x']);
  });

  it("buildTrainingFrame with calendar: 'D' takes a number[] target and features", async () => {
    class Lag {
      @feature()
      lag1(v: Float64Array, groups: Groups): Float64Array {
        return shift(v, 1, { groups });
      }
    }
    const frame = await buildTrainingFrame({
      features: [Lag], entity: 'e', time: 't', target: 'v', calendar: 'D', warmup: 0,
      data: { e: ['a', 'a', 'a', 'b', 'b'], t: ['2024-01-04', '2024-01-01', '2024-01-02', '2024-01-01', '2024-01-02'],
        v: [4, 1, 2, 9, 10] },
    });
    // a: 01-01, 01-02, 01-03 (added, NaN), 01-04; rows whose next day is NaN or absent have no label
    expect(Array.from(frame.train.getChild('lag1')?.toArray() ?? [])).toEqual([NaN, 2, NaN]);
    expect(Array.from(frame.train.getChild('label')?.toArray() ?? [])).toEqual([2, 4, 10]);
  });
});
