/**
 * Two files a spreadsheet user hands over: a UTF-16 export ("Unicode Text") was refused as
 * "binary, not text (byte 3 is NUL)", and a semicolon-delimited CSV (European locales) as
 * "line 2 has 2 fields, but the header has 1 (a;b)". Both now say what the file is and the fix.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../../adapters';
import { rejection, useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();

describe('readCsv: UTF-16 files and another delimiter', () => {
  it('a UTF-16 file (with its byte order mark) is named as such, with the conversion', async () => {
    const path = join(dir(), 'u16.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]));
    const error = await rejection(readCsv(path));
    expect(error.message).toBe(
      `Cannot read CSV from "${path}": it is UTF-16 text (it starts with a UTF-16 byte order mark). ` +
        'Save or convert it as UTF-8 (Excel: "CSV UTF-8"; iconv -f UTF-16 -t UTF-8).',
    );
  });

  it('a semicolon-delimited file names the delimiter to pass', async () => {
    const path = join(dir(), 'semi.csv');
    writeFileSync(path, 'a;b\n1,5;2\n3,25;4\n');
    const error = await rejection(readCsv(path));
    expect(error.message).toBe(
      `Cannot read CSV from "${path}": line 2 has 2 fields, but the header has 1 (a;b). The header is one field, ` +
        '"a;b": the file looks delimited by ";"; pass delimiter: ";".',
    );
    const table = await readCsv(path, { delimiter: ';' });
    expect(table.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
  });
});
