/**
 * Text readers (CSV, JSON) refuse a file that is not text: a NUL byte in its first 64 KiB means
 * binary data (often a Parquet or Arrow file with the wrong extension), which would otherwise read
 * as a table with a garbled, NUL-named column.
 */
import { open } from 'node:fs/promises';
import { fileError } from './file-errors';

const SNIFF_BYTES = 65_536;
const MAGIC: readonly [string, string][] = [['PAR1', 'a Parquet file'], ['ARROW1', 'an Arrow IPC file']];

/**
 * Throws an `InputError` naming the file when its first 64 KiB hold a NUL byte.
 *
 * @example
 * await refuseBinary('data.csv', 'CSV'); // InputError: Cannot read CSV from "data.csv": it is binary …
 */
export async function refuseBinary(path: string, format: string): Promise<void> {
  const file = await open(path, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
  const nul = head.indexOf(0);
  if (nul < 0) return;
  // UTF-16 (Excel's "Unicode Text", Windows tools): every other byte of ASCII text is NUL
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw fileError(path, `read ${format} from`, 'it is UTF-16 text (it starts with a UTF-16 byte order mark)',
      'Save or convert it as UTF-8 (Excel: "CSV UTF-8"; iconv -f UTF-16 -t UTF-8).');
  }
  const magic = MAGIC.find(([bytes]) => head.subarray(0, bytes.length).toString('latin1') === bytes);
  const guess = magic ? `; it starts like ${magic[1]}` : '';
  throw fileError(path, `read ${format} from`, `it is binary, not text (byte ${nul} is NUL${guess})`,
    magic ? `Give it the extension of its format (e.g. ${magic[0] === 'PAR1' ? '.parquet' : '.arrow'}).`
      : `Check that this is the file you meant; a ${format} file is text.`);
}
