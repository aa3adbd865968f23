/**
 * danfo.js on the part of W1 it can express. danfo has no rolling window, no shift and no clip,
 * and its `DataFrame.diff` computes through tfjs in float32 (1001.987654321 − 1000.123456789
 * comes out 1.86419677734375), so it cannot run W1. What it can do in float64 — ratios
 * (`div`, `abs`, `add`) and z-scores (`sub`, `mean`, `div`, `std` with ddof 1, NaN skipped) — is
 * timed on the same inputs those features read in W1 (made by the floor, outside the timing),
 * next to the floor's loops for the same features in the same run.
 */
import { ChecksumAccumulator, checksumOf, type Checksum } from '../checksum';
import { computeFeatureInto, floorW1 } from '../floor';
import { rawList, type RawInputs } from '../generate';
import type { W1Impl } from '../impl';
import { columnName, type W1Feature } from '../spec';

interface DfSeries {
  values: ArrayLike<number>;
  abs(): DfSeries;
  add(x: number | DfSeries): DfSeries;
  sub(x: number | DfSeries): DfSeries;
  div(x: number | DfSeries): DfSeries;
  mean(): number;
  std(): number;
}
interface Danfo {
  Series: new (values: number[]) => DfSeries;
}

function loadDanfo(): Danfo {
  return require('danfojs-node') as Danfo;
}

const SUPPORTED = new Set(['ratio', 'zscore']);

/** W1 ops danfo.js 1.2 cannot express in float64. */
export const DANFO_UNSUPPORTED = [
  'rolling mean (no rolling window)',
  'shift (no shift)',
  'diff (DataFrame.diff computes in float32 through tfjs)',
  'clip (no clip)',
];

/**
 * danfo.js timing the ratio and z-score features of W1 against the floor's loops for the same
 * features; its checksum covers those features only.
 *
 * @example
 * const impl = danfoImpl(w1Features(100), generateRaw(1000));
 * const out = await impl.run(generateRaw(1000));
 */
export function danfoImpl(features: readonly W1Feature[], raw: RawInputs): W1Impl {
  const subset = features.filter((f) => SUPPORTED.has(f.kind));
  // The inputs of the timed features, made on first use so they do not weigh on others' peak RSS.
  let cols: Float64Array[] | undefined;
  const inputs = () => (cols ??= [...rawList(raw), ...floorW1(rawList(raw), features)]);
  let series: Map<number, DfSeries> | undefined;
  return {
    name: 'danfo',
    unsupported: DANFO_UNSUPPORTED,
    note: `only the ${subset.length} ratio and z-score features (of ${features.length}), from danfo Series built outside the timing; floor_same_ops_ms is the floor on the same features`,
    expected: async () => checksumOf(subset.map((f) => inputs()[4 + f.index])),
    async run() {
      const dfd = loadDanfo();
      const cols = inputs();
      series ??= seriesOfInputs(dfd, subset, cols);
      const t0 = performance.now();
      const outs: ArrayLike<number>[] = [];
      for (const f of subset) {
        const p = series.get(f.p)!;
        try {
          if (f.kind === 'ratio') outs.push(p.div(series.get(f.s)!.abs().add(1)).values);
          else outs.push(p.sub(p.mean()).div(p.std()).values);
        } catch (err) {
          const nans = Array.from(cols[f.p]).every((v) => v !== v) ? ' (its input is all NaN)' : '';
          throw new Error(`danfo failed on ${f.name} = ${f.kind}(${columnName(f.p)})${nans}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      const ms = performance.now() - t0;
      const t1 = performance.now();
      for (const f of subset) computeFeatureInto(f, cols, new Float64Array(cols[0].length));
      const floorMs = performance.now() - t1;
      return {
        phases: { compute: ms },
        extra: { floor_same_ops_ms: floorMs, features_timed: subset.length },
        checksum: async (): Promise<Checksum> => {
          const acc = new ChecksumAccumulator();
          for (const o of outs) acc.add(o);
          return acc.result();
        },
      };
    },
  };
}

function seriesOfInputs(dfd: Danfo, subset: readonly W1Feature[], cols: readonly Float64Array[]): Map<number, DfSeries> {
  const m = new Map<number, DfSeries>();
  for (const f of subset) {
    for (const c of f.kind === 'ratio' ? [f.p, f.s] : [f.p]) {
      if (!m.has(c)) m.set(c, new dfd.Series(Array.from(cols[c])));
    }
  }
  return m;
}
