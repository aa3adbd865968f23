/** Misspelled reader, writer and materialize options are refused with "did you mean", not ignored. */
import { join } from 'node:path';
import { materialize, readParquet, readTable, tableFromColumns, writeArrow, writeParquet } from '../../../adapters';
import { InputError } from '../../../src/errors';
import { rejection, useTempDir, vega } from '../helpers/temp-dir';

const dir = useTempDir();
const table = tableFromColumns(['x'], [new Float64Array(3)]);
const bad = (o: object) => o as never;

describe('unknown option keys', () => {
  it.each([
    ['readParquet', () => readParquet(vega('flights-3m.parquet'), bad({ colums: ['delay'] })),
      'readParquet got an unknown option "colums" (did you mean "columns"?). Valid options: columns, limit, offset, batchSize.'],
    ['writeParquet', () => writeParquet(table, join(dir(), 'a.parquet'), bad({ compresion: 'zstd' })),
      'writeParquet got an unknown option "compresion" (did you mean "compression"?). Valid options: compression, rowGroupSize, floatDictionary.'],
    ['writeArrow', () => writeArrow(table, join(dir(), 'a.arrow'), bad({ fromat: 'stream' })),
      'writeArrow got an unknown option "fromat" (did you mean "format"?). Valid options: format, maxBatchBytes.'],
    ['readTable', () => readTable(vega('flights-200k.arrow'), bad({ onNotes: () => undefined })),
      'readTable got an unknown option "onNotes" (did you mean "onNote"?). Valid options: onNote, schema, nullValues.'],
  ])('%s', async (_, call, message) => {
    const error = await rejection(call());
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(message);
  });

  it('materialize, when the hook is made', () => {
    expect(() => materialize('out.csv', bad({ output: ['x'] }))).toThrow(new InputError(
      'materialize got an unknown option "output" (did you mean "outputs"?). Valid options: outputs.'));
  });
});
