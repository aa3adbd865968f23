/**
 * A generated feature graph shaped like a real one: `entities` namespaces (one per stock symbol),
 * each with a price input and windows × (rollingMean, rollingStd, zscore) plus lags, made by four
 * methods of two classes. entities = 50, windows = 30 gives 50 × (1 + 30 × 3 + 9) = 5,000 nodes.
 */
import type { NodeInfoLike } from '../../../adapters/graphviz/model';

export function bigGraph(entities: number, windows: number): NodeInfoLike[] {
  const infos: NodeInfoLike[] = [];
  const owner = (i: number) => (i % 2 === 0 ? 'research' : 'platform');
  for (let e = 0; e < entities; e++) {
    const ns = `s${e}`;
    const price = `${ns}.price`;
    infos.push({ name: price, type: Float64Array, tags: {}, isExternalInput: true, dependencies: [], role: 'input', origin: 'input' });
    for (let w = 1; w <= windows; w++) {
      const tags = { owner: owner(w) };
      infos.push({ name: `${ns}.ma${w}`, type: Float64Array, tags, dependencies: [price], origin: 'Rolling.rollingMean', role: 'feature' });
      infos.push({ name: `${ns}.sd${w}`, type: Float64Array, tags, dependencies: [price], origin: 'Rolling.rollingStd', role: 'feature' });
      infos.push({ name: `${ns}.z${w}`, type: Float64Array, tags, dependencies: [price, `${ns}.ma${w}`, `${ns}.sd${w}`], origin: 'Rolling.zscore', role: 'feature' });
    }
    for (let k = 1; k <= 9; k++) {
      infos.push({ name: `${ns}.lag${k}`, type: Float64Array, tags: { owner: 'platform' }, dependencies: [k === 1 ? price : `${ns}.lag${k - 1}`], origin: 'Lags.lag', role: 'feature' });
    }
  }
  return infos;
}

/** A driver-shaped object over fixed node infos (what pictures read). */
export function sourceOf(infos: readonly NodeInfoLike[]) {
  return { listAvailableVariables: () => infos };
}
