/**
 * What `readOnlyInputs()` costs: W1 (../shared/bench/WORKLOAD.md) through the Builder with and
 * without the adapter (every node's arguments fingerprinted before and after it runs). Both runs
 * must give W1's checksum. The two variants alternate within each repetition; best and median of
 * `--reps` are reported (the machine is shared).
 *
 *   npm run bench -- read-only-inputs [--features 1000] [--rows 100000] [--reps 5]
 */
import { Builder, readOnlyInputs } from '../../src';
import { numberFlag } from '../harness/args';
import { bestAndMedian, round, settle } from '../harness/measure';
import type { Scenario } from '../harness/scenario';
import { checksumOf, compareChecksum, type Checksum } from '../w1/checksum';
import { computeFeatureInto } from '../w1/floor';
import { generateRaw, rawList, type RawInputs } from '../w1/generate';
import { tableChecksum } from '../w1/quiver-impl';
import { w1FeatureClasses } from '../w1/quiver-features';
import { referenceChecksum } from '../w1/reference';
import { outputNames, w1Features } from '../w1/spec';

async function timed(dr: { run(names: string[], o: object): Promise<{ result: unknown }> }, names: string[], raw: RawInputs, want: Checksum): Promise<number> {
  await settle();
  const t0 = performance.now();
  const run = await dr.run(names, { inputs: { ...raw } });
  const ms = performance.now() - t0;
  const cmp = compareChecksum(tableChecksum(run.result as never, names), want);
  if (!cmp.ok) throw new Error(`read-only-inputs benchmark: result does not match W1's checksum: ${cmp.why}`);
  return ms;
}

const scenario: Scenario = {
  name: 'read-only-inputs',
  description: 'W1 with vs without readOnlyInputs() (every argument fingerprinted before/after each node)',
  async run(args) {
    const n = numberFlag(args, '--features', 1000);
    const rows = numberFlag(args, '--rows', 100_000);
    const reps = Math.max(1, numberFlag(args, '--reps', 5));
    const features = w1Features(n);
    const names = outputNames(n);
    const raw = generateRaw(rows);
    const cols = rawList(raw);
    for (const f of features) {
      const out = new Float64Array(rows);
      computeFeatureInto(f, cols, out);
      cols.push(out);
    }
    const want = referenceChecksum(n, rows) ?? checksumOf(cols.slice(4));
    const plain = new Builder().withFeatures(...w1FeatureClasses(features)).withAdapters(readOnlyInputs({ enabled: false })).build();
    const checked = new Builder().withFeatures(...w1FeatureClasses(features)).withAdapters(readOnlyInputs()).build();
    const wall = { plain: [] as number[], checked: [] as number[] };
    await timed(plain, names, raw, want); // warm-up
    await timed(checked, names, raw, want);
    for (let r = 0; r < reps; r++) {
      wall.plain.push(await timed(plain, names, raw, want));
      wall.checked.push(await timed(checked, names, raw, want));
    }
    const p = bestAndMedian(wall.plain);
    const c = bestAndMedian(wall.checked);
    return {
      features: n,
      rows,
      reps,
      run_ms: { without: { best: round(p.best), median: round(p.median) }, with_read_only_inputs: { best: round(c.best), median: round(c.median) } },
      overhead_pct: round((100 * (c.best - p.best)) / p.best, 1),
      overhead_ratio: round(c.best / p.best, 3),
    };
  },
};

export default scenario;
