/**
 * Two outputs of one command must be two files: `--out o.csv --report o.csv` would write the
 * report over the data. Paths are compared after `path.resolve` and the real path of the longest
 * part that exists (symbolic links, `..`), and by device and inode when both files exist.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './errors';

/** The path with its longest existing prefix replaced by that prefix's real path. */
function realish(file: string): string {
  let existing = path.resolve(file);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(file);
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

function sameFile(a: string, b: string): boolean {
  if (realish(a) === realish(b)) return true;
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Throws a `UsageError` naming both flags when two of the given outputs are one file. Flags whose
 * value is undefined are skipped.
 *
 * @example
 * checkDistinctOutputs({ '--out': 'o.csv', '--report': './o.csv' });
 * // UsageError: --out and --report both name the file "o.csv" (…/o.csv): …
 */
export function checkDistinctOutputs(outputs: Readonly<Record<string, string | undefined>>): void {
  const given = Object.entries(outputs).filter((e): e is [string, string] => typeof e[1] === 'string');
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      const [[flagA, a], [flagB, b]] = [given[i], given[j]];
      if (!sameFile(a, b)) continue;
      throw new UsageError(
        `${flagA} and ${flagB} both name the file "${a}"${a === b ? '' : ` (as "${b}")`}, resolved to ${realish(a)}: ` +
          `one would overwrite the other. Give ${flagB} another path.`,
      );
    }
  }
}
