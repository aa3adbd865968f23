import { checkedCompiler } from '../../cli/ts-loader';
import { MissingDependencyError } from '../../src/errors';

// `npm install typescript` installs TypeScript 7 (the native compiler): its package has `tsc` but no
// JavaScript compiler API, so `quiver run` / `node -r quiver/register` crashed with
// "TypeError: Cannot read properties of undefined (reading 'CommonJS')".
describe('the TypeScript loader with a compiler that has no JavaScript API', () => {
  it('is a MissingDependencyError naming the version found and the install command', () => {
    const seven = { version: '7.0.2' };
    let error: unknown;
    try {
      checkedCompiler(seven, 'features.ts');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingDependencyError);
    const message = (error as Error).message;
    expect(message).toContain('features.ts');
    expect(message).toContain('7.0.2');
    expect(message).toContain('npm install --save-dev typescript@~5.9');
    expect(message).toContain('.js file');
  });

  it('passes a compiler with transpileModule through', () => {
    const ts = require('typescript');
    expect(checkedCompiler(ts, 'features.ts')).toBe(ts);
  });
});
