/**
 * Opens the run report and a graph SVG in a real browser (Debian's Chromium through
 * playwright-core). Without /usr/bin/chromium the tests skip, and say so.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { Builder } from '../../src';
import { graphSvg } from '../../adapters/graphviz/picture';
import { writeRunReport } from '../../adapters/report/run-report';
import { bigGraph, sourceOf } from './support/big-graph';
import { Spend, SPEND } from './support/spend-features';

const CHROMIUM = process.env.QUIVER_CHROMIUM ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available) {
  console.warn(`SKIPPED: the browser tests of the run report need Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium; or set QUIVER_CHROMIUM).`);
}
const browserTest = available ? test : test.skip;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-browser-'));
let browser: Browser | undefined;

beforeAll(async () => {
  if (!available) return;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Open a local file; every request that is not that file is collected (there should be none). */
async function open(file: string) {
  const page = await browser!.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => r.url() !== `file://${file}` && requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${file}`);
  return { page, requests, errors };
}

browserTest('the run report shows its graph and tables, fetches nothing, and screenshots', async () => {
  const dr = new Builder().withFeatures(Spend).build();
  const outputs = ['doubled', 'tripled', 'total'];
  const run = await dr.run(outputs, { inputs: { spend: SPEND } });
  const file = path.join(dir, 'run.html');
  await writeRunReport({ driver: dr, outputs, run, config: { region: 'US' } }, file);

  const { page, requests, errors } = await open(file);
  expect(await page.locator('#status').textContent()).toBe('succeeded');
  const svg = page.locator('#graph svg');
  const box = await svg.boundingBox();
  expect(box!.width).toBeGreaterThan(200);
  expect(box!.height).toBeGreaterThan(80);
  expect(await page.locator('#graph svg g.node').count()).toBe(5); // spend, doubled, tripled, its check, total
  expect(await page.locator('#graph svg g.node', { hasText: 'tripled' }).first().isVisible()).toBe(true);
  expect(await page.locator('#quality-failures tbody tr').count()).toBe(1);
  expect(await page.locator('#quality-failures tbody tr td').nth(1).textContent()).toBe('tripled');
  expect(await page.locator('#result-table tbody tr').count()).toBe(3);
  expect(await page.locator('#timings-table tbody tr').count()).toBe(Object.keys(run.timings).length);
  expect(await page.locator('#versions-table').isVisible()).toBe(true);

  const shot = path.join(os.tmpdir(), 'quiver-run-report.png');
  await page.screenshot({ path: shot, fullPage: true });
  const png = fs.readFileSync(shot);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1200); // width from the IHDR chunk
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
});

browserTest('a folded 5,000-node graph SVG renders with its boxes readable', async () => {
  const file = path.join(dir, 'big.svg');
  fs.writeFileSync(file, await graphSvg(sourceOf(bigGraph(50, 30))));
  const { page, requests } = await open(file);
  const label = page.locator('text', { hasText: 'rollingMean ×1500' });
  expect(await label.count()).toBe(1);
  const box = await label.boundingBox();
  expect(box!.height).toBeGreaterThan(8); // drawn at a readable size, not shrunk to a speck
  expect(await page.locator('g.node').count()).toBe(5);
  expect(requests).toEqual([]);
  await page.screenshot({ path: path.join(os.tmpdir(), 'quiver-big-graph.png') });
});
