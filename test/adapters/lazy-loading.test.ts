import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** Requires `entry` in a fresh node process and lists which of `packages` it loaded. */
function loadedPackages(entry: string, packages: string[], then = ''): string[] {
  const script = `
    const entry = require(${JSON.stringify(join(root, entry))});
    ${then}
    const loaded = Object.keys(require.cache);
    const wanted = ${JSON.stringify(packages)};
    process.stdout.write(JSON.stringify(wanted.filter((p) => loaded.some((f) => f.includes('/node_modules/' + p + '/')))));
  `;
  const out = execFileSync(process.execPath, ['-r', join(__dirname, 'helpers/swc-register.js'), '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

describe('importing quiver does not load danfo or parquet-wasm', () => {
  it('the package entry (src/index.ts) leaves danfojs-node and parquet-wasm out of require.cache', () => {
    expect(loadedPackages('src/index.ts', ['danfojs-node', 'parquet-wasm', 'apache-arrow'])).toEqual(['apache-arrow']);
  });

  it('the adapters barrel does not either', () => {
    expect(loadedPackages('adapters/index.ts', ['danfojs-node', 'parquet-wasm', '@tensorflow'])).toEqual([]);
  });

  it('does load danfo once a danfo adapter runs (so the checks above can fail)', () => {
    const loaded = loadedPackages('adapters/index.ts', ['danfojs-node'], "entry.danfoFrame().build(['x'], [new Float64Array(2)]);");
    expect(loaded).toEqual(['danfojs-node']);
  });
});
