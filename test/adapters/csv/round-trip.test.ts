/** writeCsv → readCsv gives back the same dtypes and values: floats stay floats, even whole ones. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateDay, vectorFromArray } from 'apache-arrow';
import { readCsv, tableFromColumns, writeCsv } from '../../../adapters';
import { floatText } from '../../../adapters/csv/csv-format';
import { useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();

describe('writeCsv → readCsv', () => {
  it('keeps every dtype: whole floats, ints, int64 beyond 2^53, bools, dates, timestamps, text, nulls and NaN', async () => {
    const names = ['whole', 'float', 'i32', 'i64', 'flag', 'day', 'at', 'text', 'empty'];
    const table = tableFromColumns(names, [
      Float64Array.of(3, -0, 1e20),
      Float64Array.of(0.5, NaN, -2),
      Int32Array.of(1, -2, 3),
      BigInt64Array.of(2n ** 60n + 1n, -5n, 0n),
      [true, null, false],
      [new Date(Date.UTC(2012, 0, 1)), null, new Date(Date.UTC(2024, 1, 29))],
      [new Date(Date.UTC(2012, 0, 1, 10, 30)), new Date(0), null],
      ['a', null, 'b'],
      Float64Array.of(NaN, NaN, NaN),
    ]);
    const path = join(dir(), 'all.csv');
    await writeCsv(table, path);
    expect(readFileSync(path, 'utf8').split('\n')[1]).toBe('3.0,0.5,1,1152921504606846977,true,2012-01-01,2012-01-01T10:30:00.000Z,a,');
    const back = await readCsv(path);
    expect(back.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'whole:Float64', 'float:Float64', 'i32:Int32', 'i64:Int64', 'flag:Bool', 'day:Timestamp<MILLISECOND>',
      'at:Timestamp<MILLISECOND>', 'text:Utf8', 'empty:Float64',
    ]);
    expect(Array.from(back.getChild('whole')!)).toEqual([3, -0, 1e20]);
    expect(Object.is(back.getChild('whole')!.get(1), -0)).toBe(true);
    expect(Array.from(back.getChild('float')!)).toEqual([0.5, null, -2]);
    expect(Array.from(back.getChild('i64')!)).toEqual([2n ** 60n + 1n, -5n, 0n]);
    expect(Array.from(back.getChild('flag')!)).toEqual([true, null, false]);
    expect(Array.from(back.getChild('day')!)).toEqual([Date.UTC(2012, 0, 1), null, Date.UTC(2024, 1, 29)]);
    expect(Array.from(back.getChild('at')!)).toEqual([Date.UTC(2012, 0, 1, 10, 30), 0, null]);
    expect(Array.from(back.getChild('text')!)).toEqual(['a', null, 'b']);
  });

  it('an Arrow DateDay column comes back as dates (timestamps at midnight)', async () => {
    const table = tableFromColumns(['d'], [vectorFromArray([new Date(Date.UTC(2020, 4, 1))], new DateDay())]);
    const path = join(dir(), 'dateday.csv');
    await writeCsv(table, path);
    expect(readFileSync(path, 'utf8')).toBe('d\n2020-05-01\n');
    expect((await readCsv(path)).getChild('d')!.get(0)).toBe(Date.UTC(2020, 4, 1));
  });

  it.each([[3, '3.0'], [-0, '-0.0'], [0.1, '0.1'], [1e21, '1e+21'], [-1e-7, '-1e-7'], [Infinity, 'Infinity'], [2 ** 53, '9007199254740992.0']])(
    'floatText(%p) = %s', (v, text) => {
      expect(floatText(v)).toBe(text);
    },
  );
});
