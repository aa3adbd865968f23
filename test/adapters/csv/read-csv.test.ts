import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv, inputsFromTable, type AdapterNote } from '../../../adapters';
import { InputError } from '../../../src/errors';
import { rejection, useTempDir, vega } from '../helpers/temp-dir';

const dir = useTempDir();

/** Writes `text` to a fresh CSV file and returns its path. */
let count = 0;
function csvFile(text: string, name = `t${++count}.csv`): string {
  const path = join(dir(), name);
  writeFileSync(path, text);
  return path;
}

describe('readCsv: values', () => {
  it('reads nulls: empty fields and the default markers', async () => {
    const table = await readCsv(csvFile('a,b,c\n1,x,2.5\n,NA,\n3,null,NaN\n'));
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Int32', 'Utf8', 'Float64']);
    expect(Array.from(table.getChild('a')!)).toEqual([1, null, 3]);
    expect(Array.from(table.getChild('b')!)).toEqual(['x', null, null]);
    expect(Array.from(table.getChild('c')!)).toEqual([2.5, null, null]);
  });

  it('gives an integer column with nulls to features as float64 with NaN, with a note', async () => {
    const notes: AdapterNote[] = [];
    const inputs = inputsFromTable(await readCsv(csvFile('n\n1\n\n3\n4\n'), {}), { onNote: (n) => notes.push(n) });
    // the empty line is skipped, so this column has no null; now one with a null:
    expect(inputs.n).toBeInstanceOf(Int32Array);
    const withNull = inputsFromTable(await readCsv(csvFile('n,m\n1,a\n,b\n3,c\n')), { onNote: (n) => notes.push(n) });
    expect(Array.from(withNull.n as Float64Array)).toEqual([1, NaN, 3]);
    expect(notes.map((n) => n.code)).toEqual(['int-nulls-as-float64']);
  });

  it('honours nullValues and delimiter', async () => {
    const table = await readCsv(csvFile('a;b\n1;-\n2;x\n'), { delimiter: ';', nullValues: ['-'] });
    expect(Array.from(table.getChild('b')!)).toEqual([null, 'x']);
    expect(Array.from(table.getChild('a')!)).toEqual([1, 2]);
  });

  it('reads quoted fields with delimiters, quotes and line breaks, and a BOM', async () => {
    const table = await readCsv(csvFile('\uFEFFname,note\n"Smith, J","said ""hi""\nthen left"\nLee,ok\n'));
    expect(table.schema.fields.map((f) => f.name)).toEqual(['name', 'note']);
    expect(Array.from(table.getChild('name')!)).toEqual(['Smith, J', 'Lee']);
    expect(Array.from(table.getChild('note')!)).toEqual(['said "hi"\nthen left', 'ok']);
  });

  it('names empty header fields column_<i>', async () => {
    const table = await readCsv(csvFile(',x\n0,1\n'));
    expect(table.schema.fields.map((f) => f.name)).toEqual(['column_0', 'x']);
  });

  it('reads a header-only file as an empty table', async () => {
    const table = await readCsv(csvFile('a,b\n'));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
  });
});

describe('readCsv: schema', () => {
  it('uses declared types and infers the rest', async () => {
    const path = csvFile('id,price,when,flag\n007,1,2012-01-01,true\n008,2,2012-01-02,false\n');
    const table = await readCsv(path, { schema: { id: 'utf8', price: 'float64', when: 'timestamp' } });
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Float64', 'Timestamp<MILLISECOND>', 'Bool']);
    expect(Array.from(table.getChild('id')!)).toEqual(['007', '008']);
  });

  it('reads stocks.csv dates (Jan 1 2000) when declared timestamp', async () => {
    const table = await readCsv(vega('stocks.csv'), { schema: { date: 'timestamp' } });
    expect(table.getChild('date')!.get(0)).toBe(Date.UTC(2000, 0, 1));
    expect(String(table.getChild('price')!.type)).toBe('Float64');
  });

  it('rejects a value that is not of the declared type, naming file, line, column and value', async () => {
    const path = csvFile('a,b\n1,2\n3,x\n');
    const error = await rejection(readCsv(path, { schema: { b: 'float64' } }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `Cannot read CSV from "${path}": line 3, column "b" is "x", which is not a float64 as the schema declares. ` +
        `Fix the value, or declare the column as another type: schema: { "b": 'utf8' } ` +
        '(on the command line: --schema b=utf8).',
    );
  });

  it('rejects a null in a column declared non-nullable', async () => {
    const path = csvFile('a,b\n1,2\n3,\n');
    expect((await rejection(readCsv(path, { schema: { b: { type: 'int32', nullable: false } } }))).message).toBe(
      `Cannot read CSV from "${path}": line 3, column "b" is empty (null), but the schema declares it non-nullable. ` +
        'Fill in the value, or drop `nullable: false` from the schema.',
    );
  });

  it('rejects an int32 out of range', async () => {
    const path = csvFile('a\n3000000000\n');
    expect((await rejection(readCsv(path, { schema: { a: 'int32' } }))).message).toContain('line 2, column "a" is "3000000000", which is not a int32');
  });

  it('rejects schema columns the header does not have, and unknown types', async () => {
    const path = csvFile('a,b\n1,2\n');
    expect((await rejection(readCsv(path, { schema: { c: 'int32' } }))).message).toBe(
      `Cannot read CSV from "${path}": the schema names column "c", which the header does not have (a, b). Did you mean "a"? Fix the name in the schema.`,
    );
    expect((await rejection(readCsv(path, { schema: { a: 'double' as never } }))).message).toBe(
      `Cannot read CSV from "${path}": the schema gives column "a" the type "double". ` +
        'Use one of float64, float32, int32, int64, bool, timestamp, utf8.',
    );
  });
});

describe('readCsv: numbers are never silently read as text', () => {
  it('notes a mostly numeric column read as utf8, naming the line and the fix', async () => {
    const path = csvFile('x\n1\n2\nn/a?\n4\n');
    const notes: AdapterNote[] = [];
    const table = await readCsv(path, { onNote: (n) => notes.push(n) });
    expect(String(table.getChild('x')!.type)).toBe('Utf8');
    expect(notes).toEqual([{
      code: 'csv-numbers-as-utf8',
      column: 'x',
      message: `Column "x" of "${path}" is read as utf8: most of its fields are numbers, but line 4 holds "n/a?". ` +
        `To read numbers, pass nullValues including "n/a?" (on the command line: --null-value 'n/a?'), ` +
        `or schema: { "x": 'float64' } ` +
        '(on the command line: --schema x=float64).',
    }]);
  });

  it('without onNote, says it as a process warning', async () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    await readCsv(csvFile('x\n1\n2\noops\n'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain('is read as utf8: most of its fields are numbers, but line 4 holds "oops"');
    warn.mockRestore();
  });
});

describe('readCsv: malformed files end in an InputError naming the file and line', () => {
  it('a row with too few fields', async () => {
    const path = csvFile('date,precipitation,temp_max\n2012-01-01,0.0,12.8\n2012-01-02,10.9\n');
    const error = await rejection(readCsv(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `Cannot read CSV from "${path}": line 3 has 2 fields, but the header has 3 (date, precipitation, temp_max). ` +
        'Add the missing fields (leave them empty for null).',
    );
  });

  it('a row with too many fields (an unquoted delimiter)', async () => {
    const path = csvFile('name,city\nSmith, J,Oslo\n');
    expect((await rejection(readCsv(path))).message).toBe(
      `Cannot read CSV from "${path}": line 2 has 3 fields, but the header has 2 (name, city). ` +
        'Remove the extra fields, or put fields that contain "," in double quotes.',
    );
  });

  it('the line of a ragged row after a multi-line quoted field', async () => {
    const path = csvFile('a,b\n"x\ny",1\n2\n');
    expect((await rejection(readCsv(path))).message).toContain('line 4 has 1 field, but the header has 2');
  });

  it('an unclosed quote', async () => {
    const path = csvFile('a,b\n1,"open\n2,3\n');
    const error = await rejection(readCsv(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`^Cannot read CSV from "${path}": line \\d+: .*quote.*A field holding the delimiter, a quote or a line break must be in double quotes`, 'i'));
  });

  it('a header naming a column twice', async () => {
    const path = csvFile('a,b,a\n1,2,3\n');
    expect((await rejection(readCsv(path))).message).toBe(
      `Cannot read CSV from "${path}": the header (line 1) names column "a" twice (fields 1 and 3). Rename one of them.`,
    );
  });

  it('an empty file', async () => {
    const path = csvFile('');
    expect((await rejection(readCsv(path))).message).toBe(
      `Cannot read CSV from "${path}": it is empty (no header line). A CSV file starts with a header line naming its columns.`,
    );
  });

  it('a file that does not exist', async () => {
    const path = join(dir(), 'nope.csv');
    expect((await rejection(readCsv(path))).message).toBe(
      `Cannot read CSV from "${path}": no such file (looked in ${path}). Check the path and the working directory.`,
    );
  });
});

test('nullValues given as one text, not a list, is refused (it would be read as its characters)', async () => {
  const file = join(dir(), 'one-text-nulls.csv');
  writeFileSync(file, 'x\n1\nN\nA\n');
  const read = readCsv(file, { nullValues: 'NA' as unknown as string[] });
  await expect(read).rejects.toThrow(InputError);
  await expect(read).rejects.toThrow('nullValues is "NA"; give an array of texts');
  const t = await readCsv(file, { nullValues: ['N'] });
  expect(Array.from(t.getChild('x')!)).toEqual(['1', null, 'A']);
});
