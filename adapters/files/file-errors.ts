/** The errors file adapters throw: each names the file, what went wrong and what to do. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../src/errors';

/**
 * An `InputError` with one issue naming the file.
 *
 * @example
 * fileError('a.csv', 'read CSV from', 'it is empty', 'Add a header line.');
 * // Cannot read CSV from "a.csv": it is empty. Add a header line.
 */
export function fileError(path: string, action: string, reason: string, fix: string): InputError {
  return new InputError([{ code: 'file', message: `Cannot ${action} "${path}": ${reason}. ${fix}`, nodes: [path] }]);
}

/**
 * The message of whatever a foreign library threw, trimmed to one line (200 characters at most).
 *
 * @example
 * reasonOf(new Error('EOF: file too short\nmore')); // 'EOF: file too short'
 */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0].trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * Checks that `path` is a readable file before a reader opens it; returns its size in bytes.
 *
 * @example
 * await checkReadable('flights.parquet', 'Parquet'); // InputError "no such file" when missing
 */
export async function checkReadable(path: string, format: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw fileError(path, `read ${format} from`, 'it is a directory, not a file', 'Pass the path of a file.');
    return info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw fileError(path, `read ${format} from`, `no such file (looked in ${resolve(path)})`, 'Check the path and the working directory.');
    }
    throw fileError(path, `read ${format} from`, reasonOf(error), 'Check that the file exists and that you may read it.');
  }
}
