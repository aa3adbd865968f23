/**
 * Runs the quiver command from its TypeScript sources, with no build: a first `.ts` hook compiles
 * cli/ts-loader.ts and what it imports; its `registerTypeScript()` then takes over (decorator
 * metadata kept, the `quiver` specifier resolved, compiled files cached), and cli/main.ts runs
 * with the remaining arguments. The first hook caches too (next to ts-cache.ts's files), so a
 * warm start does not load the TypeScript compiler at all.
 *
 *   node test/cli/support/run-from-source.js run features.ts --inputs data.csv --out out.arrow
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..', '..');
const cacheDir = path.join(os.tmpdir(), `quiver-ts-cache-${process.getuid ? process.getuid() : 'user'}`);
const tsVersion = require('typescript/package.json').version;

function compile(source, filename) {
  const ts = require('typescript');
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true,
    experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false,
  };
  return ts.transpileModule(source, { fileName: filename, compilerOptions }).outputText;
}

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(`bootstrap\0${tsVersion}\0${filename}\0${source}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let js;
  try {
    js = fs.readFileSync(cached, 'utf8');
  } catch {
    js = compile(source, filename);
    try {
      fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(`${cached}.${process.pid}.tmp`, js, { mode: 0o600 });
      fs.renameSync(`${cached}.${process.pid}.tmp`, cached);
    } catch {
      // no cache: compile again next time
    }
  }
  module._compile(js, filename);
};
require(path.join(root, 'cli', 'ts-loader.ts')).registerTypeScript();
require(path.join(root, 'cli', 'main.ts'));
