/**
 * Load a user's TypeScript feature file with no build step.
 *
 * A CommonJS require hook compiles each `.ts` file with TypeScript's own `transpileModule`
 * (`experimentalDecorators` + `emitDecoratorMetadata`: quiver reads parameter and return types
 * from the `design:*` metadata, which esbuild-based runners such as tsx drop). Output is
 * CommonJS with an inline source map, so stack traces point at the user's `.ts` lines.
 *
 * It also resolves the bare specifier `quiver` to this very package — the
 * same module instance the command uses, wherever the user's file lives — and lets a file outside
 * any project import the packages quiver itself depends on (`apache-arrow`, `reflect-metadata`…).
 */
import Module = require('module');
import * as fs from 'fs';
import * as path from 'path';
import { requireOptional } from '../adapters/optional-dependency';
import { MissingDependencyError, QuiverError } from '../src/errors';
import { docCommentTransformer } from './doc-comments';
import { cachedCompile } from './ts-cache';

/** What `registerTypeScript` installed; `unregister()` restores the previous hooks. */
export interface TypeScriptHook {
  /** Absolute path of the file `quiver` resolves to. */
  readonly quiverEntry: string;
  unregister(): void;
}

interface ModuleInternals {
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _extensions: Record<string, (module: NodeModule & { _compile(code: string, file: string): void }, file: string) => void>;
}

const internals = Module as unknown as ModuleInternals;
let active: TypeScriptHook | undefined;

const INSTALL_TYPESCRIPT =
  'Install it with `npm install --save-dev typescript@~5.9` (quiver compiles with TypeScript 5), ' +
  'or compile your features to JavaScript with tsc and pass the .js file.';

function loadCompiler(fileName: string): typeof import('typescript') {
  return checkedCompiler(
    requireOptional<unknown>('typescript', `Compiling ${fileName}`, INSTALL_TYPESCRIPT),
    fileName,
  );
}

/**
 * The loaded `typescript` package when it has the JavaScript compiler API quiver calls
 * (`transpileModule`); TypeScript 7 (the native compiler, what `npm install typescript` now
 * gives) ships `tsc` alone, which is a `MissingDependencyError` naming the version found.
 *
 * @example
 * checkedCompiler(require('typescript'), 'features.ts'); // the module itself, with TypeScript 5
 * checkedCompiler({ version: '7.0.2' }, 'features.ts');  // throws MissingDependencyError
 */
export function checkedCompiler(ts: unknown, fileName: string): typeof import('typescript') {
  const api = ts as Partial<typeof import('typescript')> | undefined;
  if (api && typeof api.transpileModule === 'function' && api.ModuleKind && api.ScriptTarget) {
    return api as typeof import('typescript');
  }
  const version = typeof api?.version === 'string' ? ` ${api.version}` : '';
  throw new MissingDependencyError(
    'typescript',
    `Compiling ${fileName} needs TypeScript's JavaScript compiler API (transpileModule), which the installed ` +
      `typescript${version} does not have (TypeScript 7 ships the tsc command alone). ${INSTALL_TYPESCRIPT}`,
  );
}

export interface TranspileOptions {
  /** Record each method's JSDoc comment as its node's doc (default true; off for quiver's own sources). */
  readonly docComments?: boolean;
}

/**
 * Compile one TypeScript source to CommonJS JavaScript, decorator metadata kept and each method's
 * JSDoc comment recorded as its node's doc (see doc-comments.ts). Syntax errors throw a
 * `QuiverError` that lists each as `file(line,col): message`.
 *
 * @example
 * const js = transpileTypeScript('class A {@feature() x(a: Float64Array) { return a; } }', 'f.ts');
 * js.includes('design:paramtypes'); // true
 */
export function transpileTypeScript(source: string, fileName: string, options: TranspileOptions = {}): string {
  const ts = loadCompiler(fileName);
  const compilerOptions: import('typescript').CompilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    useDefineForClassFields: false,
    esModuleInterop: true,
    inlineSourceMap: true,
    inlineSources: true,
  };
  const transformers = { before: options.docComments === false ? [] : [docCommentTransformer(ts)] };
  const out = ts.transpileModule(source, { fileName, compilerOptions, reportDiagnostics: true, transformers });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const lines = errors.map((d) => {
      const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const where = at ? `${fileName}(${at.line + 1},${at.character + 1})` : fileName;
      return `  ${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    throw new QuiverError(`${fileName} does not compile:\n${lines.join('\n')}`);
  }
  return out.outputText;
}

/**
 * The file `import ... from 'quiver'` should load: this package's entry, found next to this file
 * (`src/index.ts` when running from source, `dist/src/index.js` once built).
 *
 * @example
 * quiverEntryPoint(); // '/path/to/quiver/dist/src/index.js'
 */
export function quiverEntryPoint(): string {
  const base = path.resolve(__dirname, '..', 'src', 'index');
  for (const ext of ['.js', '.ts']) if (fs.existsSync(base + ext)) return base + ext;
  throw new Error(`quiver's entry point was not found next to the command (${base}.js or .ts).`);
}

/** The folder holding quiver's package.json: the nearest one above this file (cli/ or dist/cli/). */
function packageDirectory(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, '..');
    dir = parent;
  }
  return dir;
}

/** The folders of quiver's own code, relative to its package folder. */
const OWN_CODE = ['src', 'decorators', 'adapters', 'cli'];

function isBare(request: string): boolean {
  return !request.startsWith('.') && !path.isAbsolute(request) && !request.startsWith('node:');
}

/**
 * Install the `.ts` require hook and the `quiver` resolver for this process. Calling it again
 * returns the hook already installed.
 *
 * @example
 * registerTypeScript();
 * const features = require('/tmp/project/features.ts'); // may `import { tag } from 'quiver'`
 */
export function registerTypeScript(): TypeScriptHook {
  if (active) return active;
  const quiverEntry = quiverEntryPoint();
  const packageDir = packageDirectory();
  const previousResolve = internals._resolveFilename;
  const previousTs = internals._extensions['.ts'];

  internals._resolveFilename = function resolveFilename(request, parent, isMain, options) {
    if (request === 'quiver') return quiverEntry;
    try {
      return previousResolve.call(this, request, parent, isMain, options);
    } catch (error) {
      // A feature file outside any project may use quiver's own dependencies (apache-arrow…).
      if (!isBare(request) || (error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      return previousResolve.call(this, request, parent, isMain, { paths: [packageDir] });
    }
  };
  // quiver's own sources (when it runs from them) must not require("quiver") while it loads
  const ownCode = OWN_CODE.map((dir) => path.join(packageDir, dir) + path.sep);
  internals._extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const docComments = !ownCode.some((dir) => filename.startsWith(dir));
    const compile = (text: string, file: string) => transpileTypeScript(text, file, { docComments });
    module._compile(cachedCompile(source, filename, compile, docComments ? 'docs' : 'own'), filename);
  };
  process.setSourceMapsEnabled?.(true);

  active = {
    quiverEntry,
    unregister() {
      internals._resolveFilename = previousResolve;
      if (previousTs) internals._extensions['.ts'] = previousTs;
      else delete internals._extensions['.ts'];
      active = undefined;
    },
  };
  return active;
}
