/**
 * The temporary files the atomic writer makes beside a target: their names (unique per write, so
 * two writers never share one), and the removal of those a killed run left behind.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A temporary file older than this whose writer is gone is stale (one hour). */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/** `.<name>.quiver-<pid>-<16 hex>.partial`, and the `.<name>.<pid>.<ms>.partial` of earlier versions. */
const TEMP_NAME = /^\..+\.(?:quiver-(\d+)-[0-9a-f]{16}|(\d+)\.\d+)\.partial$/;

/**
 * A fresh temporary name for a file named `name`: hidden, with the writer's pid and 64 random
 * bits, so no two writes (threads, processes, the same millisecond) ever pick the same one.
 *
 * @example
 * tempName('features.parquet'); // '.features.parquet.quiver-4242-9f86d081884c7d65.partial'
 */
export function tempName(name: string): string {
  return `.${name}.quiver-${process.pid}-${randomBytes(8).toString('hex')}.partial`;
}

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes quiver's own temporary files in `folder` that are older than `staleAfterMs` and whose
 * writer process is no longer alive; returns their names. Errors are ignored (cleaning is a
 * courtesy, never the reason a write fails).
 *
 * @example
 * await removeStaleTempFiles('out'); // ['.features.parquet.quiver-4242-9f86d081884c7d65.partial']
 */
export async function removeStaleTempFiles(folder: string, staleAfterMs = STALE_AFTER_MS, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[1] ?? match[2]);
    const path = join(folder, name);
    try {
      const info = await stat(path);
      if (!info.isFile() || now - info.mtimeMs < staleAfterMs || isAlive(pid)) continue;
      await rm(path, { force: true });
      removed.push(name);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}
