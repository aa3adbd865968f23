/** The column profile (NaN count, min, max): the SIMD loop, the plain loop, and sharing one pass. */
import fc from 'fast-check';
import { firstNaNRows, firstRowsOutside, plainProfile, profileOf, ProfileShare } from '../../src/quality/profile';
import { CHUNK, simdProfile } from '../../src/quality/simd-profile';

/** The profile by its definition: NaN skipped for min and max. */
function reference(xs: readonly number[]) {
  const present = xs.filter((v) => !Number.isNaN(v));
  return {
    length: xs.length,
    missing: xs.length - present.length,
    min: present.reduce((a, b) => (b < a ? b : a), Infinity),
    max: present.reduce((a, b) => (b > a ? b : a), -Infinity),
  };
}

const value = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
);

describe('profile', () => {
  it('has the SIMD loop on Node 20', () => {
    expect(simdProfile).not.toBeNull();
  });

  it('SIMD and plain loops both match the definition, odd and even lengths', () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 700 }), (xs) => {
      const x = Float64Array.from(xs);
      const want = reference(xs);
      expect(plainProfile(x)).toEqual(want);
      expect(simdProfile!(x)).toEqual(want);
      expect(profileOf(x)).toEqual(want);
    }), { numRuns: 300 });
  });

  it('carries NaN count, min and max across chunks and an odd last value', () => {
    const x = new Float64Array(2 * CHUNK + 3).fill(1);
    x[CHUNK - 1] = NaN;       // last of chunk 1
    x[CHUNK] = -7;            // first of chunk 2
    x[2 * CHUNK + 1] = NaN;   // chunk 3 holds 3 values: the SIMD loop takes two, the tail one
    x[2 * CHUNK + 2] = 9;     // the odd tail
    expect(profileOf(x)).toEqual({ length: 2 * CHUNK + 3, missing: 2, min: -7, max: 9 });
  });

  it('reports an all-NaN or empty column as having no min or max', () => {
    expect(profileOf(new Float64Array(1000).fill(NaN))).toEqual({ length: 1000, missing: 1000, min: Infinity, max: -Infinity });
    expect(profileOf(new Float64Array(0))).toEqual({ length: 0, missing: 0, min: Infinity, max: -Infinity });
  });
});

describe('ProfileShare', () => {
  it('hands the first profile to each other user once, then profiles afresh', () => {
    const share = new ProfileShare(3);
    const x = Float64Array.of(1, NaN, 3);
    const first = share.of(x);
    expect(share.of(x)).toBe(first);
    expect(share.of(x)).toBe(first);
    const fourth = share.of(x);
    expect(fourth).not.toBe(first);
    expect(fourth).toEqual(first);
  });

  it('profiles a different array afresh, and sees a change made between rounds', () => {
    const share = new ProfileShare(2);
    const x = Float64Array.of(1, 2);
    expect(share.of(x).max).toBe(2);
    expect(share.of(Float64Array.of(5)).max).toBe(5);
    share.of(x);
    share.of(x); // round done
    x[0] = 10;
    expect(share.of(x).max).toBe(10);
  });

  it('with one user, never remembers', () => {
    const share = new ProfileShare(1);
    const x = Float64Array.of(1);
    expect(share.of(x)).not.toBe(share.of(x));
  });
});

describe('first offending rows', () => {
  const x = Float64Array.from({ length: 100 }, (_, i) => (i % 7 === 3 ? NaN : i));
  it('finds the first five NaN rows', () => {
    expect(firstNaNRows(x, 14)).toEqual([3, 10, 17, 24, 31]);
    expect(firstNaNRows(x, 2)).toEqual([3, 10]);
    expect(firstNaNRows(Float64Array.of(1, 2), 0)).toEqual([]);
  });
  it('finds the first five rows outside [lo, hi], NaN not counted', () => {
    expect(firstRowsOutside(x, 2, 90, 9)).toEqual([0, 1, 91, 92, 93]);
    expect(firstRowsOutside(x, 0, 1000, 0)).toEqual([]);
  });
});
