/**
 * The core reaches adapters/ only through src/ports.ts, connected by the package entry (src/io.ts):
 * loading the graph code, the builder or the driver in a fresh process loads no adapter and none of
 * apache-arrow, csv-parse or cli-progress. And Arrow enters src/ in one file (src/arrow.ts).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../..');
const FOREIGN = ['apache-arrow', 'csv-parse', 'cli-progress', 'flatbuffers', 'parquet-wasm', 'danfojs-node'];

interface Loaded {
  readonly packages: string[];
  readonly adapters: string[];
  readonly out?: unknown;
}

/** Requires `entries` in a fresh node process (TypeScript through @swc/core), then runs `then`. */
function load(entries: string[], then = 'undefined'): Loaded {
  const script = `
    const mods = ${JSON.stringify(entries.map((e) => join(root, e)))}.map((f) => require(f));
    Promise.resolve((async () => ${then})()).then((out) => {
      const files = Object.keys(require.cache);
      const has = (p) => files.some((f) => f.includes('/node_modules/' + p + '/'));
      const packages = ${JSON.stringify(FOREIGN)}.filter(has);
      const adapters = files.filter((f) => f.startsWith(${JSON.stringify(join(root, 'adapters') + '/')}));
      process.stdout.write(JSON.stringify({ packages, adapters, out }));
    });
  `;
  const helper = join(root, 'test/adapters/helpers/swc-register.js');
  const options = { cwd: root, encoding: 'utf8' as const, timeout: 60_000 };
  const text = execFileSync(process.execPath, ['-r', helper, '-e', script], options);
  return JSON.parse(text) as Loaded;
}

function sources(dir: string): string[] {
  return fs.readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

const graphModules = sources('src/graph');

describe('loading the core does not load the adapters', () => {
  it('every src/graph module, src/builder.ts and src/driver.ts load no adapter and no foreign package', () => {
    const loaded = load([...graphModules, 'src/builder.ts', 'src/driver.ts']);
    expect(loaded.packages).toEqual([]);
    expect(loaded.adapters).toEqual([]);
  });

  it('the package entry does load them (so the check above can fail)', () => {
    const loaded = load(['src/index.ts']);
    expect(loaded.packages).toEqual(expect.arrayContaining(['apache-arrow', 'csv-parse', 'cli-progress']));
    expect(loaded.adapters.length).toBeGreaterThan(10);
  });

  it('a run from a deep import connects the built-in adapters when first asked: an Arrow table comes out', () => {
    const loaded = load(
      ['src/builder.ts', 'src/graph/stages/decorate.ts'],
      `(() => {
        const [{ Builder }] = mods;
        class F { twice(x) { return x.map((v) => v * 2); } }
        Reflect.defineMetadata?.('design:paramtypes', [Float64Array], F.prototype, 'twice');
        return new Builder().withFeatures(F).build()
          .execute(['twice'], { inputs: { x: Float64Array.of(1, 2, 3) } })
          .then((t) => ({ rows: t.numRows, values: Array.from(t.getChild('twice').toArray()) }));
      })()`,
    );
    expect(loaded.out).toEqual({ rows: 3, values: [2, 4, 6] });
    expect(loaded.packages).toContain('apache-arrow');
  });

  it('connectPorts replaces the adapters: a connected result maker is what build() uses', () => {
    const loaded = load(
      ['src/builder.ts', 'src/ports.ts'],
      `(() => {
        const [{ Builder }, { connectPorts }] = mods;
        const none = () => { throw new Error('not used'); };
        connectPorts({
          isTable: () => false, columnsOf: none, tableBytes: () => undefined,
          openCacheStore: none, evictCache: none, drawDot: none,
          resultTable: () => ({ name: 'names', build: (outputs, values) => ({ outputs, first: values[0][0] }) }),
        });
        class F { one(x) { return x; } }
        return new Builder().withFeatures(F).build().execute(['one'], { inputs: { x: Float64Array.of(7) } });
      })()`,
    );
    expect(loaded.out).toEqual({ outputs: ['one'], first: 7 });
    expect(loaded.packages).toEqual([]);
    expect(loaded.adapters).toEqual([]);
  });
});

describe('Arrow enters src/ in one file', () => {
  const files = sources('src');

  it('only src/arrow.ts names apache-arrow', () => {
    const naming = files.filter((f) => fs.readFileSync(join(root, f), 'utf8').includes('apache-arrow'));
    expect(naming).toEqual(['src/arrow.ts']);
  });

  it('no core module imports adapters/ or src/io.ts for its values (only the entry and the wiring do)', () => {
    const valueImport = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'((?:\.\.?\/)+(?:io|adapters(?:\/[^']*)?))'/gm;
    const offenders: string[] = [];
    for (const file of files) {
      if (file === 'src/io.ts' || file === 'src/index.ts') continue;
      const text = fs.readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(valueImport)) offenders.push(`${relative(root, join(root, file))}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
