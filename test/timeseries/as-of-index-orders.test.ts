/**
 * asOfIndex's fast paths (right already sorted by (key, time): no bucketing; left rows stepping
 * forward from their key's hint, galloping past a long way) against the rule itself, written
 * out row by row: for each left row, among right rows of the same key, backward the last at or
 * before (the last in right's order among equal times), forward the first at or after, nearest
 * the closer (backward on a tie), within tolerance — pandas merge_asof. Every order of left and
 * right is tried, so the fast and the general paths must give the same rows.
 */
import { asOfIndex, type AsOfDirection } from '../../src/timeseries';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function rule(
  lt: Float64Array, rt: Float64Array, lk: number[], rk: number[],
  direction: AsOfDirection, tolerance: number, exact: boolean,
): number[] {
  return Array.from(lt, (t, i) => {
    let back = -1, fwd = -1;
    for (let j = 0; j < rt.length; j++) {
      if (!Object.is(lk[i], rk[j]) || Math.abs(rt[j] - t) > tolerance) continue;
      if (exact ? rt[j] <= t : rt[j] < t) if (back < 0 || rt[j] >= rt[back]) back = j;
      if (exact ? rt[j] >= t : rt[j] > t) if (fwd < 0 || rt[j] < rt[fwd]) fwd = j;
    }
    if (direction === 'backward') return back;
    if (direction === 'forward') return fwd;
    return fwd >= 0 && (back < 0 || rt[fwd] - t < t - rt[back]) ? fwd : back;
  });
}

/** Rows sorted by (key, time), as a table already in that order would come. */
function sortedBy(keys: number[], times: number[]): number[] {
  return keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || times[a] - times[b]);
}

describe('asOfIndex on left and right in every order', () => {
  const directions: AsOfDirection[] = ['backward', 'forward', 'nearest'];
  for (const seed of [1, 2, 3, 4]) {
    it(`matches the rule row by row (seed ${seed})`, () => {
      const r = rng(seed);
      // right dense (0…400 in steps of 0–2, many ties), left sparse: a left row often skips more than a few right rows
      const m = 300, n = 60;
      const rKeys = Array.from({ length: m }, () => Math.floor(r() * 3));
      const rTimes = Array.from({ length: m }, () => Math.floor(r() * 400));
      const lKeys = Array.from({ length: n }, () => (r() < 0.1 ? 7 : Math.floor(r() * 3)));
      const lTimes = Array.from({ length: n }, () => Math.floor(r() * 420) - 10);
      const rOrders = { given: rKeys.map((_, i) => i), sorted: sortedBy(rKeys, rTimes) };
      const lOrders = {
        given: lKeys.map((_, i) => i), sorted: sortedBy(lKeys, lTimes),
        byTime: lKeys.map((_, i) => i).sort((a, b) => lTimes[a] - lTimes[b]),
      };
      let checked = 0;
      for (const ro of Object.values(rOrders)) {
        const rt = Float64Array.from(ro, (j) => rTimes[j]), rk = ro.map((j) => rKeys[j]);
        for (const lo of Object.values(lOrders)) {
          const lt = Float64Array.from(lo, (i) => lTimes[i]), lk = lo.map((i) => lKeys[i]);
          for (const direction of directions) {
            for (const tolerance of [Infinity, 0, 5]) {
              for (const allowExactMatches of [true, false]) {
                const got = asOfIndex(lt, rt, lk, rk, { direction, tolerance, allowExactMatches });
                expect(Array.from(got)).toEqual(rule(lt, rt, lk, rk, direction, tolerance, allowExactMatches));
                checked++;
              }
            }
          }
          const backward = { direction: 'backward', tolerance: Infinity, allowExactMatches: true } as const;
          const noKeys = asOfIndex(lt, rt, undefined, undefined, backward);
          const oneKey = rule(lt, rt, lk.map(() => 0), rk.map(() => 0), 'backward', Infinity, true);
          expect(Array.from(noKeys)).toEqual(oneKey);
        }
      }
      expect(checked).toBe(2 * 3 * 3 * 3 * 2);
    });
  }
});

describe('asOfIndex at the edges of its fast paths', () => {
  const all = (['backward', 'forward', 'nearest'] as const).flatMap((direction) =>
    [Infinity, 0, 3].flatMap((tolerance) =>
      [true, false].map((allowExactMatches) => ({ direction, tolerance, allowExactMatches }))));
  const same = (lt: number[], rt: number[], lk: number[] | undefined, rk: number[] | undefined) => {
    for (const match of all) {
      const got = asOfIndex(Float64Array.from(lt), Float64Array.from(rt), lk, rk, match);
      const want = rule(Float64Array.from(lt), Float64Array.from(rt), lk ?? lt.map(() => 0), rk ?? rt.map(() => 0),
        match.direction, match.tolerance, match.allowExactMatches);
      expect([match, Array.from(got)]).toEqual([match, want]);
    }
  };

  it('empty sides and single rows', () => {
    same([], [], [], []);
    same([5], [], [1], []);
    same([], [5], [], [1]);
    same([5], [5], [1], [1]);
    same([5], [4], [1], [2]); // the key is not in right
    same([4, 5, 6], [5], undefined, undefined);
  });

  it('NaN keys are one key; a key absent from right matches nothing', () => {
    same([1, 2, 3, 4], [0, 2, 2, 5], [NaN, NaN, 9, NaN], [NaN, 1, NaN, NaN]);
    same([3, 1, 2], [0, 1, 2, 3], [1, 1, 1], [1, 1, NaN, 1]); // right not one run per key: bucketed
  });

  it('a left key runs far ahead of the hint, then back (galloping both ways), on equal times', () => {
    const rt = Array.from({ length: 200 }, (_, j) => Math.floor(j / 4)); // four rows at each time
    same([0, 49, 10, 10, 10.5, 3, 60, -1, 25], rt, undefined, undefined);
    const keys = rt.map((_, j) => j % 2); // two keys, interleaved: right is bucketed
    same([0, 49, 10, 10, 3, 60, 25, 25], rt, [0, 0, 1, 0, 1, 1, 0, 1], keys);
  });

  it('left runs of one key split by another key come back to their hint', () => {
    const rt = [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5], rk = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2];
    same([0.5, 1.5, 0, 2.5, 4, 3.5, 5, 6], rt, [1, 1, 2, 1, 2, 1, 1, 2], rk);
  });
});
