/**
 * W1's generator, floor and quiver graph reproduce pandas' reference checksum at 100 × 1,000
 * (correctness only; speed is measured by `npm run bench`).
 */
import { checksumOf, compareChecksum } from '../../benchmarks/w1/checksum';
import { floorW1 } from '../../benchmarks/w1/floor';
import { clipFillInto, diffInto, rollingMeanInto, shiftInto, zscoreInto } from '../../benchmarks/w1/floor-loops';
import { generateRaw, h32, rawList } from '../../benchmarks/w1/generate';
import { quiverImpl } from '../../benchmarks/w1/quiver-impl';
import { quiverThreadsImpl } from '../../benchmarks/w1/quiver-threads-impl';
import { referenceChecksum, referenceSizes } from '../../benchmarks/w1/reference';
import { w1Features } from '../../benchmarks/w1/spec';

/** pandas' figures as WORKLOAD.md publishes them; the floor and quiver below must reproduce them. */
const PANDAS_100x1000 = referenceChecksum(100, 1000)!;

const run = (f: (out: Float64Array) => void, n: number) => {
  const out = new Float64Array(n);
  f(out);
  return Array.from(out);
};

describe('W1 generator', () => {
  it('hashes as uint32 arithmetic', () => {
    expect(h32(0)).toBe(0);
    // x = 1: 1 ^ 0 = 1; ×0x7feb352d = 0x7feb352d; ^ (>>>15 = 0xffd6) = 0x7feacafb;
    // ×0x846ca68b mod 2^32 and the final xor-shift, worked out with BigInt:
    let x = 1n;
    x ^= x >> 16n; x = (x * 0x7feb352dn) % 2n ** 32n; x ^= x >> 15n;
    x = (x * 0x846ca68bn) % 2n ** 32n; x ^= x >> 16n;
    expect(h32(1)).toBe(Number(x));
  });

  it('follows the formulas of WORKLOAD.md, NaN when h < 2^22', () => {
    const raw = generateRaw(50);
    for (let t = 0; t < 50; t++) {
      const h = h32(4 * t);
      const u = h / 2 ** 32;
      expect(raw.spend[t]).toBe(h < 2 ** 22 ? NaN : 1000 + 500 * u + 100 * (t % 7));
      const h1 = h32(4 * t + 1);
      expect(raw.signups[t]).toBe(h1 < 2 ** 22 ? NaN : 1 + Math.floor((50 * h1) / 2 ** 32));
    }
    expect(raw.spend[0]).toBeNaN(); // h32(0) = 0 < 2^22
  });
});

describe('W1 graph shape', () => {
  it('reads P from the lane four back and S from f_{i/2} for later ratios', () => {
    const f = w1Features(44);
    expect(f[0]).toEqual({ index: 0, name: 'f_0', kind: 'ratio', p: 0, s: 1 });
    expect(f[3]).toEqual({ index: 3, name: 'f_3', kind: 'ratio', p: 3, s: 0 });
    expect(f[5]).toEqual({ index: 5, name: 'f_5', kind: 'mean3', p: 4 + 1, s: -1 });
    expect(f[41]).toEqual({ index: 41, name: 'f_41', kind: 'ratio', p: 4 + 37, s: 4 + 20 });
    expect(f[39].kind).toBe('clip');
  });
});

describe('floor loops follow pandas NaN rules', () => {
  const x = Float64Array.of(1, 2, 3, NaN, 5, 6, 7, 8);
  it('rolling(3).mean(): NaN before a full window and while a NaN is in it', () => {
    expect(run((o) => rollingMeanInto(x, 3, o), 8)).toEqual([NaN, NaN, 2, NaN, NaN, NaN, 6, 7]);
  });
  it('shift(3) and diff()', () => {
    expect(run((o) => shiftInto(x, 3, o), 8)).toEqual([NaN, NaN, NaN, 1, 2, 3, NaN, 5]);
    expect(run((o) => diffInto(x, o), 8)).toEqual([NaN, 1, 1, NaN, NaN, 1, 1, 1]);
  });
  it('z-score with ddof 1 over non-NaN values; std 0 and a single value give NaN', () => {
    const y = Float64Array.of(1, NaN, 3);
    // mean 2, std sqrt(((1-2)^2 + (3-2)^2) / (2 - 1)) = sqrt(2)
    expect(run((o) => zscoreInto(y, o), 3)).toEqual([-1 / Math.SQRT2, NaN, 1 / Math.SQRT2]);
    expect(run((o) => zscoreInto(Float64Array.of(4, 4, NaN), o), 3)).toEqual([NaN, NaN, NaN]);
    expect(run((o) => zscoreInto(Float64Array.of(4, NaN), o), 2)).toEqual([NaN, NaN]);
  });
  it('clip(-3, 3).fillna(0)', () => {
    expect(run((o) => clipFillInto(Float64Array.of(-7, -3, 0.5, NaN, 9), -3, 3, o), 5)).toEqual([-3, -3, 0.5, 0, 3]);
  });
});

describe('W1 checksum at 100 × 1,000', () => {
  const features = w1Features(100);
  const raw = generateRaw(1000);

  it('the reference table is well-formed for every published size, and has no figures for others', () => {
    expect(referenceSizes().length).toBeGreaterThan(0);
    for (const { n, r } of referenceSizes()) {
      const c = referenceChecksum(n, r)!;
      expect(Number.isFinite(c.checksum)).toBe(true);
      expect(Math.abs(c.checksum)).toBeLessThanOrEqual(c.checksum_abs); // |Σx| ≤ Σ|x|
      expect(Number.isInteger(c.nan_count)).toBe(true);
      expect(c.nan_count).toBeGreaterThanOrEqual(0);
      expect(c.nan_count).toBeLessThan(n * r); // some cells are numbers
    }
    expect(referenceChecksum(7, 7)).toBeUndefined();
  });

  it('the generator and the floor reproduce pandas', () => {
    const got = checksumOf(floorW1(rawList(raw), features));
    expect(got.nan_count).toBe(3472);
    expect(compareChecksum(got, PANDAS_100x1000)).toEqual({ ok: true });
    expect(Math.abs(got.checksum - 335095.1617833149)).toBeLessThan(1e-9 * 357814.4332345017);
    // compareChecksum can fail: the same figures a little off are refused
    expect(compareChecksum({ ...got, checksum: got.checksum * (1 + 1e-6) }, PANDAS_100x1000).ok).toBe(false);
  });

  it('quiver, executing the W1 feature classes into one Arrow table, reproduces pandas', async () => {
    const out = await quiverImpl(features).run(raw);
    const got = await out.checksum();
    expect(got.nan_count).toBe(3472);
    expect(compareChecksum(got, PANDAS_100x1000)).toEqual({ ok: true });
  });

  it('quiver on threads(), every column node on a worker, reproduces pandas', async () => {
    const impl = quiverThreadsImpl(features, { workers: 2, minRows: 1 });
    try {
      const got = await (await impl.run(raw)).checksum();
      expect(got.nan_count).toBe(3472);
      expect(compareChecksum(got, PANDAS_100x1000)).toEqual({ ok: true });
    } finally {
      await impl.close();
    }
  });

  it('a wrong checksum is reported with the figures that differ', () => {
    const cmp = compareChecksum({ ...PANDAS_100x1000, nan_count: 3471 }, PANDAS_100x1000);
    expect(cmp).toEqual({ ok: false, why: 'nan_count 3471 ≠ 3472' });
  });
});
