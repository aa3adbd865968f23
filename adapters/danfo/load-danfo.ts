/**
 * danfojs-node, required on first use only: it takes 1–2 s to load (TensorFlow.js), and importing
 * quiver must not pay that unless a danfo adapter runs.
 */
export type Danfo = typeof import('danfojs-node');

let loaded: Danfo | undefined;

/**
 * The danfojs-node module, loaded the first time it is needed.
 *
 * @example
 * const { DataFrame } = loadDanfo();
 */
export function loadDanfo(): Danfo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('danfojs-node') as Danfo;
  return loaded;
}
