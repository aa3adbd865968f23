/**
 * Lets a child `node` process require the TypeScript sources directly (as jest does, through
 * @swc/core), so a test can look at a fresh process's require.cache.
 */
const fs = require('node:fs');
const swc = require('@swc/core');

require.extensions['.ts'] = function compile(module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
