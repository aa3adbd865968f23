/**
 * ewmMean against pandas' documented formulas (ignore_na=False), written out here:
 * adjust=True:  y_t = Σ_i w_i x_i / Σ_i w_i over the non-NaN x_i up to t, w_i = (1 − α)^(t − i)
 *               (t − i counts rows, NaN rows included);
 * adjust=False: y_t = ((1 − α)^k y_prev + α x_t) / ((1 − α)^k + α), k = rows since the last value;
 * a NaN row repeats the previous result (for α < 1 that is what the formula gives too; for α = 1
 * the formula's weights vanish and pandas' rule decides); rows before the first value are NaN.
 */
import { InputError } from '../../src/errors';
import { ewmMean, groupsOf } from '../../src/columns';
import { expectClose, f64, thrown } from './helpers';

function adjusted(x: number[], alpha: number): number[] {
  const out: number[] = [];
  x.forEach((v, t) => {
    if (Number.isNaN(v) && t > 0) {
      out.push(out[t - 1]); // the same ratio, also for alpha = 1
      return;
    }
    let num = 0, den = 0;
    for (let i = 0; i <= t; i++) {
      if (Number.isNaN(x[i])) continue;
      const w = (1 - alpha) ** (t - i);
      num += w * x[i];
      den += w;
    }
    out.push(den === 0 ? NaN : num / den);
  });
  return out;
}

function recursive(x: number[], alpha: number): number[] {
  const out: number[] = [];
  let y = NaN, last = -1;
  x.forEach((v, t) => {
    if (!Number.isNaN(v)) {
      if (last < 0) y = v;
      else {
        const decay = (1 - alpha) ** (t - last);
        y = (decay * y + alpha * v) / (decay + alpha);
      }
      last = t;
    }
    out.push(y);
  });
  return out;
}

describe('ewmMean', () => {
  const x = [NaN, 3, 5, NaN, NaN, 2, 8, NaN];

  it.each([0.1, 0.5, 0.9, 1])('adjust: true follows the weighted-average formula (alpha %p)', (alpha) => {
    expectClose(ewmMean(Float64Array.from(x), { alpha }), adjusted(x, alpha), 1e-12);
  });

  it.each([0.1, 0.5, 0.9])('adjust: false follows the recursion, NaN rows still decaying (alpha %p)', (alpha) => {
    expectClose(ewmMean(Float64Array.from(x), { alpha, adjust: false }), recursive(x, alpha), 1e-12);
  });

  it('takes span as alpha = 2 / (span + 1)', () => {
    expectClose(ewmMean(Float64Array.from(x), { span: 4 }), adjusted(x, 2 / 5), 1e-12);
  });

  it('gives the worked example of the pandas docs: [0, 1, 2, NaN, 4] with com 0.5 (alpha 2/3)', () => {
    expectClose(ewmMean(f64(0, 1, 2, NaN, 4), { alpha: 2 / 3 }), [0, 0.75, 1.6153846153846154, 1.6153846153846154, 3.670212765957447]);
  });

  it('restarts per entity and honours minPeriods', () => {
    const groups = groupsOf(['a', 'a', 'b', 'b']);
    expectClose(ewmMean(f64(1, 3, 10, 20), { alpha: 0.5, groups }), [1, adjusted([1, 3], 0.5)[1], 10, adjusted([10, 20], 0.5)[1]]);
    expectClose(ewmMean(f64(1, NaN, 3), { alpha: 0.5, minPeriods: 2 }), [NaN, NaN, adjusted([1, NaN, 3], 0.5)[2]]);
  });

  it('keeps a constant series exactly constant', () => {
    expect(Array.from(ewmMean(f64(0.1, 0.1, NaN, 0.1), { span: 3 }))).toEqual([0.1, 0.1, 0.1, 0.1]);
  });

  it.each<[string, object, string]>([
    ['neither span nor alpha', {}, 'ewmMean: give exactly one of opts.span and opts.alpha; got neither. For example ewmMean(x, { span: 10 }) or ewmMean(x, { alpha: 0.2 }).'],
    ['both', { span: 3, alpha: 0.5 }, 'ewmMean: give exactly one of opts.span and opts.alpha; got both. For example ewmMean(x, { span: 10 }) or ewmMean(x, { alpha: 0.2 }).'],
    ['span below 1', { span: 0.5 }, 'ewmMean: opts.span must be a finite number ≥ 1; got 0.5.'],
    ['alpha 0', { alpha: 0 }, 'ewmMean: opts.alpha must be a number with 0 < alpha ≤ 1; got 0.'],
    ['adjust as a string', { alpha: 0.5, adjust: 'no' }, 'ewmMean: opts.adjust must be true or false; got no.'],
  ])('refuses %s', (_, opts, message) => {
    const e = thrown(() => ewmMean(f64(1, 2), opts));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(message);
  });
});
