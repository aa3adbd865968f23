/**
 * A disk cache for compiled TypeScript, so a second `quiver run` neither loads the compiler nor
 * recompiles unchanged files. Keyed by the compiler's version, the file's path and its text; kept
 * in a folder only this user can write (`$TMPDIR/quiver-ts-cache-<uid>`). Best effort: any failure
 * just compiles again. `QUIVER_TS_CACHE=off` turns it off; `QUIVER_TS_CACHE=<dir>` moves it.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Bump when the compiler options in ts-loader.ts, or what its transformers emit, change. */
const OPTIONS_VERSION = '2-doc-comments';

function cacheDirectory(): string | undefined {
  const setting = process.env.QUIVER_TS_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  const uid = process.getuid?.() ?? 'user';
  const dir = setting || path.join(os.tmpdir(), `quiver-ts-cache-${uid}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(dir);
    // never read code from a folder someone else could write to
    if (process.getuid && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

let directory: string | undefined | null = null;
let compilerVersion: string | undefined;

/**
 * `compile(source, fileName)`, or its answer from the cache when this exact file was compiled
 * before by the same compiler version (and the same `variant` of the options, when compile has several).
 *
 * @example
 * const js = cachedCompile(source, '/tmp/features.ts', transpileTypeScript);
 */
export function cachedCompile(
  source: string,
  fileName: string,
  compile: (source: string, fileName: string) => string,
  variant = '',
): string {
  if (directory === null) directory = cacheDirectory();
  if (directory === undefined) return compile(source, fileName);
  try {
    compilerVersion ??= (require('typescript/package.json') as { version: string }).version;
  } catch {
    return compile(source, fileName); // no compiler: let compile say so
  }
  const parts = [compilerVersion, OPTIONS_VERSION, variant, fileName, source];
  const key = createHash('sha256').update(parts.join('\0')).digest('hex');
  const file = path.join(directory, `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // not cached yet
  }
  const js = compile(source, fileName);
  try {
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, js, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    // a cache that cannot be written is no cache
  }
  return js;
}
