/**
 * The reference the rolling and expanding sum/mean kernels are held to, row by row: pandas'
 * `calc_sum` / `calc_mean` rule as `sumResult` states it, over the TwoSum running sum of
 * sum-result.ts; and seeded series that reach every branch of the rule.
 */
import { sumResult } from '../../../src/columns/sum-result';

/**
 * `sumResult` on every row of each entity, over its last `w` rows (`Infinity`: expanding).
 *
 * @example
 * sumRuleReference(x, keys, 3, 1, MEAN); // what rollingMean(x, 3, { groups, minPeriods: 1 }) must give
 */
export function sumRuleReference(
  x: Float64Array, keys: readonly number[], w: number, minPeriods: number, mode: number,
): Float64Array {
  const out = new Float64Array(x.length);
  let nobs = 0, hi = 0, lo = 0, negatives = 0, same = 0, prev = NaN, first = 0;
  for (let i = 0; i < x.length; i++) {
    if (i === 0 || keys[i] !== keys[i - 1]) {
      nobs = 0; hi = 0; lo = 0; negatives = 0; same = 0; prev = NaN; first = i;
    }
    if (i - w >= first) {
      const u = x[i - w];
      if (Number.isFinite(u)) {
        if (--nobs === 0) { hi = 0; lo = 0; negatives = 0; } else {
          const s = hi - u, z = s - hi;
          lo += (hi - (s - z)) - (u + z);
          hi = s;
          if (u < 0) negatives--;
        }
      }
    }
    const v = x[i];
    if (Number.isFinite(v)) {
      nobs++;
      const s = hi + v, z = s - hi;
      lo += (hi - (s - z)) + (v - z);
      hi = s;
      if (v < 0) negatives++;
      if (v === prev) same++;
      else { same = 1; prev = v; }
    }
    out[i] = sumResult(nobs, minPeriods, mode, hi + lo, negatives, same, prev);
  }
  return out;
}

/** How `sumRuleSeries` shapes its values. */
export interface SeriesShape {
  /** Entities hold up to this many rows. */
  readonly maxEntityRows: number;
  /** Also NaN on 6 rows of every 97, so windows empty out and start again from 0. */
  readonly gaps?: boolean;
  /** Some values of mixed-sign entities are ±1e15 (cancellation when they leave a window). */
  readonly spikes?: boolean;
}

/**
 * Seeded values with NaN, ±Infinity, runs of equal values (the mean of three 0.1 is not 0.1 by
 * sum ÷ count) and entities of one sign (the clamp), with the entity keys.
 *
 * @example
 * const { x, keys } = sumRuleSeries(3000, 1, { maxEntityRows: 12 });
 */
export function sumRuleSeries(n: number, seed: number, shape: SeriesShape): { x: Float64Array; keys: number[] } {
  let h = seed;
  const u = () => ((h = (Math.imul(h, 1103515245) + 12345) >>> 0) / 4294967296);
  const x = new Float64Array(n), keys: number[] = [];
  let key = 0, sign = 0, left = 0, run = 0.1;
  for (let i = 0; i < n; i++) {
    if (left-- <= 0) { key++; left = Math.floor(u() * shape.maxEntityRows); sign = Math.floor(u() * 3) - 1; }
    const w = u();
    if (w < 0.1 || (shape.gaps === true && i % 97 < 6)) x[i] = NaN;
    else if (w < 0.13) x[i] = w < 0.115 ? Infinity : -Infinity;
    else if (w < 0.45) x[i] = run;
    else {
      x[i] = sign === 0 ? (u() * 2 - 1) * (shape.spikes === true && w > 0.98 ? 1e15 : 1) : sign * u() * 1e-3;
      if (w > 0.9) run = x[i];
    }
    keys.push(key);
  }
  return { x, keys };
}
