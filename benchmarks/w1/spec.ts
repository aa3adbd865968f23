/**
 * The shape of the W1 graph (../shared/bench/WORKLOAD.md), shared by every implementation so they
 * all build exactly the same features: f_i has lane L = i % 4, step m = floor(i / 4) and kind
 * k = m % 10; its primary input P is RAW[L] at step 0 and f_{i−4} after; kind 0 also reads a
 * secondary input S, RAW[(L + 1) % 4] at step 0 and f_{floor(i/2)} after.
 */

/** The four raw signals, in series order s = 0 … 3. */
export const RAW_NAMES = ['spend', 'signups', 'price', 'visits'] as const;

/** The ten kinds of feature, indexed by k. Windows and lags are fixed by the workload. */
export const KINDS = [
  'ratio', 'mean3', 'shift1', 'zscore', 'mean7', 'shift3', 'diff', 'mean28', 'shift7', 'clip',
] as const;
export type Kind = (typeof KINDS)[number];

/** Window of each rolling-mean kind and lag of each shift kind. */
export const WINDOW: Partial<Record<Kind, number>> = { mean3: 3, mean7: 7, mean28: 28 };
export const LAG: Partial<Record<Kind, number>> = { shift1: 1, shift3: 3, shift7: 7 };

/** One feature of W1: its name, kind and the names of the columns it reads. */
export interface W1Feature {
  readonly index: number;
  readonly name: string;
  readonly kind: Kind;
  /** Index into the column list `[...RAW, f_0, f_1, …]`: raw s is s, f_j is 4 + j. */
  readonly p: number;
  /** Secondary input of kind `ratio`, as for `p`; −1 for the other kinds. */
  readonly s: number;
}

/**
 * The name of feature i.
 *
 * @example
 * featureName(12)  // 'f_12'
 */
export function featureName(i: number): string {
  return `f_${i}`;
}

/**
 * The name of column c in the list `[...RAW, f_0, f_1, …]`.
 *
 * @example
 * columnName(1)  // 'signups'
 * columnName(4)  // 'f_0'
 */
export function columnName(c: number): string {
  return c < 4 ? RAW_NAMES[c] : featureName(c - 4);
}

/**
 * The N features of W1 in output order.
 *
 * @example
 * w1Features(8)[4]  // { index: 4, name: 'f_4', kind: 'mean3', p: 4, s: -1 }  (reads f_0)
 */
export function w1Features(n: number): W1Feature[] {
  const out: W1Feature[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const lane = i % 4;
    const step = Math.floor(i / 4);
    const kind = KINDS[step % 10];
    const p = step === 0 ? lane : 4 + (i - 4);
    const s = kind !== 'ratio' ? -1 : step === 0 ? (lane + 1) % 4 : 4 + Math.floor(i / 2);
    out[i] = { index: i, name: featureName(i), kind, p, s };
  }
  return out;
}

/**
 * Names of the N outputs, f_0 … f_{N−1}.
 *
 * @example
 * outputNames(3)  // ['f_0', 'f_1', 'f_2']
 */
export function outputNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => featureName(i));
}
