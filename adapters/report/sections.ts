/**
 * The run report's sections, each a pure function from facts to HTML.
 */
import type { QualityResult } from '../../src/quality/result';
import type { AdapterNote } from '../notes';
import { esc, formatMs, section, table, type Cell } from './html';
import type { ResultSummary } from './result-summary';
import { TIME_PALETTE } from './executed-graph';

const SHOWN_TIMINGS = 50;

function num(v: number | undefined): Cell {
  if (v === undefined) return '';
  if (Number.isNaN(v)) return { html: 'NaN', cls: 'num' };
  return { html: esc(Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toPrecision(6)))), cls: 'num' };
}

/**
 * Per-node times, slowest first, with a bar and the share of the total.
 *
 * @example
 * timingsSection(run.timings);
 */
export function timingsSection(timings: Readonly<Record<string, number>>, cached: readonly string[] = []): string {
  const fromCache = new Set(cached);
  const sorted = Object.entries(timings).sort((a, b) => b[1] - a[1]);
  if (sorted.length === 0) return section('timings', 'Time per node', '<p class="muted">No node ran.</p>');
  const total = sorted.reduce((s, [, ms]) => s + ms, 0);
  const slowest = sorted[0][1];
  const rows = (part: [string, number][]) =>
    part.map(([name, ms]): Cell[] => [
      fromCache.has(name) ? { html: `${esc(name)} <span class="badge cached">FROM CACHE</span>` } : name,
      { html: esc(formatMs(ms)), cls: 'num' },
      { html: total > 0 ? `${((100 * ms) / total).toFixed(1)}%` : '', cls: 'num' },
      { html: `<div class="bar" style="width:${slowest > 0 ? ((100 * ms) / slowest).toFixed(1) : 0}%"></div>` },
    ]);
  const headers = ['node', 'time', 'share', ''];
  const read = cached.length > 0 ? ` ${cached.length.toLocaleString('en-US')} of them were read from the cache.` : '';
  let body = `<p class="muted">${sorted.length.toLocaleString('en-US')} nodes ran for ${esc(formatMs(total))} in all.${read}</p>`;
  body += table('timings-table', headers, rows(sorted.slice(0, SHOWN_TIMINGS)));
  if (sorted.length > SHOWN_TIMINGS) {
    body += `<details><summary>${(sorted.length - SHOWN_TIMINGS).toLocaleString('en-US')} faster nodes</summary>${table('timings-rest', headers, rows(sorted.slice(SHOWN_TIMINGS)))}</details>`;
  }
  return section('timings', 'Time per node', body);
}

function qualityRows(results: readonly QualityResult[]): Cell[][] {
  return results.map((q) => {
    const status = q.passes ? 'pass' : q.importance === 'fail' ? 'fail' : 'warn';
    return [{ html: `<span class="badge ${status}">${status.toUpperCase()}</span>` }, q.node, q.check, q.importance, q.message];
  });
}

/**
 * Data-quality results: failures first (`fail`, then `warn`), passes folded away.
 *
 * @example
 * qualitySection(run.quality);
 */
export function qualitySection(quality: readonly QualityResult[]): string {
  if (quality.length === 0) return section('quality', 'Data quality', '<p class="muted">No data-quality check ran.</p>');
  const failed = quality.filter((q) => !q.passes);
  const ordered = [...failed.filter((q) => q.importance === 'fail'), ...failed.filter((q) => q.importance !== 'fail')];
  const passed = quality.filter((q) => q.passes);
  const headers = ['result', 'node', 'check', 'importance', 'message'];
  let body = `<p>${failed.length} failed, ${passed.length} passed.</p>`;
  if (ordered.length) body += table('quality-failures', headers, qualityRows(ordered), (i) => (ordered[i].importance === 'fail' ? 'fail' : 'warn'));
  if (passed.length) body += `<details${ordered.length ? '' : ' open'}><summary>${passed.length} passed checks</summary>${table('quality-passes', headers, qualityRows(passed))}</details>`;
  return section('quality', 'Data quality', body);
}

/**
 * Rows and columns of the result, with per-column statistics.
 *
 * @example
 * resultSection(summarizeResult(run.result));
 */
export function resultSection(summary: ResultSummary): string {
  if (summary.columns.length === 0) {
    return section('result', 'Result', `<p class="muted">${summary.kind === 'none' ? 'No result: the run did not finish.' : `The result is ${esc(summary.kind)}.`}</p>`);
  }
  const shape = `<p><b id="result-rows">${summary.rows === undefined ? '?' : summary.rows.toLocaleString('en-US')}</b> rows × <b id="result-columns">${summary.columns.length.toLocaleString('en-US')}</b> columns (${esc(summary.kind)})${summary.statsLimitedTo ? `; statistics for the first ${summary.statsLimitedTo.toLocaleString('en-US')} columns` : ''}.</p>`;
  const rows = summary.columns.map((c): Cell[] => [c.name, c.type, num(c.missing), num(c.min), num(c.max), num(c.mean)]);
  return section('result', 'Result', shape + table('result-table', ['column', 'type', 'missing', 'min', 'max', 'mean'], rows));
}

/**
 * Key/value tables: versions, config.
 *
 * @example
 * keyValueSection('config', 'Config', { window: 14 }, 'No config was given.');
 */
export function keyValueSection(id: string, title: string, values: Readonly<Record<string, unknown>>, empty: string): string {
  const entries = Object.entries(values);
  if (entries.length === 0) return section(id, title, `<p class="muted">${esc(empty)}</p>`);
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)) ?? String(v));
  return section(id, title, table(`${id}-table`, ['', ''], entries.map(([k, v]) => [k, show(v)])));
}

/**
 * The error that ended the run.
 *
 * @example
 * errorSection(new InputError('Missing input "spend"'));
 */
export function errorSection(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return `<section id="error" class="error"><h2>The run failed: ${esc(name)}</h2><pre>${esc(message)}</pre></section>`;
}

/**
 * Notes adapters left about the data (e.g. a column read as text).
 *
 * @example
 * notesSection(notes);
 */
export function notesSection(notes: readonly AdapterNote[]): string {
  if (notes.length === 0) return '';
  return section('notes', 'Notes on the data', table('notes-table', ['column', 'note'], notes.map((n) => [n.column, n.message])));
}

/**
 * The graph picture with its colour legend.
 *
 * @example
 * graphSection(svg, undefined);
 */
export function graphSection(svg: string | undefined, problem: string | undefined): string {
  const legend = `<p class="legend">time (light → slow): ${TIME_PALETTE.map((c) => `<span style="background:${c}">&nbsp;</span>`).join('')}
  <span style="border:3px solid #c62828">failed check / node</span><span style="border:3px solid #ef6c00">warning</span></p>`;
  const body = svg ? `${legend}<div class="graph">${svg}</div>` : `<p class="muted">The graph could not be drawn: ${esc(problem ?? 'unknown reason')}</p>`;
  return section('graph', 'Executed graph', body);
}
