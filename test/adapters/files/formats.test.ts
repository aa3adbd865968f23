import { join } from 'node:path';
import { readTable, tableFromColumns, writeResult } from '../../../adapters';
import { InputError } from '../../../src/errors';
import { rejection, useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();

describe('readTable / writeResult choose the format by extension', () => {
  const table = tableFromColumns(['x', 's'], [new Float64Array([1.5, -2]), ['a', 'b']]);

  it.each(['out.arrow', 'out.feather', 'out.ipc', 'out.arrows', 'out.parquet', 'out.csv', 'OUT.TSV', 'out.json', 'out.ndjson'])('%s round-trips', async (name) => {
    const path = join(dir(), name);
    await writeResult(table, path);
    const back = await readTable(path);
    expect(back.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['x:Float64', 's:Utf8']);
    expect(Array.from(back.getChild('x')!)).toEqual([1.5, -2]);
    expect(Array.from(back.getChild('s')!)).toEqual(['a', 'b']);
  });

  it('rejects an unknown extension, listing the supported ones', async () => {
    const path = join(dir(), 'out.xlsx');
    const error = await rejection(writeResult(table, path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `Cannot write a table to "${path}": quiver does not know the extension ".xlsx". ` +
        'Use one of .arrow, .feather, .ipc, .arrows, .parquet, .csv, .tsv, .json, .ndjson, .jsonl.',
    );
    expect((await rejection(readTable('data'))).message).toBe(
      'Cannot read a table from "data": the path has no extension. Use one of .arrow, .feather, .ipc, .arrows, .parquet, .csv, .tsv, .json, .ndjson, .jsonl.',
    );
  });
});
