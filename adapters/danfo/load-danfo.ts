/**
 * danfojs-node, required on first use only: it is an optional peer dependency (not installed with
 * quiver), and it takes 1–2 s to load (TensorFlow.js), which importing quiver must not pay.
 */
import { requireOptional } from '../optional-dependency';
import type { DanfoModule } from './danfo-types';

/** What to do when danfojs-node is missing: the install command and the overrides it needs. */
export const INSTALL_DANFO =
  'Install it with `npm install danfojs-node@1.2.0` and add to your package.json ' +
  '"overrides": { "xlsx": "0.18.5", "@tensorflow/tfjs-node": "npm:@tensorflow/tfjs@3.21.0" } ' +
  '(danfo\'s xlsx dependency points outside the npm registry and tfjs-node downloads a native library; ' +
  'see "danfo.js" in docs/adapters.md).';

let loaded: DanfoModule | undefined;

/**
 * The danfojs-node module, loaded the first time it is needed; `who` names the caller in the
 * `MissingDependencyError` thrown when danfo is not installed.
 *
 * @example
 * const { DataFrame } = loadDanfo('toDanfo()');
 */
export function loadDanfo(who: string): DanfoModule {
  loaded ??= requireOptional<DanfoModule>('danfojs-node', who, INSTALL_DANFO);
  return loaded;
}
