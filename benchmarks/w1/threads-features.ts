/**
 * W1's feature classes as a module that exports them, so `threads()` workers can load them: the
 * feature count comes from `QUIVER_W1_FEATURES` (set by the bench before the pool starts; worker
 * threads inherit the environment). A user's features file would simply `export class …`.
 */
import { w1FeatureClasses } from './quiver-features';
import { w1Features } from './spec';

/** The N this module was loaded for. */
export const W1_FEATURES = Number(process.env.QUIVER_W1_FEATURES ?? '0');

/** The classes, in the order `w1FeatureClasses` gives them; each is also exported under its own name. */
export const W1_CLASSES: readonly (new () => object)[] = W1_FEATURES > 0 ? w1FeatureClasses(w1Features(W1_FEATURES)) : [];

for (const c of W1_CLASSES) (exports as Record<string, unknown>)[c.name] = c;
