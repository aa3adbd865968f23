/** The W1 tables of RESULTS.md: quiver against the floor and Hamilton, memory, framework cost, peers. */
import { cell, div, table, times } from './format';

// biome-ignore lint/suspicious/noExplicitAny: report tables read loosely-shaped benchmark JSON
type Rec = Record<string, any>;

const size = (r: Rec) => `${cell(r.features)} × ${cell(r.rows)}`;
const bySize = (a: Rec, b: Rec) => a.features * a.rows - b.features * b.rows || a.features - b.features;

function checksumCell(r: Rec): string {
  if (r.checksum_ok === true) return r.checksum_against?.startsWith('pandas') ? '✓ pandas' : '✓ floor';
  return r.checksum_ok === false ? `✗ ${r.quiver?.mismatch ?? ''}` : '—';
}

function mainTable(w1: Rec[]): string[] {
  return table(
    ['N × R', 'checksum', 'quiver build ms', 'quiver execute ms', 'quiver total ms best (median)', 'floor ms best (median)',
      'quiver · floor CPU ms', 'quiver ÷ floor best · median · CPU', 'Hamilton → DataFrame s', 'Hamilton ÷ quiver', 'numpy s',
      'numpy ÷ quiver wall · CPU', 'numpy ÷ floor wall · CPU'],
    w1.map((r) => {
      const numpyMs = (r.hamilton?.numpy_script_s ?? NaN) * 1000;
      return [
        size(r), checksumCell(r), cell(r.build_ms, 1), cell(r.execute_ms, 1),
        `${cell(r.total_ms, 1)} (${cell(r.total_ms_median, 1)})`, `${cell(r.floor_ms, 1)} (${cell(r.floor_ms_median, 1)})`,
        `${cell(r.cpu_ms, 1)} · ${cell(r.floor_cpu_ms, 1)}`,
        `${times(r.ratio_to_floor)} · ${times(r.ratio_to_floor_median)} · ${times(r.ratio_to_floor_cpu)}`,
        cell(r.hamilton?.hamilton_dataframe_s, 3), times(r.speedup_vs_hamilton_dataframe), cell(r.hamilton?.numpy_script_s, 3),
        `${times(r.speedup_vs_numpy)} · ${times(div(numpyMs, r.cpu_ms))}`, `${times(r.floor_speedup_vs_numpy)} · ${times(div(numpyMs, r.floor_cpu_ms))}`,
      ];
    }),
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
  return `${cell(p.ms?.compute.best, 1)} ms (${times(p.ratio_to_floor)})${p.separate_process ? ' †' : ''}`;
}

const polarsOf = (r: Rec): Rec | undefined =>
  Object.entries(r.peers ?? {}).find(([k]) => k.startsWith('polars'))?.[1] as Rec | undefined;

function peersTable(w1: Rec[]): string[] {
  return table(
    ['N × R', 'floor ms', 'quiver ms', 'polars ms (÷ floor)', 'polars CPU ms', 'arquero ms (÷ floor)', 'danfo: ratio + z-score features only, ms (÷ floor on the same)'],
    w1.map((r) => {
      const d = r.peers?.danfo;
      const danfo = d?.ms ? `${cell(d.ms.compute.best, 1)} (${times(div(d.ms.compute.best, d.extra?.floor_same_ops_ms))})` : peerCell(d, r.skipped?.danfo);
      return [
        size(r), cell(r.floor_ms, 1), cell(r.total_ms, 1), peerCell(polarsOf(r), r.skipped?.polars),
        cell(polarsOf(r)?.ms?.cpu.best, 0), peerCell(r.peers?.arquero, r.skipped?.arquero), danfo,
      ];
    }),
  );
}

/**
 * Fold a peers-only record (run in a process of its own, e.g. polars at 1,000 × 1M) into the
 * record of the same size that has quiver and the floor; its ratios use that record's floor and
 * are marked as measured in another process.
 */
function mergePeerOnly(records: Rec[]): Rec[] {
  const main = records.filter((r) => r.quiver);
  const rest = records.filter((r) => !r.quiver);
  for (const r of rest) {
    const host = main.find((m) => m.features === r.features && m.rows === r.rows);
    if (!host) {
      main.push(r);
      continue;
    }
    for (const [name, p] of Object.entries(r.peers ?? {}) as Array<[string, Rec]>) {
      host.peers = { ...host.peers, [name]: { ...p, ratio_to_floor: div(p.ms?.compute.best, host.floor_ms), separate_process: true } };
      if (host.skipped) delete host.skipped[name.split('-')[0]];
    }
  }
  return main;
}

/**
 * The W1 sections of RESULTS.md from the suite's records.
 *
 * @example
 * w1Tables(results).join('\n')
 */
export function w1Tables(results: Rec[]): string[] {
  const w1 = mergePeerOnly(results.filter((r) => r.scenario === 'w1' && !r.error)).sort(bySize);
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
    '† measured in a process of its own in the same suite run (two 8 GB heaps in one process would not fit beside the other users of the machine); its ratio uses the floor of the row\'s main process.',
    '',
  ];
}
