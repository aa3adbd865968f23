/**
 * Exponentially weighted moving average, as pandas 1.5 `ewma` (`pandas/_libs/window/aggregations.pyx`)
 * with `ignore_na=False`.
 */
import { InputError } from '../errors';
import { perGroup } from './per-group';
import { minPeriodsArg, type Column, type KernelOptions, kernelOptions, OPTION_KEYS } from './options';

/** Options of {@link ewmMean}: give exactly one of `span` and `alpha`. */
export interface EwmOptions extends KernelOptions {
  /** Decay in terms of span: `alpha = 2 / (span + 1)`, `span ≥ 1`. */
  readonly span?: number;
  /** Smoothing factor, `0 < alpha ≤ 1`. */
  readonly alpha?: number;
  /** Divide by the decaying sum of weights (pandas' default, true) or use the recursive form (false). */
  readonly adjust?: boolean;
  /** Fewest non-NaN values seen before a result is given (default 0, i.e. from the first value). */
  readonly minPeriods?: number;
}

/**
 * The EWM recursion over `x[start..end)` with `alpha`, `adjust` (1/0) and `minPeriods` (≥ 1). The
 * first value is taken inside the loop (while `weighted` is NaN), the factors are worked out on each
 * row and each row starts from `let r = 0 / 0` (NaN folded by the parser, no global read): an
 * operation run only before the loop or only on rare rows has no type feedback yet when a long first
 * call gets the loop optimized, and the loop then ran ~1.5× slower in every later call (see
 * expanding.ts).
 */
function ewmSegment(
  x: Float64Array, out: Float64Array, start: number, end: number,
  alpha: number, adjust: number, minPeriods: number,
): void {
  let weighted = 0 / 0, nobs = 0, oldWeight = 1;
  for (let i = start; i < end; i++) {
    const cur = x[i];
    const observed = cur - cur === 0; // ±Infinity is a missing value like NaN, as pandas' ewm makes it (_prep_values)
    if (observed) nobs++;
    if (weighted === weighted) {
      oldWeight *= 1 - alpha; // a NaN row still decays the old weight (ignore_na=False)
      if (observed) {
        const newWeight = adjust === 1 ? 1 : alpha;
        if (weighted !== cur) weighted = (oldWeight * weighted + newWeight * cur) / (oldWeight + newWeight);
        oldWeight = adjust === 1 ? oldWeight + newWeight : 1;
      }
    } else if (observed) {
      weighted = cur; // the first value
    }
    let r = 0 / 0;
    if (nobs >= minPeriods) r = weighted;
    out[i] = r;
  }
}

function alphaOf(opts: EwmOptions | undefined): number {
  const span = opts?.span;
  const alpha = opts?.alpha;
  if ((span === undefined) === (alpha === undefined)) {
    throw new InputError(
      `ewmMean: give exactly one of opts.span and opts.alpha; got ${span === undefined ? 'neither' : 'both'}. ` +
        'For example ewmMean(x, { span: 10 }) or ewmMean(x, { alpha: 0.2 }).',
    );
  }
  if (span !== undefined) {
    if (typeof span !== 'number' || !(span >= 1) || span === Infinity) {
      throw new InputError(`ewmMean: opts.span must be a finite number ≥ 1; got ${String(span)}.`);
    }
    return 2 / (span + 1);
  }
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha <= 1)) {
    throw new InputError(`ewmMean: opts.alpha must be a number with 0 < alpha ≤ 1; got ${String(alpha)}.`);
  }
  return alpha;
}

/**
 * Exponentially weighted mean (pandas `x.ewm(span=…|alpha=…, adjust=…).mean()`, `ignore_na=False`).
 * With `adjust: true` (default) row t is Σ wᵢ·x₍t−i₎ / Σ wᵢ over the non-NaN values, wᵢ = (1−α)^i,
 * i counting rows (NaN rows included). With `adjust: false`, y = ((1−α)^k·y_prev + α·x) / ((1−α)^k + α)
 * where k is the number of rows since the previous value. A NaN row outputs the previous result;
 * rows before the first value are NaN. With `opts.groups` each entity starts afresh.
 *
 * @example
 * ewmMean(new Float64Array([1, 2, 3]), { alpha: 0.5 });                  // [1, 1.6666666666666667, 2.4285714285714284]
 * ewmMean(new Float64Array([1, 2, 3]), { alpha: 0.5, adjust: false });   // [1, 1.5, 2.25]
 */
export function ewmMean(x: Column, opts?: EwmOptions): Float64Array {
  kernelOptions('ewmMean', opts, OPTION_KEYS.ewm);
  const alpha = alphaOf(opts);
  const adjust = opts?.adjust ?? true;
  if (typeof adjust !== 'boolean') throw new InputError(`ewmMean: opts.adjust must be true or false; got ${String(adjust)}.`);
  const minPeriods = Math.max(1, minPeriodsArg('ewmMean', opts?.minPeriods, 0));
  return perGroup('ewmMean', x, opts, ewmSegment, alpha, adjust ? 1 : 0, minPeriods, OPTION_KEYS.ewm);
}
