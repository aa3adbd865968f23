/**
 * W1 written as quiver features, the way a user with a generated feature list would write it:
 * one method per kind of feature, `@parameterize`d over that kind's features with `source(...)`
 * binding P (and S for ratios). Each kind is its own small class, made only when W1 has features
 * of that kind (a parameterize spec may not be empty).
 */
import {
  parameterize, source, type ParameterizeSpec,
  abs, add, clip, diff, div, fillNaN, fused, rollingMean, shift, zscore,
} from '../../src';
import { columnName, KINDS, type Kind, type W1Feature } from './spec';

type FeatureClass = new () => object;

/** For each kind, a class with one method parameterized over `spec`. */
const CLASS_OF_KIND: Record<Kind, (spec: ParameterizeSpec) => FeatureClass> = {
  ratio: (spec) => {
    class Ratios {
      /** P / (|S| + 1) in one pass: the pandas expression's kernels, fused (no temporaries). */
      @parameterize(spec)
      ratio(p: Float64Array, s: Float64Array): Float64Array {
        return fused((p, s) => div(p, add(abs(s), 1)), p, s);
      }
    }
    return Ratios;
  },
  mean3: (spec) => {
    class Mean3 { @parameterize(spec) mean3(p: Float64Array): Float64Array { return rollingMean(p, 3); } }
    return Mean3;
  },
  shift1: (spec) => {
    class Shift1 { @parameterize(spec) shift1(p: Float64Array): Float64Array { return shift(p, 1); } }
    return Shift1;
  },
  zscore: (spec) => {
    class ZScores { @parameterize(spec) zscore(p: Float64Array): Float64Array { return zscore(p); } }
    return ZScores;
  },
  mean7: (spec) => {
    class Mean7 { @parameterize(spec) mean7(p: Float64Array): Float64Array { return rollingMean(p, 7); } }
    return Mean7;
  },
  shift3: (spec) => {
    class Shift3 { @parameterize(spec) shift3(p: Float64Array): Float64Array { return shift(p, 3); } }
    return Shift3;
  },
  diff: (spec) => {
    class Diffs { @parameterize(spec) diff(p: Float64Array): Float64Array { return diff(p); } }
    return Diffs;
  },
  mean28: (spec) => {
    class Mean28 { @parameterize(spec) mean28(p: Float64Array): Float64Array { return rollingMean(p, 28); } }
    return Mean28;
  },
  shift7: (spec) => {
    class Shift7 { @parameterize(spec) shift7(p: Float64Array): Float64Array { return shift(p, 7); } }
    return Shift7;
  },
  clip: (spec) => {
    class Clips {
      /** clip(P, −3, 3) with NaN filled by 0, in one fused pass. */
      @parameterize(spec)
      clip(p: Float64Array): Float64Array {
        return fused((p) => fillNaN(clip(p, -3, 3), 0), p);
      }
    }
    return Clips;
  },
};

/**
 * The feature classes of W1 for the given features (one per kind present).
 *
 * @example
 * const dr = new Builder().withFeatures(...w1FeatureClasses(w1Features(100))).build();
 * const table = await dr.execute(outputNames(100), { inputs: generateRaw(1000) });
 */
export function w1FeatureClasses(features: readonly W1Feature[]): FeatureClass[] {
  const specs = new Map<Kind, ParameterizeSpec>();
  for (const f of features) {
    let spec = specs.get(f.kind);
    if (!spec) specs.set(f.kind, (spec = {}));
    spec[f.name] = f.kind === 'ratio'
      ? { p: source(columnName(f.p)), s: source(columnName(f.s)) }
      : { p: source(columnName(f.p)) };
  }
  return KINDS.filter((k) => specs.has(k)).map((k) => CLASS_OF_KIND[k](specs.get(k)!));
}
