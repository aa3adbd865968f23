/** Graph build and chain tables of RESULTS.md, the targets, and other scenarios' records as they came. */
import { cell, table, times } from './format';

// biome-ignore lint/suspicious/noExplicitAny: report tables read loosely-shaped benchmark JSON
type Rec = Record<string, any>;

function targets(results: Rec[]): string[] {
  const w1 = (n: number, r: number) => results.find((x) => x.scenario === 'w1' && x.features === n && x.rows === r);
  const big = w1(1000, 1_000_000);
  const over = w1(5000, 10);
  const build100k = results.find((x) => x.scenario === 'graph-build' && x.nodes === 100_000);
  const chain = results.find((x) => x.scenario === 'chain' && x.depth === 100_000);
  const mark = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'met' : '**missed**');
  const rows: string[][] = [
    ['quiver ≤ 1.3× floor at 1,000 × 1M (best and CPU)', `${times(big?.ratio_to_floor)} best · ${times(big?.ratio_to_floor_median)} median · ${times(big?.ratio_to_floor_cpu)} CPU`, mark(big ? big.ratio_to_floor <= 1.3 && big.ratio_to_floor_cpu <= 1.3 : undefined)],
  ];
  for (const [n, r] of [[5000, 10], [1000, 100_000], [5000, 100_000], [1000, 1_000_000]]) {
    const x = w1(n, r);
    const cpuRatio = x?.hamilton && x.cpu_ms ? (x.hamilton.numpy_script_s * 1000) / x.cpu_ms : undefined;
    rows.push([`as fast as numpy at ${cell(n)} × ${cell(r)} (wall or CPU)`, `numpy ÷ quiver ${times(x?.speedup_vs_numpy)} wall · ${times(cpuRatio)} CPU`, mark(x ? x.speedup_vs_numpy >= 1 || (cpuRatio ?? 0) >= 1 : undefined)]);
  }
  rows.push(
    ['overhead (5,000 × 10) ≤ 1 µs/node', `${cell(over?.per_node_us, 2)} µs/node (build ${cell(over?.build_per_node_us, 2)} + execute ${cell(over?.execute_per_node_us, 2)})`, mark(over ? over.per_node_us <= 1 : undefined)],
    ['100,000-node graph builds < 2 s', `${cell(build100k?.build_ms, 0)} ms best (cold ${cell(build100k?.build_cold_ms, 0)} ms)`, mark(build100k ? build100k.build_ms < 2000 : undefined)],
    ['100,000-deep chain runs', chain ? (chain.values_ok ? `runs, values right (${cell(chain.execute_ms, 0)} ms)` : `fails: ${chain.error}`) : '—', mark(chain?.values_ok)],
  );
  for (const [n, r] of [[1000, 100_000], [5000, 100_000], [1000, 1_000_000]]) {
    const x = w1(n, r);
    rows.push([`peak RSS ≤ 1.2× data at ${cell(n)} × ${cell(r)}`, times(x?.peak_rss_ratio), mark(x?.peak_rss_ratio != null ? x.peak_rss_ratio <= 1.2 : undefined)]);
  }
  return ['## Targets (issue 7)', '', ...table(['target', 'measured', ''], rows), ''];
}

function kindsTable(r: Rec): string[] {
  const rows = Object.entries(r.kinds as Record<string, Rec>).map(([kind, k]) => [
    kind, cell(k.quiver_ms, 2), cell(k.floor_ms, 2), times(k.ratio), k.agree ? '✓' : '✗',
  ]);
  rows.push(['**all ten**', cell(r.all_ten_quiver_ms, 2), cell(r.all_ten_floor_ms, 2), times(r.all_ten_ratio), '']);
  return [
    `## W1 by kind: the feature method (quiver kernels) vs the floor's loop, ${cell(r.rows)} rows, best of ${cell(r.reps)}`,
    '',
    ...table(['kind', 'quiver method ms', 'floor loop ms', 'ratio', 'same checksum'], rows),
    '',
  ];
}

/**
 * The scale sections of RESULTS.md.
 *
 * @example
 * scaleTables(results).join('\n')
 */
export function scaleTables(results: Rec[]): string[] {
  const builds = results.filter((r) => r.scenario === 'graph-build');
  const chains = results.filter((r) => r.scenario === 'chain');
  const kinds = results.find((r) => r.scenario === 'w1-kinds');
  const others = results.filter((r) => !['w1', 'graph-build', 'chain', 'w1-kinds'].includes(r.scenario));
  return [
    '## Graph build at scale (W1 graph)',
    '',
    ...table(
      ['nodes', 'define classes ms', 'build ms best (median; cold)', 'build µs/node', 'execute at 10 rows → table ms', '→ dict ms', 'peak RSS MiB', 'Hamilton build µs/node'],
      builds.map((r) => [
        cell(r.nodes), cell(r.define_classes_ms, 0), `${cell(r.build_ms, 0)} (${cell(r.build_ms_median, 0)}; ${cell(r.build_cold_ms, 0)})`,
        cell(r.build_per_node_us, 2), cell(r.execute_cold_ms, 0), cell(r.execute_dict_ms, 0), cell(r.peak_rss_mb), '25–30',
      ]),
    ),
    '',
    '## Deep chain',
    '',
    ...table(
      ['depth', 'runs', 'define ms', 'build ms', 'execute ms', 'µs/node', 'peak RSS MiB', 'Hamilton'],
      chains.map((r) => [cell(r.depth), r.values_ok ? 'yes, values right' : `no: ${r.error}`, cell(r.define_class_ms, 0), cell(r.build_ms, 0), cell(r.execute_ms, 0), cell(r.per_node_us, 2), cell(r.peak_rss_mb), 'RecursionError at 5,000']),
    ),
    '',
    ...(kinds ? kindsTable(kinds) : []),
    ...targets(results),
    ...(others.length === 0 ? [] : ['## Other scenarios (records as printed)', '', ...others.map((r) => '```json\n' + JSON.stringify(r) + '\n```'), '']),
  ];
}
