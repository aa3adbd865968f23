/**
 * Where W1's time goes by kind of feature: each of the ten feature methods quiver runs (the same
 * bodies as the W1 classes, called directly, no executor) against the floor's loop for that kind,
 * on `--rows` rows (default 1,000,000) of W1's raw inputs. Both allocate their output, as in W1.
 * Best of `--reps` (default 15) after a warm-up; the JSON gives ms per kind and the ratio.
 */
import { numberFlag } from '../harness/args';
import { bestAndMedian, round } from '../harness/measure';
import type { Scenario } from '../harness/scenario';
import { compareChecksum, checksumOf } from '../w1/checksum';
import { computeFeatureInto } from '../w1/floor';
import { generateRaw, rawList } from '../w1/generate';
import { w1FeatureClasses } from '../w1/quiver-features';
import { KINDS, w1Features } from '../w1/spec';

type Method = (p: Float64Array, s?: Float64Array) => Float64Array;

function best(fn: () => unknown, reps: number): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return bestAndMedian(ms).best;
}

const scenario: Scenario = {
  name: 'w1-kinds',
  description: "each W1 kind's feature method (quiver kernels) vs the floor's loop for it, ms per --rows (1M)",
  async run(args) {
    const rows = numberFlag(args, '--rows', 1_000_000);
    const reps = numberFlag(args, '--reps', 15);
    const cols = rawList(generateRaw(rows));
    const features = w1Features(40); // f_0 … f_39: one step of each kind; f_i for i < 4 read raw columns
    const classes = w1FeatureClasses(features);
    const cases = KINDS.map((kind, k) => {
      // The lane-0 feature of this kind, re-pointed at raw columns so every kind reads the same data.
      const f = { ...features[4 * k], p: 0, s: kind === 'ratio' ? 1 : -1 };
      const instance = new classes[k]() as Record<string, Method>;
      const method = () => instance[kind](cols[f.p], f.s >= 0 ? cols[f.s] : undefined);
      const floor = () => {
        const out = new Float64Array(rows);
        computeFeatureInto(f, cols, out);
        return out;
      };
      return { kind, method, floor };
    });
    // Warm every kind first, so no loop is measured while the JIT has seen only part of W1.
    for (let i = 0; i < 3; i++) for (const c of cases) { c.method(); c.floor(); }
    const kinds: Record<string, unknown> = {};
    let quiverSum = 0;
    let floorSum = 0;
    for (const { kind, method, floor } of cases) {
      const agree = compareChecksum(checksumOf([method()]), checksumOf([floor()])).ok;
      const q = best(method, reps);
      const h = best(floor, reps);
      quiverSum += q;
      floorSum += h;
      kinds[kind] = { quiver_ms: round(q, 3), floor_ms: round(h, 3), ratio: round(q / h, 2), agree };
    }
    return {
      rows,
      reps,
      kinds,
      all_ten_quiver_ms: round(quiverSum, 3),
      all_ten_floor_ms: round(floorSum, 3),
      all_ten_ratio: round(quiverSum / floorSum, 3),
    };
  },
};

export default scenario;
