/**
 * Writes a file under a temporary name next to it and renames it into place when complete, so a
 * crash or an error mid-write never leaves a half-written file at `path`.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileError, reasonOf } from './file-errors';
import { QuiverError } from '../../src/errors';

/**
 * Calls `write` with a handle on a temporary file beside `path`, then renames it to `path`.
 * Errors name the file; the temporary file is removed on failure.
 *
 * @example
 * await atomicWrite('out.csv', 'CSV', (fh) => fh.write('a,b\n1,2\n'));
 */
export async function atomicWrite(path: string, format: string, write: (file: FileHandle) => Promise<unknown>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.partial`);
  let file: FileHandle | undefined;
  try {
    file = await open(temporary, 'w');
    await write(file);
    await file.close();
    file = undefined;
    await rename(temporary, path);
  } catch (error) {
    await file?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    if (error instanceof QuiverError) throw error;
    throw fileError(path, `write ${format} to`, writeReason(path, error), 'Check that the directory exists and that you may write there.');
  }
}

function writeReason(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `the directory "${dirname(path)}" does not exist`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied in "${dirname(path)}"`;
  return reasonOf(error);
}
