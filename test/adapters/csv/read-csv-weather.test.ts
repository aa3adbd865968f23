import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type } from 'apache-arrow';
import { readCsv, writeCsv, inputsFromTable } from '../../../adapters';
import { firstDifference, useTempDir, vega } from '../helpers/temp-dir';

const dir = useTempDir();
const WEATHER = vega('weather.csv');

/** weather.csv parsed by hand (it has no quoted fields): the expected values, independent of csv-parse. */
function expectedWeather() {
  const [header, ...rows] = readFileSync(WEATHER, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
  const col = (name: string) => rows.map((r) => r[header.indexOf(name)]);
  const num = (name: string) => Float64Array.from(col(name), (v) => (v === '' ? NaN : Number(v)));
  const [y, m, d] = [0, 1, 2];
  const dates = col('date').map((s) => s.split('-').map(Number)).map((p) => Date.UTC(p[y], p[m] - 1, p[d]));
  return { header, rows: rows.length, location: col('location'), weather: col('weather'), dates, num };
}

describe('readCsv on weather.csv', () => {
  const expected = expectedWeather();

  it('infers utf8, timestamp (epoch ms) and float64 columns in header order', async () => {
    const table = await readCsv(WEATHER);
    expect(table.numRows).toBe(expected.rows);
    expect(table.schema.fields.map((f) => f.name)).toEqual(expected.header);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      'Utf8', 'Timestamp<MILLISECOND>', 'Float64', 'Float64', 'Float64', 'Float64', 'Utf8',
    ]);
  });

  it('reads every value as written in the file', async () => {
    const table = await readCsv(WEATHER);
    expect(firstDifference(Array.from(table.getChild('location')!), expected.location)).toBe(-1);
    expect(firstDifference(Array.from(table.getChild('weather')!), expected.weather)).toBe(-1);
    expect(firstDifference(Array.from(table.getChild('date')!), expected.dates)).toBe(-1);
    for (const name of ['precipitation', 'temp_max', 'temp_min', 'wind']) {
      expect(firstDifference(table.getChild(name)!.toArray(), expected.num(name))).toBe(-1);
    }
    expect(table.getChild('date')!.get(0)).toBe(Date.UTC(2012, 0, 1));
  });

  it('hands the numbers to features as Float64Array and the dates as a Timestamp vector', async () => {
    const inputs = inputsFromTable(await readCsv(WEATHER));
    expect(inputs.temp_max).toBeInstanceOf(Float64Array);
    expect((inputs.date as { type: { typeId: Type } }).type.typeId).toBe(Type.Timestamp);
  });

  it('round-trips through writeCsv: same types and values; dates written as YYYY-MM-DD', async () => {
    const original = await readCsv(WEATHER);
    const path = join(dir(), 'weather.csv');
    await writeCsv(original, path);
    const back = await readCsv(path);
    expect(back.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(original.schema.fields.map((f) => `${f.name}:${f.type}`));
    for (const field of original.schema.fields) {
      expect(firstDifference(Array.from(back.getChild(field.name)!), Array.from(original.getChild(field.name)!))).toBe(-1);
    }
    expect(readFileSync(path, 'utf8').split('\n').slice(0, 2)).toEqual([
      'location,date,precipitation,temp_max,temp_min,wind,weather',
      'Seattle,2012-01-01,0.0,12.8,5.0,4.7,drizzle', // whole floats as 3.0: they read back as floats
    ]);
  });
});
