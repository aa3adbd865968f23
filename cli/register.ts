/**
 * `node -r quiver/register main.ts` (or, inside this repository, `node -r ./dist/cli/register.js
 * main.ts`): runs a TypeScript file with decorator metadata kept, no build step. It installs the
 * same `.ts` loader `quiver run` uses; `import … from 'quiver'` resolves to this package.
 *
 * @example
 * // node -r quiver/register examples/hello-world/main.ts
 */
import { registerTypeScript } from './ts-loader';

registerTypeScript();
