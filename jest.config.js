/** Tests run through @swc/jest: legacy decorators with decorator metadata, as users compile them. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: { '^quiver$': '<rootDir>/src/index.ts' },
  // Jest runs each file inside a vm context, where every read of a global (`Math`, `Number`,
  // `Float64Array`…) goes through an interceptor: ~0.4 µs each, 100x slower kernels in a hot loop
  // (nodejs/node#31658, jestjs/jest#5163). Injected globals are plain function parameters instead.
  // (No `Date`, `Map`, `Set`, `String`…: apache-arrow and others declare classes of those names at the top
  // of a module, which could then not load.)
  sandboxInjectedGlobals: [
    'Math', 'Number', 'Infinity', 'Object', 'Array', 'WeakMap', 'Symbol', 'JSON', 'Boolean', 'BigInt', 'Reflect', 'ArrayBuffer', 'Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array',
    'Int16Array', 'Uint16Array', 'Int8Array', 'Uint8Array', 'BigInt64Array', 'BigUint64Array',
  ],
  // Two workers on CI's two cores: most slow files wait on child processes (the CLI, npm, Redis).
  maxWorkers: 2,
  testTimeout: 60000,
};
