/**
 * The few HTML builders the run report needs: escaping, tables, a section.
 */

/**
 * Escape text for HTML content and attribute values.
 *
 * @example
 * esc('a < b & "c"'); // 'a &lt; b &amp; &quot;c&quot;'
 */
export function esc(text: unknown): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A cell: text (escaped) or `{ html }` inserted as it is, with an optional class. */
export type Cell = string | number | { readonly html: string; readonly cls?: string };

function cell(c: Cell, tag: 'td' | 'th'): string {
  if (typeof c === 'object') return `<${tag}${c.cls ? ` class="${c.cls}"` : ''}>${c.html}</${tag}>`;
  return typeof c === 'number' ? `<${tag} class="num">${esc(c)}</${tag}>` : `<${tag}>${esc(c)}</${tag}>`;
}

/**
 * An HTML table with a header row; `id` lets tests and links find it.
 *
 * @example
 * table('timings', ['node', 'ms'], [['spendMean', 1.2]]);
 */
export function table(id: string, headers: readonly string[], rows: readonly (readonly Cell[])[], rowClass?: (i: number) => string | undefined): string {
  const head = `<thead><tr>${headers.map((h) => cell(h, 'th')).join('')}</tr></thead>`;
  const body = rows.map((r, i) => {
    const cls = rowClass?.(i);
    return `<tr${cls ? ` class="${cls}"` : ''}>${r.map((c) => cell(c, 'td')).join('')}</tr>`;
  });
  return `<table id="${esc(id)}">${head}<tbody>${body.join('')}</tbody></table>`;
}

/**
 * A titled section of the report.
 *
 * @example
 * section('config', 'Config', table('config-table', ['key', 'value'], rows));
 */
export function section(id: string, title: string, body: string): string {
  return `<section id="${esc(id)}"><h2>${esc(title)}</h2>${body}</section>`;
}

/**
 * Milliseconds as people read them: `0.012 ms`, `12.3 ms`, `4.56 s`.
 *
 * @example
 * formatMs(1234); // '1.23 s'
 */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toPrecision(2)} ms`;
}
