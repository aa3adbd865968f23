/**
 * What data-quality checks cost: W1 (../shared/bench/WORKLOAD.md) with and without a `range` and an
 * `allowNaNs` check on every feature. The budget (issue 4) is at most 10% more run time.
 *
 *   quiver   the W1 feature classes run through the Builder (`run()`, all N outputs), once as they
 *            are and once with `@checkOutput({ range, allowNaNs: false })` applied to every method;
 *            both runs must give W1's checksum, and every feature must report both checks.
 *   floor    the same checks (`runCheck` on each column right after the hand-written loop made it),
 *            against the floor alone: the checks' cost with no framework around them.
 *
 * Variants alternate and the best of `--reps` counts.
 *
 *   npm run bench -- checks [--features 1000] [--rows 100000] [--reps 3]
 */
import { Builder, checkOutput, normalizeCheckOptions, runCheck, validatorsFromOptions, type CheckOutputOptions, type QualityResult } from '../../src';
import { numberFlag } from '../harness/args';
import { bestAndMedian, round, settle } from '../harness/measure';
import { checksumOf, compareChecksum, type Checksum } from '../w1/checksum';
import { computeFeatureInto } from '../w1/floor';
import { generateRaw, rawList, type RawInputs } from '../w1/generate';
import { tableChecksum } from '../w1/quiver-impl';
import { w1FeatureClasses } from '../w1/quiver-features';
import { referenceChecksum } from '../w1/reference';
import { outputNames, w1Features, type W1Feature } from '../w1/spec';

/** Wide enough that every W1 value is inside: the range check does its whole pass and passes. */
const CHECKS: CheckOutputOptions = { range: [-1e9, 1e9], allowNaNs: false };

type FeatureClass = new () => object;

/** W1's classes with `@checkOutput(CHECKS)` applied to every method (fresh classes, not shared). */
function checkedClasses(features: readonly W1Feature[]): FeatureClass[] {
  const classes = w1FeatureClasses(features);
  for (const cls of classes) {
    for (const method of Object.getOwnPropertyNames(cls.prototype)) {
      if (method === 'constructor') continue;
      checkOutput(CHECKS)(cls.prototype, method, Object.getOwnPropertyDescriptor(cls.prototype, method));
    }
  }
  return classes;
}

/** One W1 run through quiver; returns its time, checksum and the quality results. */
async function quiverRun(classes: FeatureClass[], names: string[], raw: RawInputs): Promise<{ ms: number; cpuMs: number; checksum: Checksum; quality: QualityResult[] }> {
  const dr = new Builder().withFeatures(...classes).build();
  await settle();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await dr.run(names, { inputs: { ...raw } });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, checksum: tableChecksum(run.result as never, names), quality: run.quality };
}

/** The floor, optionally checking each column right after computing it. */
function floorRun(features: readonly W1Feature[], raw: RawInputs, check: boolean): { ms: number; checksum: Checksum; checkMs: number; columnsWithNaN: number } {
  const validators = validatorsFromOptions(normalizeCheckOptions(CHECKS, 'checks benchmark'));
  const cols = rawList(raw);
  const rows = cols[0].length;
  let checkMs = 0;
  const t0 = performance.now();
  for (const f of features) {
    const out = new Float64Array(rows);
    computeFeatureInto(f, cols, out);
    if (check) {
      const c0 = performance.now();
      for (const v of validators) runCheck(f.name, v, out);
      checkMs += performance.now() - c0;
    }
    cols.push(out);
  }
  const ms = performance.now() - t0;
  const outputs = cols.slice(4);
  return { ms, checkMs, checksum: checksumOf(outputs), columnsWithNaN: outputs.filter((c) => c.some((v) => v !== v)).length };
}

function verify(got: Checksum, want: Checksum, what: string): void {
  const cmp = compareChecksum(got, want);
  if (!cmp.ok) throw new Error(`checks benchmark: ${what} does not match W1's checksum: ${cmp.why}`);
}

const pct = (withChecks: number, without: number) => round((100 * (withChecks - without)) / without, 1);

export default {
  name: 'checks',
  description: 'W1 with vs without a range + allowNaNs check on every feature (quiver and floor); budget +10%',
  async run(args: string[]): Promise<Record<string, unknown>> {
    const n = numberFlag(args, '--features', 1000);
    const rows = numberFlag(args, '--rows', 100_000);
    const reps = Math.max(1, numberFlag(args, '--reps', 3));
    const features = w1Features(n);
    const names = outputNames(n);
    const raw = generateRaw(rows);
    const floor = floorRun(features, raw, false);
    const reference = referenceChecksum(n, rows) ?? floor.checksum;
    verify(floor.checksum, reference, 'the floor');

    const plain = w1FeatureClasses(features);
    const checked = checkedClasses(features);
    const q = { without: [] as number[], with: [] as number[], cpuWithout: [] as number[], cpuWith: [] as number[] };
    const f = { without: [] as number[], with: [] as number[], checks: [] as number[] };
    let quality: QualityResult[] = [];
    for (let r = 0; r < reps; r++) {
      const a = await quiverRun(plain, names, raw);
      verify(a.checksum, reference, 'quiver without checks');
      q.without.push(a.ms);
      q.cpuWithout.push(a.cpuMs);
      const b = await quiverRun(checked, names, raw);
      verify(b.checksum, reference, 'quiver with checks');
      q.with.push(b.ms);
      q.cpuWith.push(b.cpuMs);
      quality = b.quality;
      await settle();
      const c = floorRun(features, raw, false);
      f.without.push(c.ms);
      await settle();
      const d = floorRun(features, raw, true);
      verify(d.checksum, reference, 'floor with checks');
      f.with.push(d.ms);
      f.checks.push(d.checkMs);
    }
    if (quality.length !== 2 * n) throw new Error(`checks benchmark: expected ${2 * n} quality results, got ${quality.length}.`);
    const nanFailures = quality.filter((x) => x.check === 'allowNaNs' && !x.passes).length;
    if (nanFailures !== floor.columnsWithNaN || quality.some((x) => x.check === 'range' && !x.passes)) {
      throw new Error(`checks benchmark: allowNaNs failed on ${nanFailures} features, but ${floor.columnsWithNaN} hold NaN (and range must pass everywhere).`);
    }
    const qWithout = bestAndMedian(q.without).best;
    const qWith = bestAndMedian(q.with).best;
    const cpuWithout = bestAndMedian(q.cpuWithout).best;
    const cpuWith = bestAndMedian(q.cpuWith).best;
    const fWithout = bestAndMedian(f.without).best;
    const fWith = bestAndMedian(f.with).best;
    const checksMs = bestAndMedian(f.checks).best;
    return {
      features: n,
      rows,
      reps,
      checks: CHECKS,
      quiver_run_ms_without_checks: round(qWithout),
      quiver_run_ms_with_checks: round(qWith),
      quiver_overhead_pct: pct(qWith, qWithout),
      quiver_cpu_ms_without_checks: round(cpuWithout),
      quiver_cpu_ms_with_checks: round(cpuWith),
      quiver_cpu_overhead_pct: pct(cpuWith, cpuWithout),
      quiver_run_ms_samples: { without: q.without.map((x) => round(x)), with: q.with.map((x) => round(x)) },
      floor_ms_without_checks: round(fWithout),
      floor_ms_with_checks: round(fWith),
      floor_overhead_pct: pct(fWith, fWithout),
      validators_ms: round(checksMs),
      validator_ns_per_value: round((1e6 * checksMs) / (2 * n * rows), 3),
      failing_checks: quality.filter((x) => !x.passes).length,
      failing_checks_by_name: Object.fromEntries(['range', 'allowNaNs'].map((c) => [c, quality.filter((x) => x.check === c && !x.passes).length])),
      budget_pct: 10,
      within_budget: pct(qWith, qWithout) <= 10,
    };
  },
};
