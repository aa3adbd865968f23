/**
 * The file line each row of a CSV table starts on, kept with the table for messages about rows
 * found wrong after the read (a duplicate entity and time, a missing entity): 1-based, the header
 * line 1, a quoted field's line breaks (LF or CRLF) and blank lines counted as an editor shows them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromArrays } from 'apache-arrow';
import { readCsv } from '../../../adapters';
import { fileLine, hasFileLines, rememberLines } from '../../../adapters/csv/table-lines';
import { useTempDir } from '../helpers/temp-dir';

const dir = useTempDir();

describe('fileLine', () => {
  for (const [eol, name] of [['\r\n', 'CRLF'], ['\n', 'LF']]) {
    it(`${name}: names the line each row starts on, after quoted line breaks and blank lines`, async () => {
      // line 1 header; row 0 lines 2–4; row 1 line 5; blank line 6; row 2 line 7; row 3 lines 8–9; row 4 line 10
      const text = ['day,note', '2024-01-01,"a', 'b', 'c"', '2024-01-02,x', '', '2024-01-03,y', '2024-01-04,"p', 'q"',
        '2024-01-05,z', ''].join(eol);
      const path = join(dir(), `lines-${name}.csv`);
      writeFileSync(path, text);
      const table = await readCsv(path);
      expect(hasFileLines(table)).toBe(true);
      expect([0, 1, 2, 3, 4].map((row) => fileLine(table, row))).toEqual([2, 5, 7, 8, 10]);
      expect(fileLine(table, 5)).toBeUndefined(); // no such row
    });
  }

  it('a plain file is one run (row + 2); a table not read from CSV has no lines', () => {
    const table = tableFromArrays({ x: Float64Array.of(1, 2, 3) });
    expect(hasFileLines(table)).toBe(false);
    expect(fileLine(table, 0)).toBeUndefined();
    rememberLines(table, [2, 3, 4]);
    expect([0, 1, 2].map((row) => fileLine(table, row))).toEqual([2, 3, 4]);
    // many runs: lookups by binary search agree with the list
    const lines = Array.from({ length: 1000 }, (_, i) => i + 2 + Math.floor(i / 7) * 3 + (i > 500 ? 11 : 0));
    const other = tableFromArrays({ x: new Float64Array(1000) });
    rememberLines(other, lines);
    expect(lines.map((_, row) => fileLine(other, row))).toEqual(lines);
  });
});
