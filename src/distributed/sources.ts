/**
 * The code a distributed run's features file stands for: the file and, transitively, every local
 * module it loaded (what `require` recorded; not node_modules, not quiver's own sources). Their
 * texts, hashed, go into the run's key, so a change in a helper the features import gives a new
 * key and fresh parts instead of the stale parts of the old code.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** quiver's own folders (its version is in the run key already). */
const OWN = ['src', 'adapters', 'cli', 'dist'].map((d) => path.resolve(__dirname, '..', '..', d) + path.sep);

function local(file: string): boolean {
  return !file.split(path.sep).includes('node_modules') && !OWN.some((dir) => file.startsWith(dir));
}

/**
 * The features file and the local modules it loaded, transitively, sorted (just the file when it
 * was not loaded with `require` in this process).
 *
 * @example
 * localSources('/app/features.ts'); // ['/app/features.ts', '/app/lib/scale.ts']
 */
export function localSources(file: string): string[] {
  const seen = new Set<string>([file]);
  const todo: (NodeModule | undefined)[] = [require.cache[file]];
  while (todo.length > 0) {
    const mod = todo.pop();
    for (const child of mod?.children ?? []) {
      if (seen.has(child.filename) || !local(child.filename)) continue;
      seen.add(child.filename);
      todo.push(child);
    }
  }
  return [...seen].sort();
}

/**
 * sha256 over the names and current texts of `files` (a file gone counts as such).
 *
 * @example
 * sourcesHash(localSources('/app/features.ts')); // '5be0…' (64 hex digits)
 */
export function sourcesHash(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`\0${file}\0`);
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : '\0gone');
  }
  return hash.digest('hex');
}
