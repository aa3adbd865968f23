/**
 * The W1 bench loop, all implementations in one process: each runs once cold (the warm-up; its
 * peak RSS and checksum are taken then), then `reps` rounds interleave every implementation, so a
 * busy machine slows them alike and their ratios stay fair. Times count only after the checksum
 * matched: pandas' reference where WORKLOAD.md gives one, else the floor's.
 *
 * Between warm reps the loop drops the last output and yields to the event loop (`between:
 * 'yield'`, the default): what a user's process does when it runs the job again. It does not force
 * a garbage collection there: a forced full GC (`between: 'gc'`, the `settle()` of the cold run)
 * makes V8 shrink the heap's allocation limits and age bytecode, so the next run pays concurrent
 * marking and re-tiering that no user run pays: at 5,000 × 10 it tripled quiver's time (see
 * benchmarks/RESULTS.md, "What a warm rep measures").
 */
import { bestAndMedian, peakRssMb, resetPeakRss, round, rssMb, settle } from '../harness/measure';
import { compareChecksum, type Checksum } from './checksum';
import type { RawInputs } from './generate';
import type { W1Impl, W1Output } from './impl';

/** What the loop found for one implementation. */
export interface ImplReport {
  name: string;
  note: string;
  unsupported: readonly string[];
  error?: string;
  checksum?: Checksum;
  checksum_ok?: boolean;
  checksum_against?: string;
  mismatch?: string;
  /**
   * Best and median per phase, for the total, and `cpu` (user + system CPU time of the whole run,
   * all threads: steadier than wall time on a shared machine), in ms; absent when the checksum
   * did not match.
   */
  ms?: Record<string, { best: number; median: number }>;
  samples_ms?: number[];
  samples_cpu_ms?: number[];
  cold_ms?: number;
  peak_rss_mb?: number;
  rss_before_mb?: number;
  extra?: Record<string, unknown>;
}

type Log = (msg: string) => void;

/** What happens between two warm reps: a yield to the event loop, or a forced GC and a sleep. */
export type Between = 'yield' | 'gc';

const yieldOnce = (): Promise<void> => new Promise((r) => setImmediate(r));

async function coldRun(impl: W1Impl, raw: RawInputs, report: ImplReport): Promise<void> {
  await settle();
  const resetOk = resetPeakRss();
  report.rss_before_mb = round(rssMb(), 0);
  let out: W1Output | undefined = await impl.run(raw);
  report.cold_ms = round(total(out.phases));
  if (resetOk) report.peak_rss_mb = round(peakRssMb(), 0);
  report.checksum = await out.checksum();
  report.extra = out.extra;
  out = undefined;
}

function total(phases: Record<string, number>): number {
  return Object.values(phases).reduce((a, b) => a + b, 0);
}

/**
 * Run every implementation cold, check its checksum, then `reps` interleaved warm rounds.
 * `floorChecksum` gives the truth where WORKLOAD.md has no reference and the floor is not run.
 *
 * @example
 * const features = w1Features(100);
 * const raw = generateRaw(1000);
 * const floorSum = () => checksumOf(floorW1(rawList(raw), features));
 * const reports = await benchW1(raw, [floorImpl(features)], referenceChecksum(100, 1000), floorSum, 3);
 * const settled = await benchW1(raw, [floorImpl(features)], undefined, floorSum, 3, () => {}, 'gc');
 */
export async function benchW1(
  raw: RawInputs,
  impls: readonly W1Impl[],
  reference: Checksum | undefined,
  floorChecksum: () => Checksum,
  reps: number,
  log: Log = () => {},
  between: Between = 'yield',
): Promise<ImplReport[]> {
  const reports = impls.map((i): ImplReport => ({ name: i.name, note: i.note, unsupported: i.unsupported }));
  for (let k = 0; k < impls.length; k++) {
    log(`cold ${impls[k].name}`);
    try {
      await coldRun(impls[k], raw, reports[k]);
    } catch (err) {
      reports[k].error = err instanceof Error ? err.message : String(err);
    }
  }
  const floor = reports.find((r) => r.name === 'floor' && r.checksum);
  const truth = reference ?? floor?.checksum ?? floorChecksum();
  const truthName = reference ? 'pandas reference (WORKLOAD.md)' : 'floor (no reference at this size)';
  for (let k = 0; k < impls.length; k++) {
    const r = reports[k];
    if (!r.checksum) continue;
    const own = impls[k].expected;
    const want = own ? await own() : truth;
    if (!want) continue;
    const cmp = compareChecksum(r.checksum, want);
    r.checksum_ok = cmp.ok;
    r.checksum_against = own ? 'floor on the same features' : truthName;
    if (!cmp.ok) r.mismatch = cmp.why;
  }
  const samples = impls.map((): Record<string, number>[] => []);
  // One variable, cleared before every rep: a suspended async frame can otherwise keep the last
  // run's outputs alive, and the next run would then fault in fresh memory instead of reusing it.
  let out: W1Output | undefined;
  for (let rep = 0; rep < reps; rep++) {
    for (let k = 0; k < impls.length; k++) {
      if (!reports[k].checksum_ok) continue;
      log(`rep ${rep + 1}/${reps} ${impls[k].name}`);
      out = undefined;
      await (between === 'gc' ? settle() : yieldOnce());
      const cpu0 = process.cpuUsage();
      out = await impls[k].run(raw);
      const cpu = process.cpuUsage(cpu0);
      samples[k].push({ ...out.phases, total: total(out.phases), cpu: (cpu.user + cpu.system) / 1000 });
      if (out.extra) reports[k].extra = mergeMin(reports[k].extra, out.extra);
    }
  }
  out = undefined;
  for (let k = 0; k < impls.length; k++) {
    if (samples[k].length === 0) continue;
    const ms: Record<string, { best: number; median: number }> = {};
    for (const phase of Object.keys(samples[k][0])) {
      const bm = bestAndMedian(samples[k].map((s) => s[phase]));
      ms[phase] = { best: round(bm.best, 3), median: round(bm.median, 3) };
    }
    reports[k].ms = ms;
    reports[k].samples_ms = samples[k].map((s) => round(s.total, 3));
    reports[k].samples_cpu_ms = samples[k].map((s) => round(s.cpu, 3));
  }
  return reports;
}

/** Keep the smallest of numeric extras over the reps (e.g. the floor time danfo measures). */
function mergeMin(a: Record<string, unknown> | undefined, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = typeof v === 'number' && typeof prev === 'number' ? round(Math.min(v, prev), 3) : typeof v === 'number' ? round(v, 3) : v;
  }
  return out;
}
