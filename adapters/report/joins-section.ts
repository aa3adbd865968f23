/**
 * The run report's "Point-in-time joins" section: per exogenous table joined as of each row's
 * time, how it matched (on, by, tolerance, prefix), the columns it brought, and how many rows
 * found nothing — with a bar of the matched share, so a join that silently matched little shows.
 */
import type { JoinSummary } from '../../src/timeseries/frame-joins';
import { esc, formatMs, section, table, type Cell } from './html';

/** One join as the report shows it: what the join did, and `name` to label the table. */
export interface JoinReport extends JoinSummary {
  /** The table's name, e.g. its file (default "join 1", "join 2", …). */
  readonly name?: string;
}

const DAY = 86_400_000;

function toleranceText(ms: number | undefined): string {
  if (ms === undefined) return 'none';
  if (ms > 0 && ms % DAY === 0) return `${ms / DAY} D`;
  return formatMs(ms);
}

/**
 * The section; empty when no table was joined.
 *
 * @example
 * joinsSection(frame.joins.map((j, i) => ({ ...j, name: ['sp500.csv', 'us-employment.csv'][i] })));
 */
export function joinsSection(joins: readonly JoinReport[]): string {
  if (joins.length === 0) return '';
  const count = (n: number) => n.toLocaleString('en-US');
  const rows = joins.map((j, i): Cell[] => {
    const matched = j.rows - j.unmatched;
    const share = j.rows > 0 ? (100 * matched) / j.rows : 0;
    const shown = j.columns.slice(0, 6).join(', ') + (j.columns.length > 6 ? `, … (${j.columns.length})` : '');
    return [
      j.name ?? `join ${i + 1}`,
      j.on,
      j.by.length > 0 ? j.by.join(', ') : '—',
      toleranceText(j.tolerance),
      j.prefix === '' ? '—' : j.prefix,
      shown,
      { html: esc(count(j.tableRows)), cls: 'num' },
      { html: esc(count(matched)), cls: 'num' },
      { html: esc(count(j.unmatched)), cls: j.unmatched > 0 ? 'num warn' : 'num' },
      { html: `<div class="bar" title="${share.toFixed(1)}% of rows matched" style="width:${share.toFixed(1)}%"></div>` },
    ];
  });
  const intro =
    '<p class="muted">Each table was joined backward as of every row\'s time: a row sees the last value stamped at or ' +
    'before it (within the tolerance), never a later one. Unmatched rows hold NaN (null for text).</p>';
  const headers = ['table', 'on', 'by', 'tolerance', 'prefix', 'columns', 'table rows', 'matched', 'unmatched', 'matched share'];
  return section('joins', 'Point-in-time joins', intro + table('joins-table', headers, rows));
}
