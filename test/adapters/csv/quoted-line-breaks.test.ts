/**
 * Line numbers in readCsv's notes and errors after a quoted field holding line breaks: csv-parse
 * counts a CRLF inside quotes as two lines, so every later line number was off by one per CRLF
 * (a note named line 8 for a field on line 6), and a record spanning lines was named by its last
 * line. Lines are counted as a text editor shows them, and a record is named by its first line.
 */
import { readCsv, type AdapterNote } from '../../../adapters';
import { useTempFiles } from '../helpers/temp-dir';

const file = useTempFiles('q');

async function noteLine(path: string): Promise<string> {
  const notes: AdapterNote[] = [];
  await readCsv(path, { onNote: (n) => notes.push(n) });
  return /line \d+/.exec(notes[0].message)![0];
}

async function errorLine(path: string, schema: Record<string, 'float64'>): Promise<string> {
  try {
    await readCsv(path, { schema });
  } catch (e) {
    return /line \d+/.exec((e as Error).message)![0];
  }
  throw new Error('expected an error');
}

describe('readCsv line numbers after quoted line breaks', () => {
  for (const [eol, name] of [['\r\n', 'CRLF'], ['\n', 'LF']]) {
    const text = ['day,note,v', '2024-01-01,"a', 'b', 'c",1', '2024-01-02,x,2', '2024-02-31,y,3', '2024-01-04,z,4', '']
      .join(eol);

    it(`${name}: a note names the line the field is on`, async () => {
      expect(await noteLine(file(`\ufeff${text}`))).toBe('line 6');
    });

    it(`${name}: a record spanning lines 2-4 is named by line 2`, async () => {
      expect(await errorLine(file(text), { note: 'float64' })).toBe('line 2');
    });
  }

  it('blank lines before a record count', async () => {
    const path = file('day,v\r\n2024-01-01,1\r\n\r\n\r\n2024-02-31,2\r\n2024-01-03,3\r\n2024-01-04,4\r\n');
    expect(await noteLine(path)).toBe('line 5');
  });
});
