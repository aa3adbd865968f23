/** CSV inference never changes a column's meaning without a word; binary files are refused. */
import { readCsv, writeParquet, tableFromColumns, type AdapterNote } from '../../../adapters';
import { InputError } from '../../../src/errors';
import { rejection, useTempFiles } from '../helpers/temp-dir';
import { csvNotes } from '../helpers/csv-notes';

const file = useTempFiles('n');

const notesOf = csvNotes;

describe('readCsv: notes on inference', () => {
  it('an integer beyond int64 makes the column float64, with a note naming column, line and value', async () => {
    const path = file('id,x\n1,5\n99999999999999999999,6\n');
    const notes: AdapterNote[] = [];
    const table = await readCsv(path, { onNote: (n) => notes.push(n) });
    expect(String(table.getChild('id')!.type)).toBe('Float64');
    expect(notes).toEqual([{
      code: 'csv-lossy-integer',
      column: 'id',
      message:
        `Column "id" of "${path}" is read as float64: line 3 holds 99999999999999999999, an integer beyond int64, ` +
        `which float64 rounds (to 100000000000000000000). To keep the digits exactly, pass schema: { "id": 'utf8' } ` +
        '(on the command line: --schema id=utf8).',
    }]);
  });

  it('no note for a float column or an int64 column', async () => {
    expect(await notesOf(file('a,b\n1.5,9223372036854775807\n2,1\n'))).toEqual([]);
  });

  it('one bad date turns a date column into text, with a note naming column, line and value', async () => {
    const path = file('day,v\n2023-02-27,1\n2023-02-28,2\n2023-02-31,3\n2023-03-01,4\n');
    const notes: AdapterNote[] = [];
    const table = await readCsv(path, { onNote: (n) => notes.push(n) });
    expect(String(table.getChild('day')!.type)).toBe('Utf8');
    expect(notes).toEqual([{
      code: 'csv-dates-as-utf8',
      column: 'day',
      message:
        `Column "day" of "${path}" is read as utf8: most of its fields are ISO 8601 dates, but line 4 holds "2023-02-31", ` +
        `which is not a date (or a day that does not exist). Fix that field, or pass schema: { "day": 'timestamp' } ` +
        '(on the command line: --schema day=timestamp) ' +
        'to be told about every field that is not a date.',
    }]);
  });

  it('no note for a text column with a date or two in it', async () => {
    expect(await notesOf(file('s\nOslo\n2012-01-01\nLima\n'))).toEqual([]);
  });
});

describe('readCsv: binary files', () => {
  it('refuses a file of NUL bytes, naming the file', async () => {
    const path = file(Buffer.alloc(64));
    const error = await rejection(readCsv(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `Cannot read CSV from "${path}": it is binary, not text (byte 0 is NUL). Check that this is the file you meant; a CSV file is text.`,
    );
  });

  it('says when a .csv is really a Parquet file', async () => {
    const path = file('', 'really-parquet.csv'); // replaced by the Parquet file below
    await writeParquet(tableFromColumns(['x'], [Float64Array.of(1, 2)]), path);
    const error = await rejection(readCsv(path));
    expect(error.message).toMatch(/^Cannot read CSV from ".*really-parquet\.csv": it is binary, not text \(byte \d+ is NUL; it starts like a Parquet file\)\. Give it the extension of its format \(e\.g\. \.parquet\)\.$/);
  });

  it('reads a UTF-8 file with non-ASCII text', async () => {
    const table = await readCsv(file('city\nZürich\n東京\n'));
    expect(Array.from(table.getChild('city')!)).toEqual(['Zürich', '東京']);
  });
});
