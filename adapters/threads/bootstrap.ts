/**
 * How a worker thread starts: the code it evaluates, and what it loads before the worker module.
 * Run from the TypeScript sources (tests, a clone without a build), the worker first installs a
 * `.ts` hook (@swc/core when installed, else TypeScript's transpileModule; decorator metadata kept)
 * and resolves `quiver` to the sources; run from the build, it loads `quiver/register` when the
 * main thread loads TypeScript files (as `quiver run features.ts` does).
 */
import * as path from 'path';

/** What the evaluated code reads from `workerData`. */
export interface WorkerStart {
  readonly entry: string;
  readonly preload: readonly string[];
  /** Install a `.ts` hook first (running from sources); `root` is where to find the compiler. */
  readonly tsHook: boolean;
  readonly root: string;
  readonly quiverEntry: string;
}

export const WORKER_CODE = `
const fs = require('fs');
const Module = require('module');
const { workerData } = require('worker_threads');
const start = workerData.start;
if (start.tsHook) {
  let compile;
  try {
    const swc = require(require.resolve('@swc/core', { paths: [start.root] }));
    const options = (filename) => ({ filename, module: { type: 'commonjs' }, jsc: { target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false } } });
    compile = (source, filename) => swc.transformSync(source, options(filename)).code;
  } catch {
    const ts = require(require.resolve('typescript', { paths: [start.root] }));
    const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true,
      experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false };
    compile = (source, fileName) => ts.transpileModule(source, { fileName, compilerOptions }).outputText;
  }
  require.extensions['.ts'] = (m, filename) =>
    m._compile(compile(fs.readFileSync(filename, 'utf8'), filename), filename);
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'quiver' ? start.quiverEntry : resolve.call(this, request, ...rest);
  };
}
for (const file of start.preload) require(file);
require(start.entry);
`;

/**
 * @example
 * new Worker(WORKER_CODE, { eval: true, workerData: { start: workerStart() } });
 */
export function workerStart(): WorkerStart {
  const ext = path.extname(__filename);
  const fromSources = ext === '.ts';
  const root = path.resolve(__dirname, '..', '..');
  const mainLoadsTs = typeof (require.extensions as Record<string, unknown>)['.ts'] === 'function';
  return {
    entry: path.join(__dirname, `worker${ext}`),
    preload: !fromSources && mainLoadsTs ? [path.join(root, 'cli', 'register.js')] : [],
    tsHook: fromSources,
    root,
    quiverEntry: path.join(root, 'src', `index${ext}`),
  };
}
