/**
 * The story of examples/cli: `quiver run` on vega-datasets' weather.csv writes the frame and a
 * report. Expected values are worked out here from the CSV itself.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTable } from '../../adapters/files/formats';
import { quiver } from './support/cli';

const ROOT = path.resolve(__dirname, '../..');
const WEATHER = path.join(ROOT, 'node_modules/vega-datasets/data/weather.csv');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'quiver-example-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** The CSV as columns (it has no quoted fields). */
function weather() {
  const [header, ...lines] = fs.readFileSync(WEATHER, 'utf8').trim().split('\n');
  const names = header.split(',');
  const rows = lines.map((l) => l.split(','));
  const col = (name: string) => rows.map((r) => r[names.indexOf(name)]);
  return { location: col('location'), tempMax: col('temp_max').map(Number), tempMin: col('temp_min').map(Number) };
}

test('quiver run examples/cli/features.ts on weather.csv writes the frame, the quality report and the run report', async () => {
  const w = weather();
  const window = 14;
  const r = quiver(
    ['run', 'examples/cli/features.ts', '--inputs', WEATHER, '--out', path.join(out, 'frame.parquet'), '--report', path.join(out, 'run.html'), '--config', `window=${window}`],
    ROOT,
  );
  expect(r.code).toBe(0);
  const cities = new Set(w.location).size; // Seattle, New York
  expect(cities).toBe(2);
  const rows = w.location.length;
  // rollingMean(wind, 14) per city: the first 13 days of each city are NaN (minPeriods = window)
  const warmUp = cities * (window - 1);
  expect(r.stdout).toContain(
    `WARN  windSmoothed  allowNaNs  ${warmUp} of ${rows.toLocaleString('en-US')} values (${((100 * warmUp) / rows).toFixed(1)}%) are missing`,
  );
  // tempRange: range [0, 40] + allowNaNs, tomorrowTempMax: maxFractionNaNs (2 NaN of 2,922 < 1%)
  expect(r.stdout).toContain('3 checks passed');
  expect(r.stderr).toBe('note: left out of the table, not columns: cities (name them with --outputs to see why).\n');

  const frame = await readTable(path.join(out, 'frame.parquet'));
  expect(frame.numRows).toBe(rows);
  expect(frame.schema.fields.map((f) => f.name)).toEqual(['tempRange', 'tempMax7d', 'tempAnomaly', 'precip7d', 'windSmoothed', 'weekday', 'tomorrowTempMax']);
  const range = frame.getChild('tempRange')!.toArray() as Float64Array;
  w.tempMax.forEach((max, i) => {
    expect(range[i]).toBeCloseTo(max - w.tempMin[i], 9);
  });
  const tomorrow = frame.getChild('tomorrowTempMax')!;
  for (let i = 0; i < rows; i++) {
    const sameCity = i + 1 < rows && w.location[i + 1] === w.location[i];
    if (sameCity) expect(tomorrow.get(i)).toBe(w.tempMax[i + 1]);
    else expect(Number.isNaN(tomorrow.get(i) ?? NaN)).toBe(true);
  }
  const html = fs.readFileSync(path.join(out, 'run.html'), 'utf8');
  expect(html).toContain('<span class="status ok" id="status">succeeded</span>');
  expect(html).toContain(`<b id="result-rows">${rows.toLocaleString('en-US')}</b> rows × <b id="result-columns">7</b> columns`);
});
