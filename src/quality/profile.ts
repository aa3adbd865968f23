/**
 * One pass over a Float64Array that answers `range`, `allowNaNs` and `maxFractionNaNs` at once:
 * how many values are missing, and the smallest and largest of the others. Checks made from the
 * same `@checkOutput` options share the pass through a `ProfileShare`, so a range and an
 * allowNaNs check on one column read it once, not twice.
 */
import { simdProfile } from './simd-profile';
import { MAX_SAMPLE_ROWS } from './text';

/** What one pass over a column found. */
export interface Profile {
  readonly length: number;
  readonly missing: number;
  /** Smallest and largest non-missing value; +Infinity / -Infinity when there is none. */
  readonly min: number;
  readonly max: number;
}

// The results of the last profileKernel call besides its return value. Module variables rather
// than stores into an object or typed array: V8 optimizes the loop during its first long call
// (on-stack replacement) before the code after the loop has ever run, and a property or element
// store there, lacking type feedback, would bail out of the optimized loop on every call.
let lastMin = Infinity;
let lastMax = -Infinity;

/** The hot loop: NaN count, min and max, touching nothing but `x` and locals. */
function profileKernel(x: Float64Array): number {
  const n = x.length;
  let missing = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== v) missing++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  lastMin = min;
  lastMax = max;
  return missing;
}

/** Below this length the plain loop is as quick as copying into WebAssembly memory. */
const SIMD_FROM = 256;

/**
 * The profile of a column, in one pass: the WebAssembly SIMD loop where the runtime has it and
 * the column is long enough, the plain loop otherwise (same results).
 *
 * @example
 * profileOf(Float64Array.of(3, NaN, -1)); // { length: 3, missing: 1, min: -1, max: 3 }
 */
export function profileOf(x: Float64Array): Profile {
  if (simdProfile !== null && x.length >= SIMD_FROM) return simdProfile(x);
  return plainProfile(x);
}

/**
 * The profile by the plain-JS loop (the fallback, and the reference the SIMD loop is tested on).
 *
 * @example
 * plainProfile(Float64Array.of(3, NaN, -1)); // { length: 3, missing: 1, min: -1, max: 3 }
 */
export function plainProfile(x: Float64Array): Profile {
  const missing = profileKernel(x);
  return { length: x.length, missing, min: lastMin, max: lastMax };
}

/**
 * The first rows holding NaN, at most `MAX_SAMPLE_ROWS`; `count` (the profile's NaN count) lets it
 * stop at the last one. Runs only for a failing check.
 *
 * @example
 * firstNaNRows(Float64Array.of(1, NaN, 9, NaN), 2); // [1, 3]
 */
export function firstNaNRows(x: Float64Array, count: number): number[] {
  const rows: number[] = [];
  const want = Math.min(count, MAX_SAMPLE_ROWS);
  for (let i = 0; i < x.length && rows.length < want; i++) {
    const v = x[i];
    if (v !== v) rows.push(i);
  }
  return rows;
}

/**
 * The first rows outside [lo, hi] (NaN is not outside), at most `MAX_SAMPLE_ROWS`; `count` (how
 * many there are) lets it stop at the last one.
 *
 * @example
 * firstRowsOutside(Float64Array.of(1, NaN, 9), 0, 5, 1); // [2]
 */
export function firstRowsOutside(x: Float64Array, lo: number, hi: number, count: number): number[] {
  const rows: number[] = [];
  const want = Math.min(count, MAX_SAMPLE_ROWS);
  for (let i = 0; i < x.length && rows.length < want; i++) {
    const v = x[i];
    if (v < lo || v > hi) rows.push(i);
  }
  return rows;
}

/**
 * Lets the checks made from one options object profile a column once. The first check to see a
 * column computes its profile; each of the other `users - 1` checks takes it once, if it is
 * handed the same array; then it is forgotten. The checks of one node run back to back on the
 * same value (the executor runs them synchronously, one after the other), so nothing can change
 * the array in between. Checks use the share only for the caller's own Float64Array (never for a
 * converted copy), so every check of the group takes its turn and nothing stays held.
 *
 * @example
 * const share = new ProfileShare(2);
 * const x = Float64Array.of(1, NaN);
 * share.of(x) === share.of(x); // true: one pass for both checks
 */
export class ProfileShare {
  private value: Float64Array | null = null;
  private profile: Profile | null = null;
  private pending = 0;

  constructor(private readonly users: number) {}

  of(x: Float64Array): Profile {
    if (this.pending > 0 && this.value === x && this.profile !== null) {
      const profile = this.profile;
      if (--this.pending === 0) this.forget();
      return profile;
    }
    const profile = profileOf(x);
    if (this.users > 1) {
      this.value = x;
      this.profile = profile;
      this.pending = this.users - 1;
    }
    return profile;
  }

  private forget(): void {
    this.value = null;
    this.profile = null;
  }
}

/** Profiles every column afresh: for checks made on their own. */
export const NO_SHARE = new ProfileShare(1);
