import { groupsOf, zscore } from '../../src/columns';

// Values sharing a large offset (1e9 + a few units) keep 23 bits after the point. zscore's mean was
// the sum of interleaved partial sums of up to 16 values each, rounded at ulp(1.6e10) ≈ 2e-6, so a
// short column's mean was off by about one ulp of 1e9 and z by ~1e-7 absolute (1.4e-5 relative on
// a z near 0.01): pandas, whose mean is exact here, differed in the fifth digit.

/** Exact z-scores: every value is an integer multiple of 2^-23, so sums are exact as BigInts. */
function exactZ(x: number[]): number[] {
  const scale = 2 ** 23;
  const ints = x.map((v) => BigInt(v * scale));
  const n = BigInt(x.length);
  const total = ints.reduce((a, b) => a + b, 0n);
  const num = ints.map((v) => Number(n * v - total)); // n·(x − mean)·2^23, exact and small
  const ss = num.reduce((a, b) => a + b * b, 0);
  const sd = Math.sqrt(ss / (x.length - 1));
  return num.map((v) => v / sd);
}

describe('zscore on values sharing a large offset', () => {
  const x = [
    1000000001.2119435, 1000000000.4941756, 999999999.4917777, 1000000001.7095908, 1000000000.5659478,
    1000000000.6842898, 999999999.8058914, 1000000001.1, 999999998.9, 1000000000.3,
  ].map((v) => Math.round(v * 2 ** 23) / 2 ** 23);

  it('agrees with the exact z-scores to 1e-12 absolute', () => {
    const got = zscore(Float64Array.from(x));
    const want = exactZ(x);
    for (let i = 0; i < x.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-12);
  });

  it('per entity too, with NaN rows', () => {
    const a = x.slice(0, 6), b = x.slice(6);
    const column = Float64Array.from([...a, NaN, ...b]);
    const got = zscore(column, { groups: groupsOf([...a.map(() => 'a'), 'b', ...b.map(() => 'b')]) });
    const want = [...exactZ(a), NaN, ...exactZ(b)];
    for (let i = 0; i < want.length; i++) {
      if (Number.isNaN(want[i])) expect(got[i]).toBeNaN();
      else expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-12);
    }
  });
});
