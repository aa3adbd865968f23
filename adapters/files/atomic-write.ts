/**
 * The one way quiver writes a file: under a unique temporary name beside it, renamed into place
 * when complete, so a crash, a kill or an error mid-write never leaves a half-written file at the
 * path, and of two writers to one path the last one wins whole.
 */
import { lstat, open, readlink, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { QuiverError } from '../../src/errors';
import { removeStaleTempFiles, tempName } from './temp-files';
import { writeError } from './write-errors';

/** Follow at most this many symbolic links from the path to the file they lead to. */
const MAX_LINKS = 40;

/**
 * Calls `write` with a handle on a new temporary file beside `path` (exclusive create, a random
 * name), then renames it over `path`. An existing file keeps its mode; a symbolic link at `path`
 * stays and the file it points to is replaced. Errors are `InputError`s naming the path and the
 * fix; the temporary file is removed on failure, and quiver's stale temporary files in the folder
 * (see `removeStaleTempFiles`) are removed on the way.
 *
 * @example
 * await atomicWrite('out.csv', 'CSV', (fh) => fh.write('a,b\n1,2\n'));
 */
export async function atomicWrite(path: string, format: string, write: (file: FileHandle) => Promise<unknown>): Promise<void> {
  let temporary: string | undefined;
  let file: FileHandle | undefined;
  try {
    const target = await linkTarget(path);
    const mode = await existingMode(target);
    await removeStaleTempFiles(dirname(target));
    temporary = join(dirname(target), tempName(basename(target)));
    file = await open(temporary, 'wx');
    if (mode !== undefined) await file.chmod(mode);
    await write(file);
    await file.close();
    file = undefined;
    await rename(temporary, target);
  } catch (error) {
    await file?.close().catch(() => undefined);
    if (temporary) await rm(temporary, { force: true }).catch(() => undefined);
    if (error instanceof QuiverError) throw error;
    throw writeError(path, format, error);
  }
}

/** The file a path leads to through any symbolic links (a link to a missing file leads there too). */
async function linkTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    try {
      if (!(await lstat(current)).isSymbolicLink()) return current;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`more than ${MAX_LINKS} symbolic links`), { code: 'ELOOP' });
}

/** The permission bits of the file being replaced, or undefined for a new file. A folder is EISDIR. */
async function existingMode(target: string): Promise<number | undefined> {
  try {
    const info = await stat(target);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return info.mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}


/**
 * Writes a string (UTF-8) atomically, as `atomicWrite` does: for reports, pictures, notes.
 *
 * @example
 * await writeTextFile('run.html', 'HTML report', html);
 */
export function writeTextFile(path: string, format: string, text: string): Promise<void> {
  return atomicWrite(path, format, (file) => file.writeFile(text, 'utf8'));
}
