/**
 * The versions a run report records: Node, quiver, apache-arrow and Graphviz.
 */
import * as fs from 'fs';
import * as path from 'path';
import { graphvizVersion } from '../graphviz/render-svg';

/**
 * The `version` of the nearest package.json above `from` whose `name` is `name`, or `'unknown'`.
 *
 * @example
 * packageVersion(__dirname, 'quiver'); // '0.1.0'
 */
export function packageVersion(from: string, name: string): string {
  let dir = from;
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch {
      // no package.json here
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/**
 * `{ node, quiver, apache-arrow, graphviz }` versions of this process.
 *
 * @example
 * await versions(); // { node: 'v20.20.2', quiver: '0.1.0', 'apache-arrow': '21.2.0', graphviz: '12.2.1' }
 */
export async function versions(): Promise<Record<string, string>> {
  let arrow = 'unknown';
  try {
    arrow = packageVersion(path.dirname(require.resolve('apache-arrow')), 'apache-arrow');
  } catch {
    // not installed
  }
  let graphviz = 'unknown';
  try {
    graphviz = await graphvizVersion();
  } catch {
    // could not load
  }
  return { node: process.version, quiver: packageVersion(__dirname, 'quiver'), 'apache-arrow': arrow, graphviz };
}
