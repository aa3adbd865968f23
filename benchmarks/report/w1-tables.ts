/** The W1 tables of RESULTS.md: quiver against the floor and Hamilton, memory, framework cost, peers. */
import { cell, div, table, times } from './format';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const size = (r: Rec) => `${cell(r.features)} × ${cell(r.rows)}`;
const bySize = (a: Rec, b: Rec) => a.features * a.rows - b.features * b.rows || a.features - b.features;

function checksumCell(r: Rec): string {
  if (r.checksum_ok === true) return r.checksum_against?.startsWith('pandas') ? '✓ pandas' : '✓ floor';
  return r.checksum_ok === false ? `✗ ${r.quiver?.mismatch ?? ''}` : '—';
}

function mainTable(w1: Rec[]): string[] {
  return table(
    ['N × R', 'checksum', 'quiver build ms', 'quiver execute ms', 'quiver total ms best (median)', 'floor ms best (median)',
      'quiver ÷ floor best · median · CPU', 'Hamilton → DataFrame s', 'Hamilton ÷ quiver', 'numpy s', 'numpy ÷ quiver', 'numpy ÷ floor'],
    w1.map((r) => [
      size(r), checksumCell(r), cell(r.build_ms, 1), cell(r.execute_ms, 1),
      `${cell(r.total_ms, 1)} (${cell(r.total_ms_median, 1)})`, `${cell(r.floor_ms, 1)} (${cell(r.floor_ms_median, 1)})`,
      `${times(r.ratio_to_floor)} · ${times(r.ratio_to_floor_median)} · ${times(r.ratio_to_floor_cpu)}`,
      cell(r.hamilton?.hamilton_dataframe_s, 3), times(r.speedup_vs_hamilton_dataframe),
      cell(r.hamilton?.numpy_script_s, 3), times(r.speedup_vs_numpy), times(r.floor_speedup_vs_numpy),
    ]),
  );
}

function memoryTable(w1: Rec[]): string[] {
  return table(
    ['N × R', 'inputs + outputs MiB', 'quiver peak RSS MiB', 'quiver ÷ data', 'floor peak RSS MiB', 'floor ÷ data', 'Hamilton peak RSS MB', 'quiver ÷ Hamilton'],
    w1.map((r) => [
      size(r), cell(r.data_mb, 1), cell(r.peak_rss_mb), times(r.peak_rss_ratio), cell(r.floor_peak_rss_mb),
      times(div(r.floor_peak_rss_mb, r.data_mb)), cell(r.hamilton?.peak_rss_mb), times(r.rss_ratio_vs_hamilton),
    ]),
  );
}

function overheadTable(w1: Rec[]): string[] {
  return table(
    ['N × R', 'build µs/node', 'execute µs/node (→ table)', 'execute µs/node (→ dict)', 'total µs/node', 'quiver → dict total ms', 'Hamilton → dict s', 'Hamilton ÷ quiver → dict'],
    w1.map((r) => [
      size(r), cell(r.build_per_node_us, 2), cell(r.execute_per_node_us, 2),
      cell(div((r.quiver_dict_execute_ms ?? NaN) * 1000, r.features), 2), cell(r.per_node_us, 2),
      cell(r.quiver_dict_total_ms, 1), cell(r.hamilton?.hamilton_dict_s, 3), times(r.speedup_vs_hamilton_dict),
    ]),
  );
}

function peerCell(p: Rec | undefined, skipped: string | undefined): string {
  if (!p) return skipped ? 'skipped (size budget)' : '—';
  if (p.error) return `error: ${p.error}`;
  if (p.checksum_ok === false) return `✗ checksum (${p.mismatch})`;
  return `${cell(p.ms?.compute.best, 1)} ms (${times(p.ratio_to_floor)})`;
}

function peersTable(w1: Rec[]): string[] {
  return table(
    ['N × R', 'floor ms', 'quiver ms', 'polars (eager) ms (÷ floor)', 'polars CPU ms', 'arquero ms (÷ floor)', 'danfo: ratio + z-score features only, ms (÷ floor on the same)'],
    w1.map((r) => {
      const d = r.peers?.danfo;
      const danfo = d?.ms ? `${cell(d.ms.compute.best, 1)} (${times(div(d.ms.compute.best, d.extra?.floor_same_ops_ms))})` : peerCell(d, r.skipped?.danfo);
      return [
        size(r), cell(r.floor_ms, 1), cell(r.total_ms, 1), peerCell(r.peers?.['polars-eager'], r.skipped?.polars),
        cell(r.peers?.['polars-eager']?.ms?.cpu.best, 0), peerCell(r.peers?.arquero, r.skipped?.arquero), danfo,
      ];
    }),
  );
}

/**
 * The W1 sections of RESULTS.md from the suite's records.
 *
 * @example
 * w1Tables(results).join('\n')
 */
export function w1Tables(results: Rec[]): string[] {
  const w1 = results.filter((r) => r.scenario === 'w1' && !r.error).sort(bySize);
  const failed = results.filter((r) => r.scenario === 'w1' && r.error);
  return [
    '## W1: quiver against the hand-written floor and Hamilton',
    '',
    'Times are best of the warm rounds (median in brackets) after one cold run; all implementations of a row ran interleaved in one process. ' +
      '"CPU" compares user + system CPU time, which a busy machine disturbs less than wall time. Hamilton and numpy figures are WORKLOAD.md\'s (seconds).',
    '',
    ...mainTable(w1),
    ...failed.map((r) => `\n**${(r.args as string[]).join(' ')} failed:** ${String(r.error)}`),
    '',
    '### Memory: peak RSS of the cold run against the bytes of inputs + outputs',
    '',
    ...memoryTable(w1),
    '',
    '### Framework cost per node',
    '',
    ...overheadTable(w1),
    '',
    '### Peers (same process, same run)',
    '',
    ...peersTable(w1),
    '',
  ];
}
