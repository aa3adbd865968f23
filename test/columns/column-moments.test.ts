/**
 * The first pass zscore rests on (four-lane sums folded into a Kahan sum every 64 rows) against
 * exact references: NaN skipped, equal values exact, large offsets kept, lengths off the lanes.
 */
import { zscore } from '../../src';
import { columnMoments, moments } from '../../src/columns/column-moments';
import { expectClose, sampleVar } from './helpers';

describe('columnMoments', () => {
  it.each([0, 1, 2, 3, 4, 5, 63, 64, 65, 130])('matches the textbook mean and variance at %i rows, NaN skipped', (n) => {
    const x = Float64Array.from({ length: n }, (_, i) => (i % 7 === 3 ? NaN : Math.sin(i) * 100));
    columnMoments(x, 0, n);
    const values = Array.from(x).filter((v) => !Number.isNaN(v));
    expect(moments.count).toBe(values.length);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expectClose([moments.mean], [values.length ? mean : NaN]);
    expectClose([moments.variance], [sampleVar(values)]);
  });

  it('reads only its range', () => {
    const x = Float64Array.of(1e9, 1, 2, 3, -1e9);
    columnMoments(x, 1, 4);
    expect([moments.count, moments.mean, moments.variance]).toEqual([3, 2, 1]);
  });

  it('gives equal values exactly their value as the mean and 0 as the variance', () => {
    const x = new Float64Array(1001).fill(0.1);
    x[500] = NaN;
    columnMoments(x, 0, x.length);
    expect([moments.count, moments.mean, moments.variance]).toEqual([1000, 0.1, 0]);
  });

  it('tells equal values from a column that differs only in its last row, NaN first or not', () => {
    for (const lead of [0, 1, 70]) {
      const x = new Float64Array(lead + 200).fill(0.1);
      x.fill(NaN, 0, lead);
      x[lead + 100] = NaN;
      columnMoments(x, 0, x.length);
      expect([moments.count, moments.mean, moments.correction, moments.variance]).toEqual([199, 0.1, 0, 0]);
      x[x.length - 1] = 0.2;
      columnMoments(x, 0, x.length);
      expect(moments.variance).toBeGreaterThan(0);
      expectClose([moments.mean + moments.correction], [(198 * 0.1 + 0.2) / 199]);
      columnMoments(x, 0, x.length - 1); // the range stops before the differing row
      expect([moments.mean, moments.variance]).toEqual([0.1, 0]);
    }
  });

  it('keeps the mean of a million values sharing a large offset to 1e-15 (compensated)', () => {
    // 1e9 + k/8 is exact in float64; the exact mean is 1e9 + mean(k)/8.
    const n = 1_000_000;
    const x = Float64Array.from({ length: n }, (_, i) => 1e9 + ((i * 7919) % 1000) / 8);
    let k = 0;
    for (let i = 0; i < n; i++) k += (i * 7919) % 1000;
    columnMoments(x, 0, n);
    expect(Math.abs(moments.mean - (1e9 + k / n / 8)) / 1e9).toBeLessThan(1e-15);
  });
});

describe('zscore on the four-lane pass', () => {
  it('is (x − mean) / std with pandas rules across block edges', () => {
    const x = Float64Array.from({ length: 200 }, (_, i) => (i % 50 === 0 ? NaN : (i * 37) % 101));
    const values = Array.from(x).filter((v) => !Number.isNaN(v));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(sampleVar(values));
    expectClose(zscore(x), Array.from(x, (v) => (v - mean) / std));
    expectClose(zscore(new Float64Array(70).fill(3)), new Array(70).fill(NaN));
  });
});
