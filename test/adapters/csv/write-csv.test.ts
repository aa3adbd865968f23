import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Float32, Float64, Field, Schema, Struct, RecordBatch, Table, TimestampMicrosecond, makeData } from 'apache-arrow';
import { readCsv, tableFromColumns, writeCsv } from '../../../adapters';
import { useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();

describe('writeCsv', () => {
  it('writes numbers, nulls, NaN, text needing quotes, booleans and timestamps', async () => {
    const table = tableFromColumns(
      ['x', 'label', 'ok', 'at', 'n'],
      [
        new Float64Array([0.1, NaN, -1e21]),
        ['plain', 'a, "b"', 'two\nlines'],
        [true, false, null],
        [new Date(Date.UTC(2012, 0, 1, 10, 30)), null, new Date(0)],
        [1, null, 3],
      ],
    );
    const path = join(dir(), 'mixed.csv');
    await writeCsv(table, path);
    expect(readFileSync(path, 'utf8')).toBe(
      'x,label,ok,at,n\n' +
        '0.1,plain,true,2012-01-01T10:30:00.000Z,1.0\n' +
        ',"a, ""b""",false,,\n' +
        '-1e+21,"two\nlines",,1970-01-01T00:00:00.000Z,3.0\n',
    );
    const back = await readCsv(path);
    expect(Array.from(back.getChild('x')!)).toEqual([0.1, null, -1e21]);
    expect(Array.from(back.getChild('label')!)).toEqual(['plain', 'a, "b"', 'two\nlines']);
    expect(Array.from(back.getChild('ok')!)).toEqual([true, false, null]);
    expect(Array.from(back.getChild('at')!)).toEqual([Date.UTC(2012, 0, 1, 10, 30), null, 0]);
  });

  it('writes every batch of a multi-batch table, and a tab-separated file', async () => {
    const x = Float64Array.from({ length: 20_000 }, (_, i) => i * 0.5);
    const table = tableFromColumns(['x'], [x], { maxChunkBytes: 8 * 7_000 });
    expect(table.batches.length).toBe(3);
    const path = join(dir(), 'many.tsv');
    await writeCsv(table, path, { delimiter: '\t' });
    const back = await readCsv(path, { delimiter: '\t' });
    expect(back.numRows).toBe(20_000);
    expect(back.getChild('x')!.get(19_999)).toBe(9_999.5);
  });

  it('converts microsecond timestamps and Float32 values', async () => {
    const schema = new Schema([new Field('t', new TimestampMicrosecond()), new Field('f', new Float32()), new Field('g', new Float64())]);
    const children = [
      makeData({ type: new TimestampMicrosecond(), data: new BigInt64Array([978_307_260_000_000n]) }),
      makeData({ type: new Float32(), data: new Float32Array([0.5]) }),
      makeData({ type: new Float64(), data: new Float64Array([Infinity]) }),
    ];
    const table = new Table(schema, [new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 1, nullCount: 0, children }))]);
    const path = join(dir(), 'us.csv');
    await writeCsv(table, path);
    expect(readFileSync(path, 'utf8')).toBe('t,f,g\n2001-01-01T00:01:00.000Z,0.5,Infinity\n');
  });

  it('writes a one-column null row as "" so readers keep the row', async () => {
    const path = join(dir(), 'one.csv');
    await writeCsv(tableFromColumns(['s'], [['a', null, 'b']]), path);
    expect(readFileSync(path, 'utf8')).toBe('s\na\n""\nb\n');
    expect(Array.from((await readCsv(path)).getChild('s')!)).toEqual(['a', null, 'b']);
  });
});
