/**
 * A text column whose fields include a null token other than the empty field ("NA" for Namibia,
 * "None", "null"): those fields became null without a word (pandas does the same), and writeCsv
 * → readCsv lost them. Still null by default, now with a note naming the column, line, value and
 * the option that keeps it.
 */
import { readCsv, type AdapterNote } from '../../../adapters';
import { useTempFiles } from '../helpers/temp-dir';

const file = useTempFiles('t');

async function read(path: string, nullValues?: string[]) {
  const notes: AdapterNote[] = [];
  const table = await readCsv(path, { onNote: (n) => notes.push(n), ...(nullValues ? { nullValues } : {}) });
  return { table, notes };
}

describe('readCsv: null tokens in a text column', () => {
  it('are null, with a note', async () => {
    const path = file('country,v\nUS,1\nNA,2\n,3\nDE,4\n');
    const { table, notes } = await read(path);
    expect(table.getChild('country')!.toArray()).toEqual(['US', null, null, 'DE']);
    expect(notes).toEqual([{
      code: 'csv-text-as-null',
      column: 'country',
      message:
        `Column "country" of "${path}" is text, and line 3 holds "NA", one of the null values, so it is read as null ` +
        '(and so is every field equal to a null value: NA, N/A, NaN, nan, NULL, null, None). If "NA" is a value ' +
        "there, pass nullValues: [''] (only empty fields are null; on the command line: --no-default-null-values " +
        "--null-value '').",
    }]);
  });

  it('no note for empty fields only, for numeric columns, or with nullValues: [\'\']', async () => {
    expect((await read(file('a,b\nx,1\n,NA\ny,3\n'))).notes).toEqual([]);
    const kept = await read(file('country\nUS\nNA\n'), ['']);
    expect(kept.notes).toEqual([]);
    expect(kept.table.getChild('country')!.toArray()).toEqual(['US', 'NA']);
  });
});
