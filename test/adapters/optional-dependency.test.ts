import { requireOptional } from '../../adapters/optional-dependency';
import { INSTALL_DANFO } from '../../adapters/danfo/load-danfo';
import { MissingDependencyError, QuiverError } from '../../src/errors';

describe('requireOptional: packages quiver does not install', () => {
  it('loads an installed package', () => {
    const csv = requireOptional<typeof import('csv-parse/sync')>('csv-parse/sync', 'readCsv()', 'npm i csv-parse');
    expect(csv.parse).toBeInstanceOf(Function);
  });

  it('names the package, the caller and the fix when it is not installed', () => {
    const call = () => requireOptional('quiver-no-such-package', 'toDanfo()', INSTALL_DANFO);
    expect(call).toThrow(MissingDependencyError);
    expect(call).toThrow(QuiverError);
    expect(call).toThrow(
      'toDanfo() needs the package "quiver-no-such-package", which is not installed. Install it with ' +
        '`npm install danfojs-node@1.2.0` and add to your package.json "overrides": { "xlsx": "0.18.5", ' +
        '"@tensorflow/tfjs-node": "npm:@tensorflow/tfjs@3.21.0" } (danfo\'s xlsx dependency points outside ' +
        'the npm registry and tfjs-node downloads a native library; see "danfo.js" in docs/adapters.md).',
    );
    try {
      call();
    } catch (error) {
      expect((error as MissingDependencyError).package).toBe('quiver-no-such-package');
    }
  });

  it('passes on the error of a package that is installed but fails to load', () => {
    // a file that exists but whose own dependency is missing: not "this package is missing"
    const broken = require.resolve('./helpers/requires-missing.js');
    expect(() => requireOptional(broken, 'x()', 'install it')).toThrow("Cannot find module 'quiver-missing-inner'");
    expect(() => requireOptional(broken, 'x()', 'install it')).not.toThrow(MissingDependencyError);
  });
});
