/** The run report's stylesheet, inlined so the file needs nothing else. */
export const REPORT_CSS = `
:root { --fail: #c62828; --warn: #ef6c00; --ok: #2e7d32; --line: #dde3ea; --muted: #5f6b7a; }
* { box-sizing: border-box; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2933; margin: 0; background: #f5f7fa; }
header { background: #1f2933; color: #fff; padding: 16px 28px; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header .status { display: inline-block; padding: 1px 10px; border-radius: 10px; font-weight: 600; margin-right: 10px; }
header .status.ok { background: var(--ok); } header .status.failed { background: var(--fail); }
header .meta { color: #c9d2dc; }
main { padding: 8px 28px 40px; max-width: 1400px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 18px; margin: 16px 0; }
h2 { font-size: 16px; margin: 0 0 10px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f0f3f7; font-weight: 600; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.fail td { background: #fdecea; } tr.warn td { background: #fff4e5; } td.warn { color: var(--warn); font-weight: 600; }
.badge { font-weight: 700; font-size: 11px; padding: 1px 6px; border-radius: 3px; color: #fff; }
.badge.fail { background: var(--fail); } .badge.warn { background: var(--warn); } .badge.pass { background: var(--ok); }
.badge.cached { background: #1565c0; }
.bar { background: #fd8d3c; height: 10px; border-radius: 2px; min-width: 1px; }
.graph { overflow: auto; max-height: 80vh; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
.graph svg { display: block; }
.legend span { display: inline-block; padding: 1px 8px; margin: 0 4px 4px 0; border: 1px solid #999; font-size: 12px; }
.error { border-color: var(--fail); background: #fdecea; }
.error pre { white-space: pre-wrap; margin: 0; font-size: 13px; }
.muted { color: var(--muted); }
details summary { cursor: pointer; color: var(--muted); margin: 8px 0; }
code { background: #f0f3f7; padding: 0 4px; border-radius: 3px; }
`;
