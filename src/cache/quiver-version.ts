/** quiver's own version, part of every cache key: a new quiver (new kernels) never reads an older one's values. */
import * as fs from 'node:fs';
import * as path from 'node:path';

let version: string | undefined;

/** @example quiverVersion() // '0.1.0' */
export function quiverVersion(): string {
  if (version !== undefined) return version;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'quiver' && pkg.version) return (version = pkg.version);
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) return (version = 'unknown');
  }
}
