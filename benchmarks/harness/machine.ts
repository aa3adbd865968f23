/** What the results were measured on: machine, Node, package versions and the malloc settings. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function versionOf(pkg: string): string | null {
  for (const base of [path.join(ROOT, 'node_modules'), path.join(process.cwd(), 'node_modules')]) {
    try {
      return (JSON.parse(fs.readFileSync(path.join(base, pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      /* try the next base */
    }
  }
  return null;
}

/**
 * A description of the machine and software, for the results file.
 *
 * @example
 * machineInfo().nproc  // 2
 */
export function machineInfo(): Record<string, unknown> {
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    mem_total_gib: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    mem_free_gib_at_start: Math.round((os.freemem() / 2 ** 30) * 10) / 10,
    loadavg_at_start: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    v8: process.versions.v8,
    glibc_tunables: process.env.GLIBC_TUNABLES ?? null,
    packages: Object.fromEntries(
      ['quiver', 'apache-arrow', 'nodejs-polars', 'arquero', 'danfojs-node', 'typescript'].map((p) => [
        p,
        p === 'quiver' ? versionOfRoot() : versionOf(p),
      ]),
    ),
  };
}

function versionOfRoot(): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}
