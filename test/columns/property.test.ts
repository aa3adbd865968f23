/**
 * Property test: the O(n) rolling and expanding kernels agree with a naive O(n·w) reference that
 * applies pandas' rules window by window, on random data with NaNs, repeated values and random
 * entity groups (tolerance 1e-9 × max(1, |reference|)).
 */
import fc from 'fast-check';
import {
  expandingMax, expandingMean, expandingMin, expandingStd, expandingSum, expandingVar, rollingMax, rollingMean,
  rollingMin, rollingStd, rollingSum, rollingVar, type Groups,
} from '../../src/columns';
import { present, sampleVar } from './helpers';

type Aggregate = (values: number[]) => number; // over the non-NaN values of one window

const sum: Aggregate = (v) => v.reduce((a, b) => a + b, 0);
const reference: Record<string, { agg: Aggregate; empty: (minPeriods: number) => number }> = {
  mean: { agg: (v) => sum(v) / v.length, empty: () => NaN },
  sum: { agg: sum, empty: (mp) => (mp === 0 ? 0 : NaN) },
  var: { agg: (v) => sampleVar(v), empty: () => NaN },
  std: { agg: (v) => Math.sqrt(sampleVar(v)), empty: () => NaN },
  min: { agg: (v) => Math.min(...v), empty: () => NaN },
  max: { agg: (v) => Math.max(...v), empty: () => NaN },
};

function naive(x: number[], starts: number[], window: number, minPeriods: number, name: string): number[] {
  const { agg, empty } = reference[name];
  const out: number[] = [];
  starts.forEach((start, g) => {
    const end = g + 1 < starts.length ? starts[g + 1] : x.length;
    for (let i = start; i < end; i++) {
      const values = present(x.slice(Math.max(start, i - window + 1), i + 1));
      out.push(values.length < minPeriods ? NaN : values.length === 0 ? empty(minPeriods) : agg(values));
    }
  });
  return out;
}

const value = fc.oneof(
  fc.double({ min: -1000, max: 1000, noNaN: true }),
  fc.integer({ min: -2, max: 2 }).map((v) => v * 0.5), // repeats, so equal-value windows happen
  fc.constant(NaN),
);

/** A column split into random contiguous groups. */
const grouped = fc.array(fc.array(value, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }).map((parts) => {
  const starts: number[] = [];
  let at = 0;
  for (const p of parts) {
    starts.push(at);
    at += p.length;
  }
  return { x: parts.flat(), starts };
});

const close = (got: Float64Array, want: number[]) =>
  want.every((w, i) => (Number.isNaN(w) ? Number.isNaN(got[i]) : Math.abs(got[i] - w) <= 1e-9 * Math.max(1, Math.abs(w))));

const rolling = { mean: rollingMean, sum: rollingSum, var: rollingVar, std: rollingStd, min: rollingMin, max: rollingMax };
const expanding = { mean: expandingMean, sum: expandingSum, var: expandingVar, std: expandingStd, min: expandingMin, max: expandingMax };

describe('kernels agree with the naive pandas reference', () => {
  it.each(Object.keys(rolling) as (keyof typeof rolling)[])('rolling %s', (name) => {
    fc.assert(
      fc.property(grouped, fc.integer({ min: 1, max: 8 }), fc.nat(8), fc.boolean(), ({ x, starts }, window, mp, useGroups) => {
        const minPeriods = Math.min(mp, window);
        const groups: Groups | undefined = useGroups ? { starts: Int32Array.from(starts), count: starts.length } : undefined;
        const got = rolling[name](Float64Array.from(x), window, { minPeriods, groups });
        return close(got, naive(x, useGroups ? starts : [0], window, minPeriods, name));
      }),
      { numRuns: 300 },
    );
  });

  it.each(Object.keys(expanding) as (keyof typeof expanding)[])('expanding %s', (name) => {
    fc.assert(
      fc.property(grouped, fc.nat(3), ({ x, starts }, minPeriods) => {
        const groups = { starts: Int32Array.from(starts), count: starts.length };
        const got = expanding[name](Float64Array.from(x), { minPeriods, groups });
        return close(got, naive(x, starts, x.length, minPeriods, name));
      }),
      { numRuns: 200 },
    );
  });
});
