import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Builder, DataValidationError, dictResult } from '../../src';
import { writeRunReport } from '../../adapters/report/run-report';
import { timingRecorder } from '../../adapters/report/timing-recorder';
import { Spend, SPEND, StrictSpend } from './support/spend-features';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-report-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The text of the table with this id, rows split into cells (tags stripped). */
function tableRows(html: string, id: string): string[][] {
  const start = html.indexOf(`<table id="${id}">`);
  if (start < 0) return [];
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</table>', start));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim()),
  );
}

describe('writeRunReport', () => {
  const outputs = ['doubled', 'tripled', 'total'];

  test('a successful run: graph, quality failures first, result shape, timings sorted, config, versions', async () => {
    const dr = new Builder().withFeatures(Spend).withConfig({ region: 'US' }).build();
    const run = await dr.run(outputs, { inputs: { spend: SPEND } });
    const file = path.join(dir, 'nested', 'ok.html');
    await writeRunReport({ driver: dr, outputs, run, config: { region: 'US' }, details: { inputs: 'memory' } }, file);
    const html = fs.readFileSync(file, 'utf8');

    expect(html).toContain('<span class="status ok" id="status">succeeded</span>');
    // the graph: one SVG node per feature, input and check (tripled's range check)
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    const titles = [...svg.matchAll(/class="node">\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]).sort();
    expect(titles).toEqual(['doubled', 'spend', 'total', 'tripled', 'tripled:check:range'].sort());

    // tripled = 3, 6, 9, 12: one value (12) outside [0, 10] → the warn check failed; it is listed first
    const failures = tableRows(html, 'quality-failures');
    expect(failures).toHaveLength(1);
    expect(failures[0].slice(0, 4)).toEqual(['WARN', 'tripled', 'range', 'warn']);
    expect(failures[0][4]).toContain('outside [0, 10]');

    // 4 rows × 3 columns; doubled = 2, 4, 6, 8 → min 2, max 8, mean 5; total = 20 + 30 = 50 repeated
    expect(html).toContain('<b id="result-rows">4</b> rows × <b id="result-columns">3</b> columns');
    const result = tableRows(html, 'result-table');
    expect(result[0]).toEqual(['doubled', 'Float64', '0', '2', '8', '5']);
    expect(result[2]).toEqual(['total', 'Float64', '0', '50', '50', '50']);

    // timings: every node that ran, slowest first
    const timings = tableRows(html, 'timings-table');
    expect(timings.map((r) => r[0]).sort()).toEqual(Object.keys(run.timings).sort());
    const ms = timings.map((r) => parseFloat(r[1]) * (r[1].endsWith(' s') ? 1000 : 1));
    expect([...ms].sort((a, b) => b - a)).toEqual(ms);

    expect(tableRows(html, 'config-table')).toEqual([['region', 'US']]);
    const versions = Object.fromEntries(tableRows(html, 'versions-table'));
    expect(versions.node).toBe(process.version);
    const versionIn = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../..', file), 'utf8')).version;
    expect(versions['apache-arrow']).toBe(versionIn('node_modules/apache-arrow/package.json'));
    expect(versions.quiver).toBe(versionIn('package.json'));
    expect(versions.graphviz).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('the file is self-contained: no scripts, no links, no URL but SVG namespaces', async () => {
    const dr = new Builder().withFeatures(Spend).build();
    const run = await dr.run(outputs, { inputs: { spend: SPEND } });
    const file = path.join(dir, 'self.html');
    await writeRunReport({ driver: dr, outputs, run }, file);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
    expect(html).not.toContain('<?xml');
    expect(html).not.toContain('<!DOCTYPE svg');
  });

  test('a failed run: status, the error, the failing check and the node outlined, timings kept by a recorder', async () => {
    const timer = timingRecorder();
    const dr = new Builder().withFeatures(StrictSpend).withAdapters(timer).withResult(dictResult()).build();
    const error = await dr.run(['total'], { inputs: { spend: SPEND } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    const file = path.join(dir, 'failed.html');
    await writeRunReport({ driver: dr, outputs: ['total'], error, run: { timings: timer.timings } }, file);
    const html = fs.readFileSync(file, 'utf8');

    expect(html).toContain('<span class="status failed" id="status">failed</span>');
    expect(html).toContain('<h2>The run failed: DataValidationError</h2>');
    expect(html).toContain('Data quality check failed on &quot;tripled&quot;');
    expect(tableRows(html, 'quality-failures').map((r) => r.slice(0, 4))).toEqual([['FAIL', 'tripled', 'range', 'fail']]);
    // the check node is filled red and the failed node outlined red with a FAILED caption
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    const checkNode = svg.slice(svg.indexOf('<title>tripled:check:range</title>'));
    expect(checkNode.slice(0, checkNode.indexOf('</g>'))).toMatch(/fill="#ffcdd2" stroke="#c62828"/);
    const tripled = svg.slice(svg.indexOf('<title>tripled</title>'));
    expect(tripled.slice(0, tripled.indexOf('</g>'))).toContain('FAILED');
    expect(tableRows(html, 'timings-table').map((r) => r[0])).toContain('tripled');
    expect(html).toContain('No result: the run did not finish.');
  });
});
