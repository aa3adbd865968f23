/**
 * Runs the quiver command from its TypeScript sources, with no build: a first `.ts` hook compiles
 * cli/ts-loader.ts and what it imports; its `registerTypeScript()` then takes over (decorator
 * metadata kept, the `quiver` specifier resolved, compiled files cached), and cli/main.ts runs
 * with the remaining arguments.
 *
 *   node test/cli/support/run-from-source.js run features.ts --inputs data.csv --out out.arrow
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..', '..');
require.extensions['.ts'] = (module, filename) => {
  const ts = require('typescript');
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true,
    experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false,
  };
  module._compile(ts.transpileModule(fs.readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions }).outputText, filename);
};
require(path.join(root, 'cli', 'ts-loader.ts')).registerTypeScript();
require(path.join(root, 'cli', 'main.ts'));
