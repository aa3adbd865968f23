/**
 * DOT → SVG with Graphviz compiled to WebAssembly (`@hpcc-js/wasm-graphviz`): no system binary.
 */
import { QuiverError } from '../../src/errors';

interface GraphvizModule {
  Graphviz: { load(): Promise<{ dot(source: string, format: 'svg'): string; version(): string }> };
}

let loading: Promise<Awaited<ReturnType<GraphvizModule['Graphviz']['load']>>> | undefined;

/**
 * `@hpcc-js/wasm-graphviz` ships as an ES module only. Node ≥ 20.19 `require`s it; jest replaces
 * `require` (and `module.createRequire`) with a registry that cannot, so Node's own loader is
 * taken from `process.getBuiltinModule` when there is one. Older Node falls back to `import()`.
 */
function loadModule(): Promise<GraphvizModule> {
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const nodeModule = (getBuiltin ? getBuiltin('module') : require('module')) as typeof import('module');
  try {
    return Promise.resolve(nodeModule.createRequire(__filename)('@hpcc-js/wasm-graphviz') as GraphvizModule);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_REQUIRE_ESM') return Promise.reject(error);
    const dynamicImport = new Function('id', 'return import(id)') as (id: string) => Promise<GraphvizModule>;
    return dynamicImport('@hpcc-js/wasm-graphviz');
  }
}

function graphviz() {
  loading ??= loadModule().then((m) => m.Graphviz.load());
  return loading;
}

/**
 * The version of Graphviz that draws the pictures (e.g. `'12.2.1'`).
 *
 * @example
 * console.log(`drawn with Graphviz ${await graphvizVersion()}`);
 */
export async function graphvizVersion(): Promise<string> {
  return (await graphviz()).version();
}

/**
 * Lay out DOT text and return the picture as an SVG document. Keep graphs to a few hundred boxes
 * (`collapse` does that): layout time grows fast with boxes and edges.
 *
 * @example
 * const svg = await renderSvg('digraph { spend -> avg3wkSpend }');
 * fs.writeFileSync('graph.svg', svg);
 */
export async function renderSvg(dot: string): Promise<string> {
  const gv = await graphviz();
  try {
    return gv.dot(dot, 'svg');
  } catch (error) {
    loading = undefined; // a failed layout can leave the WebAssembly instance unusable
    const reason = error instanceof Error ? error.message : String(error);
    throw new QuiverError(
      `Graphviz could not lay out this graph (${reason.trim()}). Draw fewer nodes: collapse the picture ` +
        `(quiver graph --max-nodes 150) or narrow it to what one node needs (--upstream-of <node>).`,
      { cause: error },
    );
  }
}
