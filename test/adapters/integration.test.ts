import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Builder, feature, readCsv, readTable, writeResult } from '../../src';
import { InputError } from '../../src/errors';
import { firstDifference, rejection, useTempDir, vega } from './helpers/temp-dir';

const dir = useTempDir();

class WeatherFeatures {
  @feature()
  tempRange(temp_max: Float64Array, temp_min: Float64Array): Float64Array {
    return temp_max.map((hi, i) => hi - temp_min[i]);
  }
}

class Counts {
  @feature()
  doubled(n: Int32Array): Int32Array {
    return n.map((v) => 2 * v);
  }
}

describe('file → features → file', () => {
  it('reads weather.csv, computes a feature from its columns, writes Parquet and reads it back', async () => {
    const text = readFileSync(vega('weather.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const expected = Float64Array.from(text, (r) => Number(r[3]) - Number(r[4]));
    const dr = new Builder().withFeatures(WeatherFeatures).build();
    const table = await dr.execute(['tempRange'], { inputs: await readCsv(vega('weather.csv')) });
    const path = join(dir(), 'range.parquet');
    await writeResult(table, path);
    const back = await readTable(path);
    expect(back.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['tempRange:Float64']);
    expect(firstDifference(back.getChild('tempRange')!.toArray(), expected)).toBe(-1);
  });

  it('an int32 column with nulls is not handed to a feature that wants Int32Array', async () => {
    const path = join(dir(), 'counts.csv');
    writeFileSync(path, 'n,k\n1,a\n,b\n3,c\n');
    const dr = new Builder().withFeatures(Counts).build();
    const error = await rejection(dr.execute(['doubled'], { inputs: await readCsv(path) }));
    expect(error).toBeInstanceOf(InputError);
    // the column became Float64Array (NaN for the null); the core's type check names it
    expect(error.message).toBe(
      'Input "n" is a Float64Array of length 3, but "doubled" declares it as Int32Array. Pass an Int32Array. ' +
        '(Column "n" is Int32 with 1 null(s); it is given to features as float64 with NaN for the nulls.)',
    );
  });
});
