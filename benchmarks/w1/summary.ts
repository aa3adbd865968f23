/**
 * The one JSON record of a W1 run: quiver's checksum and timings at the top (the required
 * fields), the floor and Hamilton beside them as ratios, and every implementation's full report.
 */
import { mib, round } from '../harness/measure';
import type { ImplReport } from './bench';
import type { Checksum } from './checksum';
import { hamiltonFigures, HAMILTON_OVERHEAD_US } from './reference';

export interface W1RunFacts {
  n: number;
  r: number;
  reps: number;
  /** What ran between warm reps (see benchW1). */
  between?: 'yield' | 'gc';
  reference: Checksum | undefined;
  reports: ImplReport[];
  skipped: Record<string, string>;
  generateMs: number;
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? round(a / b, 3) : null;

/**
 * Shape the W1 record.
 *
 * @example
 * summarizeW1({ n: 100, r: 1000, reps: 3, reference, reports, skipped: {}, generateMs: 1 }).checksum_ok  // true
 */
export function summarizeW1(facts: W1RunFacts): Record<string, unknown> {
  const { n, r, reports } = facts;
  const by = (name: string) => reports.find((x) => x.name === name);
  const q = by('quiver');
  const floor = by('floor');
  const main = q?.checksum ? q : floor;
  const ham = hamiltonFigures(n, r);
  const dataBytes = 8 * r * (4 + n);
  const qTotal = q?.ms?.total;
  const fTotal = floor?.ms?.compute;
  const record: Record<string, unknown> = {
    features: n,
    rows: r,
    reps: facts.reps,
    between_reps: facts.between ?? 'yield',
    checksum: main?.checksum?.checksum ?? null,
    checksum_abs: main?.checksum?.checksum_abs ?? null,
    nan_count: main?.checksum?.nan_count ?? null,
    checksum_of: main?.name ?? null,
    checksum_ok: main?.checksum_ok ?? null,
    checksum_against: main?.checksum_against ?? null,
    reference: facts.reference ?? null,
    build_ms: q?.ms?.build.best ?? null,
    build_ms_median: q?.ms?.build.median ?? null,
    execute_ms: q?.ms?.execute.best ?? null,
    execute_ms_median: q?.ms?.execute.median ?? null,
    total_ms: qTotal?.best ?? null,
    total_ms_median: qTotal?.median ?? null,
    floor_ms: fTotal?.best ?? null,
    floor_ms_median: fTotal?.median ?? null,
    ratio_to_floor: ratio(qTotal?.best, fTotal?.best),
    ratio_to_floor_median: ratio(qTotal?.median, fTotal?.median),
    cpu_ms: q?.ms?.cpu.best ?? null,
    // The first run in a fresh process (code not yet compiled, memory not yet touched): what a
    // one-shot script pays. The figures above are warm reps, what a long-lived process pays.
    cold_ms: q?.cold_ms ?? null,
    floor_cold_ms: floor?.cold_ms ?? null,
    floor_cpu_ms: floor?.ms?.cpu.best ?? null,
    ratio_to_floor_cpu: ratio(q?.ms?.cpu.best, floor?.ms?.cpu.best),
    per_node_us: qTotal ? round((qTotal.best * 1000) / n, 3) : null,
    build_per_node_us: q?.ms ? round((q.ms.build.best * 1000) / n, 3) : null,
    execute_per_node_us: q?.ms ? round((q.ms.execute.best * 1000) / n, 3) : null,
    peak_rss_mb: q?.peak_rss_mb ?? null,
    data_mb: round(mib(dataBytes), 1),
    peak_rss_ratio: q?.peak_rss_mb !== undefined ? round(q.peak_rss_mb / mib(dataBytes), 3) : null,
    floor_peak_rss_mb: floor?.peak_rss_mb ?? null,
    hamilton: ham ?? null,
    hamilton_overhead_us: HAMILTON_OVERHEAD_US,
    speedup_vs_hamilton_dataframe: ham && qTotal ? round((ham.hamilton_dataframe_s * 1000) / qTotal.best, 2) : null,
    speedup_vs_numpy: ham && qTotal ? round((ham.numpy_script_s * 1000) / qTotal.best, 3) : null,
    floor_speedup_vs_numpy: ham && fTotal ? round((ham.numpy_script_s * 1000) / fTotal.best, 3) : null,
    rss_ratio_vs_hamilton: ham && q?.peak_rss_mb ? round(q.peak_rss_mb / ham.peak_rss_mb, 3) : null,
    peers: Object.fromEntries(
      reports
        .filter((x) => !['quiver', 'floor', 'quiver-dict', 'quiver-threads'].includes(x.name))
        .map((x) => [x.name, { ratio_to_floor: ratio(x.ms?.compute.best, fTotal?.best), ...x }]),
    ),
    skipped: facts.skipped,
    generate_ms: round(facts.generateMs),
    quiver_dict_execute_ms: by('quiver-dict')?.ms?.execute.best ?? null,
    quiver_dict_total_ms: by('quiver-dict')?.ms?.total.best ?? null,
    speedup_vs_hamilton_dict: ham && by('quiver-dict')?.ms ? round((ham.hamilton_dict_s * 1000) / by('quiver-dict')!.ms!.total.best, 2) : null,
    quiver: q ?? null,
    quiver_dict: by('quiver-dict') ?? null,
    quiver_threads: by('quiver-threads') ?? null,
    threads_speedup_vs_inline: ratio(qTotal?.best, by('quiver-threads')?.ms?.total.best),
    threads_speedup_vs_inline_median: ratio(qTotal?.median, by('quiver-threads')?.ms?.total.median),
    floor: floor ?? null,
  };
  if (q?.error) record.quiver_error = q.error;
  return record;
}
