/**
 * Two more ways inference changed a column's meaning without a word: a code with leading zeros
 * ("02134", a US zip; "007", an id) read as the number 2134, and a number too large for float64
 * ("1e400") read as Infinity. Both stay numbers (pandas reads them so too), with a note naming
 * the column, the line, the value and the fix.
 */
import { readCsv, type AdapterNote } from '../../../adapters';
import { useTempFiles } from '../helpers/temp-dir';
import { csvNotes } from '../helpers/csv-notes';

const file = useTempFiles('z');

const notesOf = csvNotes;

describe('readCsv: leading zeros and float64 overflow are noted', () => {
  it('a field with a leading zero in an integer column', async () => {
    const path = file('zip,v\n10001,1\n02134,2\n');
    const notes = await notesOf(path);
    expect(notes).toEqual([{
      code: 'csv-leading-zeros',
      column: 'zip',
      message:
        `Column "zip" of "${path}" is read as int32: line 3 holds "02134", whose leading zero a number drops (2134). ` +
        `If the column is a code (a zip, an id), pass schema: { "zip": 'utf8' } ` +
        '(on the command line: --schema zip=utf8).',
    }]);
  });

  it('and in a float column; no note for 0, 0.5, -0.25 or 0e5', async () => {
    expect((await notesOf(file('a\n007.5\n1\n')))[0].code).toBe('csv-leading-zeros');
    expect(await notesOf(file('a,b\n0,0.5\n-0.25,0e5\n10,1\n'))).toEqual([]);
  });

  it('a number beyond float64 that reads as Infinity', async () => {
    const path = file('x\n1.5\n1e400\n-2e308\n');
    const notes = await notesOf(path);
    expect(notes).toEqual([{
      code: 'csv-float-overflow',
      column: 'x',
      message:
        `Column "x" of "${path}" is read as float64: line 3 holds 1e400, beyond float64's range (±1.8e308), ` +
        "which reads as Infinity. Scale the values in the file, or pass schema: { \"x\": 'utf8' } " +
        '(on the command line: --schema x=utf8) to keep the text.',
    }]);
  });

  it('no note for an explicit inf, Infinity or -inf', async () => {
    expect(await notesOf(file('x\ninf\n-Infinity\n1\n'))).toEqual([]);
  });
});
