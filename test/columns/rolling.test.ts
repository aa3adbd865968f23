/**
 * Rolling kernels against pandas' rules, worked out here: a window holds the last `window` rows;
 * NaN values are skipped and do not count; the result is NaN until the window holds `minPeriods`
 * (default `window`) non-NaN values; var/std use ddof 1 and need 2 values.
 */
import { InputError } from '../../src/errors';
import {
  groupsOf, rollingMax, rollingMean, rollingMin, rollingStd, rollingSum, rollingVar, type WindowOptions,
} from '../../src/columns';
import { expectClose, f64, sampleVar, thrown } from './helpers';

type Rolling = (x: Float64Array, window: number, opts?: WindowOptions) => Float64Array;
const kernels: Record<string, Rolling> = { rollingMean, rollingSum, rollingVar, rollingStd, rollingMin, rollingMax };

describe('rolling kernels: NaN rules', () => {
  const x = f64(1, 2, NaN, 4, 5);
  const v12 = sampleVar([1, 2]), v24 = sampleVar([2, 4]), v45 = sampleVar([4, 5]);

  it.each<[string, Rolling, number, WindowOptions, number[]]>([
    // a NaN inside the window counts out, so no window of 3 rows ever holds 3 values
    ['mean, minPeriods = window', rollingMean, 3, {}, [NaN, NaN, NaN, NaN, NaN]],
    ['mean, minPeriods 2', rollingMean, 3, { minPeriods: 2 }, [NaN, (1 + 2) / 2, (1 + 2) / 2, (2 + 4) / 2, (4 + 5) / 2]],
    ['sum, minPeriods 2', rollingSum, 3, { minPeriods: 2 }, [NaN, 3, 3, 6, 9]],
    ['var, minPeriods 2', rollingVar, 3, { minPeriods: 2 }, [NaN, v12, v12, v24, v45]],
    ['std, minPeriods 2', rollingStd, 3, { minPeriods: 2 }, [NaN, Math.sqrt(v12), Math.sqrt(v12), Math.sqrt(v24), Math.sqrt(v45)]],
    ['var needs 2 values even with minPeriods 1', rollingVar, 3, { minPeriods: 1 }, [NaN, v12, v12, v24, v45]],
    ['min, minPeriods 1', rollingMin, 3, { minPeriods: 1 }, [1, 1, 1, 2, 4]],
    ['max, minPeriods 1', rollingMax, 3, { minPeriods: 1 }, [1, 2, 2, 4, 5]],
    ['max, window 2, minPeriods 1 (a NaN row alone in its window gives its neighbour)', rollingMax, 2, { minPeriods: 1 }, [1, 2, 2, 4, 5]],
    ['mean, window 1 returns x', rollingMean, 1, {}, [1, 2, NaN, 4, 5]],
  ])('%s', (_, kernel, window, opts, expected) => {
    expectClose(kernel(x, window, opts), expected);
  });

  it('a window longer than the series is NaN everywhere by default, and grows with minPeriods 1', () => {
    const y = f64(1, 2, 3);
    for (const kernel of Object.values(kernels)) expectClose(kernel(y, 5), [NaN, NaN, NaN]);
    expectClose(rollingMean(y, 5, { minPeriods: 1 }), [1, 1.5, 2]);
    expectClose(rollingVar(y, 5, { minPeriods: 1 }), [NaN, sampleVar([1, 2]), sampleVar([1, 2, 3])]);
  });

  it('an all-NaN column gives NaN, except a sum with minPeriods 0, which is 0', () => {
    const y = f64(NaN, NaN, NaN);
    for (const kernel of Object.values(kernels)) expectClose(kernel(y, 2, { minPeriods: 1 }), [NaN, NaN, NaN]);
    expectClose(rollingSum(y, 2, { minPeriods: 0 }), [0, 0, 0]);
    expectClose(rollingMean(y, 2, { minPeriods: 0 }), [NaN, NaN, NaN]);
    expectClose(rollingMin(y, 2, { minPeriods: 0 }), [NaN, NaN, NaN]);
  });

  it('a window that empties and refills starts over', () => {
    expectClose(rollingSum(f64(5, NaN, NaN, 7, 1), 2, { minPeriods: 1 }), [5, 5, NaN, 7, 8]);
    expectClose(rollingStd(f64(1, 3, NaN, NaN, 10, 14), 2, { minPeriods: 1 }), [NaN, Math.sqrt(2), NaN, NaN, NaN, Math.sqrt(8)]);
  });
});

describe('rolling kernels per entity', () => {
  const groups = groupsOf(['a', 'a', 'a', 'b', 'b', 'c']);
  const x = f64(1, 2, 3, 10, 20, 7);

  it.each<[string, WindowOptions, number[]]>([
    ['rollingMean', {}, [NaN, 1.5, 2.5, NaN, 15, NaN]],
    ['rollingSum', {}, [NaN, 3, 5, NaN, 30, NaN]],
    ['rollingMin', {}, [NaN, 1, 2, NaN, 10, NaN]],
    ['rollingMax', {}, [NaN, 2, 3, NaN, 20, NaN]],
    ['rollingVar', {}, [NaN, 0.5, 0.5, NaN, 50, NaN]],
    // entity c has one row: a mean of it is itself, a variance needs two
    ['rollingMean', { minPeriods: 1 }, [1, 1.5, 2.5, 10, 15, 7]],
    ['rollingStd', { minPeriods: 1 }, [NaN, Math.SQRT1_2, Math.SQRT1_2, NaN, Math.sqrt(50), NaN]],
  ])('%s %j never reaches into the previous entity', (name, opts, expected) => {
    expectClose(kernels[name](x, 2, { ...opts, groups }), expected);
  });
});

describe('rolling kernels: numerics', () => {
  it('a window of equal values has var and std exactly 0, mean exactly the value and sum value × count', () => {
    const y = f64(5, 0.1, 0.1, 0.1, 1e9 + 0.3, 1e9 + 0.3, 1e9 + 0.3);
    const std = rollingStd(y, 3), v = rollingVar(y, 3), mean = rollingMean(y, 3), sum = rollingSum(y, 3);
    for (const i of [3, 6]) {
      expect(Object.is(std[i], 0)).toBe(true);
      expect(Object.is(v[i], 0)).toBe(true);
      expect(mean[i]).toBe(y[i]);
      expect(sum[i]).toBe(y[i] * 3);
    }
    expect(std[4]).toBeGreaterThan(0);
  });

  it('keeps variance precise for values sharing a large offset, over a long series', () => {
    // x = 1e9 + k/1024 is exact in float64; its variance is that of k/1024, worked out without the offset.
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const n = 50000, w = 10;
    const k = Array.from({ length: n }, () => next() % 1024);
    const x = Float64Array.from(k, (v) => 1e9 + v / 1024);
    const got = rollingVar(x, w);
    let worst = 0;
    for (let i = w - 1; i < n; i++) {
      const exact = sampleVar(k.slice(i - w + 1, i + 1).map((v) => v / 1024));
      if (exact > 0) worst = Math.max(worst, Math.abs(got[i] - exact) / exact);
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('keeps the variance of small values exact after a huge value has left the window', () => {
    const w = 50;
    const small = Array.from({ length: 80 }, (_, i) => ((i * 37) % 11) / 1000);
    const got = rollingVar(Float64Array.from([1e8, ...small]), w);
    for (let i = w; i <= 80; i++) {
      const exact = sampleVar(small.slice(i - w, i));
      expect(Math.abs(got[i] - exact)).toBeLessThan(1e-9 * exact);
    }
  });

  it('keeps the mean of a drifting series exact to 1e-9 after a million removals', () => {
    const n = 1_000_000, w = 7;
    const x = Float64Array.from({ length: n }, (_, i) => 1e6 + i * 0.37 + (i % 5));
    const got = rollingMean(x, w);
    for (const i of [w - 1, n / 2, n - 1]) {
      let s = 0;
      for (let j = i - w + 1; j <= i; j++) s += x[j];
      expect(Math.abs(got[i] - s / w)).toBeLessThan(1e-9 * (s / w));
    }
  });
});

describe('rolling kernels: buffers and arguments', () => {
  const x = f64(4, NaN, 6, 1);

  it('write into opts.out and return it, leaving x unchanged', () => {
    for (const kernel of Object.values(kernels)) {
      const before = Array.from(x);
      const out = new Float64Array(4).fill(99);
      expect(kernel(x, 2, { out, minPeriods: 1 })).toBe(out);
      expect(Array.from(out)).not.toContain(99);
      expect(Array.from(x)).toEqual(before);
    }
  });

  it('accept number[] and other typed arrays as x', () => {
    expectClose(rollingSum([1, 2, 3] as never, 2), [NaN, 3, 5]);
    expectClose(rollingMax(Int32Array.of(3, 1, 2), 2), [NaN, 3, 2]);
  });

  it.each<[string, () => unknown, string]>([
    ['window 0', () => rollingMean(x, 0), 'rollingMean: window must be an integer ≥ 1; got 0.'],
    ['fractional window', () => rollingStd(x, 2.5), 'rollingStd: window must be an integer ≥ 1; got 2.5.'],
    // a string is an offset since issue 17 ('3D'); a bare count says how to ask for rows
    ['window as a string', () => rollingSum(x, '3' as never),
      'rollingSum: "3" has no unit. For 3 rows pass the number 3; ' +
        'for a time span add a unit, e.g. "3D" (units ms, s, min, h, D, W).'],
    ['minPeriods above the window', () => rollingVar(x, 2, { minPeriods: 3 }),
      'rollingVar: opts.minPeriods (3) must not exceed the window (2); a window can never hold more values than its length.'],
    ['negative minPeriods', () => rollingMin(x, 2, { minPeriods: -1 }), 'rollingMin: opts.minPeriods must be an integer ≥ 0; got -1.'],
    ['out of the wrong length', () => rollingMax(x, 2, { out: new Float64Array(3) }),
      'rollingMax: opts.out has length 3 but the input has 4 rows; pass a Float64Array of length 4 or leave opts.out out.'],
    ['out that is x', () => rollingMean(x, 2, { out: x }),
      'rollingMean: opts.out shares memory with the input x, and this kernel reads neighbouring rows; pass a separate buffer as opts.out.'],
    ['out that is not a Float64Array', () => rollingMean(x, 2, { out: [0, 0, 0, 0] as never }),
      'rollingMean: opts.out must be a Float64Array; got Array.'],
    ['x that is not a column', () => rollingMean('1,2,3' as never, 2),
      'rollingMean: x must be a Float64Array, another typed array or an array of numbers; got "1,2,3". Copy an Arrow vector with Float64Array.from(vector, (v) => v ?? NaN), so nulls become NaN.'],
  ])('refuse %s with an InputError that says what to pass', (_, call, message) => {
    const e = thrown(call);
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(message);
  });
});
