/**
 * What a failed write says: each system error code a write can meet becomes a reason naming the
 * file or folder, and a fix.
 */
import { dirname } from 'node:path';
import { fileError, reasonOf } from './file-errors';
import type { InputError } from '../../src/errors';

/**
 * The `InputError` for a write of `format` to `path` that failed with `error` (a Node system error).
 *
 * @example
 * writeError('out/a.csv', 'CSV', Object.assign(new Error('x'), { code: 'ENOENT' })).message;
 * // 'Cannot write CSV to "out/a.csv": the folder "out" does not exist. Create it, or write to another path.'
 */
export function writeError(path: string, format: string, error: unknown): InputError {
  const folder = dirname(path);
  const [reason, fix] = explain((error as NodeJS.ErrnoException).code, path, folder, error);
  return Object.assign(fileError(path, `write ${format} to`, reason, fix), { cause: error });
}

function explain(code: string | undefined, path: string, folder: string, error: unknown): [string, string] {
  switch (code) {
    case 'ENOENT':
      return [`the folder "${folder}" does not exist`, 'Create it, or write to another path.'];
    case 'ENOTDIR':
      return [`a part of "${folder}" is a file, not a folder`, 'Write to a path inside a folder.'];
    case 'EISDIR':
      return [`"${path}" is a folder`, 'Give the path of a file inside it, e.g. ' + `"${path}/result${ext(path)}".`];
    case 'EACCES':
    case 'EPERM':
      return [`permission denied in "${folder}"`, 'Write to a folder you may write in, or change its permissions.'];
    case 'EROFS':
      return [`"${folder}" is on a read-only file system`, 'Write to another path.'];
    case 'ENOSPC':
    case 'EDQUOT':
      return [`no space left on the device of "${folder}"`, 'Free some space, or write to another disk.'];
    case 'ELOOP':
      return [`its symbolic links go round in a loop`, 'Point the link at a file.'];
    case 'EEXIST':
      return [`a temporary file beside it already exists`, 'Try again; if it persists, remove the hidden .partial files there.'];
    default:
      return [reasonOf(error), 'Check that the folder exists and that you may write there.'];
  }
}

function ext(path: string): string {
  const m = /\.[^./]+$/.exec(path);
  return m ? m[0] : '';
}
