/** takeRows copies runs of consecutive rows at once: the same values as a row-by-row gather, whatever the index. */
import { takeRows } from '../../src/timeseries/rows';

const gather = (column: ArrayLike<unknown>, index: Int32Array) => Array.from(index, (i) => column[i]);

describe('takeRows', () => {
  const n = 1000;
  const f64 = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? NaN : i * 0.5 - 3));
  const i64 = BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * -3n);
  const runs = (...ranges: [number, number][]) =>
    Int32Array.from(ranges.flatMap(([a, b]) => Array.from({ length: b - a }, (_, k) => a + k)));

  it.each([
    ['one run', runs([0, n])],
    ['two entities, a split each', runs([10, 400], [510, 900])],
    ['runs out of order', runs([700, 900], [0, 100], [300, 301])],
    ['scattered rows', Int32Array.from({ length: 300 }, (_, k) => (k * 37) % n)],
    ['nothing', new Int32Array(0)],
    ['repeated rows', Int32Array.from({ length: 200 }, () => 5)],
  ])('%s: the same values as a row-by-row gather', (_what, index) => {
    const out = takeRows(f64, index);
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual(gather(f64, index));
    expect(Array.from(takeRows(i64, index))).toEqual(gather(i64, index));
    expect(out.buffer).not.toBe(f64.buffer); // a copy, never a view of the source
  });

  it('a row out of range reads as a typed array does (NaN, 0), runs or not', () => {
    expect(Array.from(takeRows(Float64Array.of(1, 2, 3), runs([1, 4])))).toEqual([2, 3, NaN]);
    expect(Array.from(takeRows(Int32Array.of(1, 2, 3), Int32Array.of(-1, 0, 1, 2)))).toEqual([0, 1, 2, 3]);
  });
});
