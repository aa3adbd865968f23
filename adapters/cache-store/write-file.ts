/**
 * The cache store's own atomic write: synchronous, as its reads are. A cached run writes one payload
 * and one index file per node; through `fs/promises` each of those ~10 system calls waits for a turn
 * in libuv's thread pool, which made a cold run of ~1,000 small features 40× slower than an
 * uncached one. The paths are the store's own (no links to follow, no mode to keep), and stale
 * temporary files are swept once per run by `CacheStore.open`, not on every write.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeError } from '../files/write-errors';
import { tempName } from '../files/temp-files';

/**
 * Writes `data` under a unique temporary name beside `path`, then renames it into place: a kill
 * mid-write leaves no file at `path`, never half a one. Errors are `InputError`s naming the path.
 *
 * @example
 * writeFileAtomically('.quiver-cache/index/ab….json', 'a cache index entry', JSON.stringify(entry));
 */
export function writeFileAtomically(path: string, format: string, data: string | Uint8Array): void {
  const temporary = join(dirname(path), tempName(basename(path)));
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw writeError(path, format, error);
  }
}
