import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet, readParquetBatches } from '../../../adapters';
import { selectRows } from '../../../adapters/files/parquet-rows';
import { parquetWasm } from '../../../adapters/files/parquet-wasm';
import { InputError } from '../../../src/errors';
import { firstDifference, rejection, useTempDir, vega } from '../helpers/temp-dir';

const dir = useTempDir();
const FLIGHTS = vega('flights-3m.parquet');

/** Columns of some row groups, decoded by parquet-wasm's whole-file reader: an independent path. */
function reference(columns: string[], rowGroups: number[]) {
  const wasm = parquetWasm().readParquet(readFileSync(FLIGHTS), { rowGroups, columns });
  return tableFromIPC(wasm.intoIPCStream());
}

describe('selectRows', () => {
  it('picks the row groups holding [offset, offset + limit)', () => {
    expect(selectRows([100, 100, 100])).toEqual({ rowGroups: [0, 1, 2], skip: 0, take: Infinity });
    expect(selectRows([100, 100, 100], 150, 60)).toEqual({ rowGroups: [1, 2], skip: 50, take: 60 });
    expect(selectRows([100, 100, 100], 0, 10)).toEqual({ rowGroups: [0], skip: 0, take: 10 });
    expect(selectRows([100, 100, 100], 300, 10)).toEqual({ rowGroups: [], skip: 0, take: 10 });
    expect(selectRows([100, 0, 100], 99, 2)).toEqual({ rowGroups: [0, 2], skip: 99, take: 2 });
  });
});

describe('readParquet on flights-3m.parquet', () => {
  it('applies limit to the file, not to each row group (parquet-wasm 0.8.0 would give 10 per group)', async () => {
    const table = await readParquet(FLIGHTS, { limit: 10 });
    expect(table.numRows).toBe(10);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'date:Timestamp<MICROSECOND>', 'delay:Int64', 'distance:Int64', 'origin:LargeUtf8', 'destination:LargeUtf8',
    ]);
  });

  it('reads rows across a row-group boundary with offset and limit, equal to the reference reader', async () => {
    // row groups hold 272,727 rows each; rows 272,000 … 273,499 span groups 0 and 1
    const table = await readParquet(FLIGHTS, { offset: 272_000, limit: 1_500, columns: ['delay', 'origin'] });
    expect(table.numRows).toBe(1_500);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['delay', 'origin']);
    const expected = reference(['delay', 'origin'], [0, 1]).slice(272_000, 273_500);
    const delay = expected.getChild('delay')!;
    const origin = expected.getChild('origin')!;
    expect(firstDifference(table.getChild('delay')!.toArray(), delay.toArray())).toBe(-1);
    expect(firstDifference(Array.from(table.getChild('origin')!), Array.from(origin))).toBe(-1);
  });

  it('streams batches of at most batchSize rows', async () => {
    const sizes: number[] = [];
    for await (const batch of readParquetBatches(FLIGHTS, { limit: 250_000, batchSize: 100_000, columns: ['distance'] })) sizes.push(batch.numRows);
    expect(sizes).toEqual([100_000, 100_000, 50_000]);
  });

  it('keeps the schema when a selection has no rows', async () => {
    const table = await readParquet(FLIGHTS, { offset: 3_000_000, columns: ['delay'] });
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['delay:Int64']);
  });
});

describe('readParquet: unreadable files end in an InputError naming the file', () => {
  const fix = 'The file is truncated or is not Parquet; write it again, or check its extension.';

  it('bad Parquet bytes', async () => {
    const path = join(dir(), 'bad.parquet');
    writeFileSync(path, 'PAR1 these bytes are not parquet PAR1');
    const error = await rejection(readParquet(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`^Cannot read Parquet from "${path}": .+\\. ${fix.replace(/[.;]/g, '\\$&')}$`));
  });

  it('a truncated Parquet file', async () => {
    const path = join(dir(), 'truncated.parquet');
    const bytes = readFileSync(FLIGHTS);
    writeFileSync(path, bytes.subarray(0, 1_000_000));
    const error = await rejection(readParquet(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(`Cannot read Parquet from "${path}": `);
    expect(error.message).toContain(fix);
  });

  it('an Arrow file given to readParquet', async () => {
    const path = join(dir(), 'flights.parquet');
    writeFileSync(path, readFileSync(vega('flights-200k.arrow')));
    expect((await rejection(readParquet(path))).message).toContain(`Cannot read Parquet from "${path}"`);
  });

  it('a file that does not exist', async () => {
    const path = join(dir(), 'missing.parquet');
    expect((await rejection(readParquet(path))).message).toBe(
      `Cannot read Parquet from "${path}": no such file (looked in ${path}). Check the path and the working directory.`,
    );
  });
});
