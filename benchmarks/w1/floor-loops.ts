/**
 * The floor's hand-written loops: one plain function per W1 kind, each writing into a caller's
 * Float64Array with pandas' NaN rules. No framework, no allocation; intermediates are scalars.
 */

/**
 * out[t] = p[t] / (|s[t]| + 1); NaN if either is NaN.
 *
 * @example
 * ratioInto(Float64Array.of(6, NaN), Float64Array.of(-2, 1), out)  // out = [2, NaN]
 */
export function ratioInto(p: Float64Array, s: Float64Array, out: Float64Array): void {
  for (let t = 0; t < out.length; t++) out[t] = p[t] / (Math.abs(s[t]) + 1);
}

/**
 * pandas `rolling(w).mean()` (minPeriods = w): NaN for t < w − 1 or when the window holds a NaN.
 *
 * @example
 * rollingMeanInto(Float64Array.of(1, 2, 3, NaN), 2, out)  // out = [NaN, 1.5, 2.5, NaN]
 */
export function rollingMeanInto(x: Float64Array, w: number, out: Float64Array): void {
  let sum = 0;
  let nans = 0;
  const n = out.length;
  for (let t = 0; t < n; t++) {
    const v = x[t];
    if (v !== v) nans++;
    else sum += v;
    if (t >= w) {
      const old = x[t - w];
      if (old !== old) nans--;
      else sum -= old;
    }
    out[t] = t >= w - 1 && nans === 0 ? sum / w : NaN;
  }
}

/**
 * pandas `shift(k)` for k ≥ 0: x[t − k], NaN for t < k.
 *
 * @example
 * shiftInto(Float64Array.of(1, 2, 3), 1, out)  // out = [NaN, 1, 2]
 */
export function shiftInto(x: Float64Array, k: number, out: Float64Array): void {
  const n = out.length;
  const head = Math.min(k, n);
  out.fill(NaN, 0, head);
  if (head < n) out.set(x.subarray(0, n - k), k);
}

/**
 * pandas `diff()`: x[t] − x[t − 1], NaN at t = 0 or when either is NaN.
 *
 * @example
 * diffInto(Float64Array.of(1, 4, NaN), out)  // out = [NaN, 3, NaN]
 */
export function diffInto(x: Float64Array, out: Float64Array): void {
  if (out.length > 0) out[0] = NaN;
  for (let t = 1; t < out.length; t++) out[t] = x[t] - x[t - 1];
}

/**
 * pandas `(x − x.mean()) / x.std()`: mean and std (ddof 1) over non-NaN values, std NaN with fewer
 * than 2; NaN stays NaN; std = 0 gives 0/0 = NaN.
 *
 * @example
 * zscoreInto(Float64Array.of(1, NaN, 3), out)  // out = [−1/√2, NaN, 1/√2]
 */
export function zscoreInto(x: Float64Array, out: Float64Array): void {
  const n = out.length;
  let sum = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    const v = x[t];
    if (v === v) {
      sum += v;
      count++;
    }
  }
  const mean = sum / count;
  let squares = 0;
  for (let t = 0; t < n; t++) {
    const d = x[t] - mean;
    if (d === d) squares += d * d;
  }
  const std = count >= 2 ? Math.sqrt(squares / (count - 1)) : NaN;
  for (let t = 0; t < n; t++) out[t] = (x[t] - mean) / std;
}

/**
 * pandas `clip(lo, hi).fillna(0)`: min(max(x, lo), hi), NaN becomes 0.
 *
 * @example
 * clipFillInto(Float64Array.of(-7, NaN, 9), -3, 3, out)  // out = [-3, 0, 3]
 */
export function clipFillInto(x: Float64Array, lo: number, hi: number, out: Float64Array): void {
  for (let t = 0; t < out.length; t++) {
    const v = x[t];
    out[t] = v !== v ? 0 : v < lo ? lo : v > hi ? hi : v;
  }
}
