/**
 * What data-quality checks cost: W1 (../shared/bench/WORKLOAD.md) with and without a `range` and an
 * `allowNaNs` check on every feature. The budget (issue 4) is at most 10% more run time.
 *
 *   quiver   the W1 feature classes through the Builder (`run()`, all N outputs) in three variants:
 *            as they are; with two no-op `@checkOutputCustom` validators per feature (what the
 *            check nodes cost the executor); with `@checkOutput({ range, allowNaNs: false })` on
 *            every method. Every run must give W1's checksum; the checked run must report both
 *            checks on every feature, allowNaNs failing exactly on the features that hold NaN.
 *   floor    the hand-written W1 loops, then the same two validators (`runCheck`) on each column
 *            right after it is made: the validators' own cost, with no framework around them.
 *
 * The floor runs first, then the three quiver variants alternate within each repetition; the best
 * of `--reps` counts (the machine is shared: medians are reported too).
 *
 *   npm run bench -- checks [--features 1000] [--rows 100000] [--reps 5]
 */
import { Builder, checkOutput, checkOutputCustom, type CheckOutputOptions, type QualityResult, type Validator } from '../../src';
import { normalizeCheckOptions, runCheck, validatorsFromOptions } from '../../src/quality';
import { numberFlag } from '../harness/args';
import { bestAndMedian, round, settle } from '../harness/measure';
import { checksumOf, compareChecksum, type Checksum } from '../w1/checksum';
import { computeFeatureInto } from '../w1/floor';
import { generateRaw, rawList, type RawInputs } from '../w1/generate';
import { tableChecksum } from '../w1/quiver-impl';
import { w1FeatureClasses } from '../w1/quiver-features';
import { referenceChecksum } from '../w1/reference';
import { outputNames, w1Features, type W1Feature } from '../w1/spec';

/** Wide enough that every W1 value is inside: range passes everywhere; allowNaNs fails where NaN is. */
const CHECKS: CheckOutputOptions = { range: [-1e9, 1e9], allowNaNs: false };
const noop = (name: string): Validator => ({ name, description: 'does nothing', validate: () => ({ passes: true, message: 'ok' }) });
const NOOPS = [noop('noopA'), noop('noopB')];

type FeatureClass = new () => object;
type Variant = 'plain' | 'noop' | 'checked';

/** W1's classes (fresh ones), with a decorator applied to every method after the fact. */
function w1Classes(features: readonly W1Feature[], variant: Variant): FeatureClass[] {
  const classes = w1FeatureClasses(features);
  if (variant === 'plain') return classes;
  const decorate = variant === 'noop' ? checkOutputCustom(...NOOPS) : checkOutput(CHECKS);
  for (const cls of classes) {
    for (const method of Object.getOwnPropertyNames(cls.prototype)) {
      if (method !== 'constructor') decorate(cls.prototype, method, Object.getOwnPropertyDescriptor(cls.prototype, method));
    }
  }
  return classes;
}

interface Timed { ms: number; cpuMs: number }

async function quiverRun(classes: FeatureClass[], names: string[], raw: RawInputs, want: Checksum): Promise<Timed & { quality: QualityResult[] }> {
  const dr = new Builder().withFeatures(...classes).build();
  await settle();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await dr.run(names, { inputs: { ...raw } });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  verify(tableChecksum(run.result as never, names), want, 'quiver');
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, quality: run.quality };
}

/** The floor; with `check`, the two validators run on each column right after it is made. */
function floorRun(features: readonly W1Feature[], raw: RawInputs, check: boolean): Timed & { checkMs: number; outputs: Float64Array[] } {
  const validators = validatorsFromOptions(normalizeCheckOptions(CHECKS, 'checks benchmark'));
  const cols = rawList(raw);
  const rows = cols[0].length;
  let checkMs = 0;
  const cpu0 = process.cpuUsage();
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
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, checkMs, outputs: cols.slice(4) };
}

function verify(got: Checksum, want: Checksum, what: string): void {
  const cmp = compareChecksum(got, want);
  if (!cmp.ok) throw new Error(`checks benchmark: ${what} does not match W1's checksum: ${cmp.why}`);
}

function verifyQuality(quality: readonly QualityResult[], n: number, columnsWithNaN: number): void {
  const nanFailures = quality.filter((r) => r.check === 'allowNaNs' && !r.passes).length;
  const rangeFailures = quality.filter((r) => r.check === 'range' && !r.passes).length;
  if (quality.length !== 2 * n || nanFailures !== columnsWithNaN || rangeFailures !== 0) {
    throw new Error(`checks benchmark: expected ${2 * n} results with allowNaNs failing on the ${columnsWithNaN} features that hold NaN and range passing everywhere; got ${quality.length} results, ${nanFailures} allowNaNs and ${rangeFailures} range failures.`);
  }
}

const pct = (more: number, base: number) => round((100 * (more - base)) / base, 1);
const summary = (xs: number[]) => {
  const { best, median } = bestAndMedian(xs);
  return { best: round(best), median: round(median) };
};

export default {
  name: 'checks',
  description: 'W1 with vs without a range + allowNaNs check on every feature (quiver and floor); budget +10%',
  async run(args: string[]): Promise<Record<string, unknown>> {
    const n = numberFlag(args, '--features', 1000);
    const rows = numberFlag(args, '--rows', 100_000);
    const reps = Math.max(1, numberFlag(args, '--reps', 5));
    const features = w1Features(n);
    const names = outputNames(n);
    const raw = generateRaw(rows);
    const first = floorRun(features, raw, false);
    const want = referenceChecksum(n, rows) ?? checksumOf(first.outputs);
    verify(checksumOf(first.outputs), want, 'the floor');
    const columnsWithNaN = first.outputs.filter((c) => c.some((v) => v !== v)).length;

    const variants: Variant[] = ['plain', 'noop', 'checked'];
    const classes = Object.fromEntries(variants.map((v) => [v, w1Classes(features, v)])) as Record<Variant, FeatureClass[]>;
    const wall: Record<string, number[]> = { plain: [], noop: [], checked: [], floor: [], floorChecked: [], validators: [] };
    const cpu: Record<string, number[]> = { plain: [], noop: [], checked: [] };
    // The floor first, while the heap is small: once quiver has run, every later pass in this
    // process pays more for garbage collection, which would be charged to the validators.
    for (let r = 0; r < reps; r++) {
      await settle();
      wall.floor.push(floorRun(features, raw, false).ms);
      await settle();
      const checked = floorRun(features, raw, true);
      wall.floorChecked.push(checked.ms);
      wall.validators.push(checked.checkMs);
    }
    for (let r = 0; r < reps; r++) {
      for (const v of variants) {
        const run = await quiverRun(classes[v], names, raw, want);
        wall[v].push(run.ms);
        cpu[v].push(run.cpuMs);
        if (v === 'checked') verifyQuality(run.quality, n, columnsWithNaN);
      }
    }
    const best = (k: string) => bestAndMedian(wall[k]).best;
    const bestCpu = (k: string) => bestAndMedian(cpu[k]).best;
    return {
      features: n,
      rows,
      reps,
      checks: CHECKS,
      quiver_run_ms: { without_checks: summary(wall.plain), noop_checks: summary(wall.noop), with_checks: summary(wall.checked) },
      quiver_cpu_ms: { without_checks: summary(cpu.plain), noop_checks: summary(cpu.noop), with_checks: summary(cpu.checked) },
      quiver_overhead_pct: pct(best('checked'), best('plain')),
      quiver_cpu_overhead_pct: pct(bestCpu('checked'), bestCpu('plain')),
      check_nodes_overhead_pct: pct(best('noop'), best('plain')),
      floor_ms: { without_checks: summary(wall.floor), with_checks: summary(wall.floorChecked) },
      validators_ms: summary(wall.validators),
      validators_pct_of_quiver_run: round((100 * best('validators')) / best('plain'), 1),
      validator_ns_per_value: round((1e6 * best('validators')) / (n * rows), 3),
      features_with_nan: columnsWithNaN,
      budget_pct: 10,
      within_budget: pct(best('checked'), best('plain')) <= 10,
    };
  },
};
