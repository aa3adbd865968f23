/**
 * Pictures of big graphs: a real driver with `--entities` (50) price inputs, each feeding
 * `--windows` (30) rolling means, rolling stds and z-scores plus 9 chained lags, made by four
 * `@parameterize`d methods (50 × (1 + 30 × 3 + 9) = 5,000 nodes). Measures folding, DOT and the
 * Graphviz-in-WebAssembly layout of the folded picture, of the 450 lags expanded, and of a 1,000-node
 * chain drawn unfolded (the depth that was said to overflow Graphviz's stack).
 */
import { numberFlag } from '../harness/args';
import { peakRssMb, round } from '../harness/measure';
import type { Scenario } from '../harness/scenario';
import { Builder, parameterize, source, value, type ParameterizeSpec } from '../../src';
import { graphPicture, type PictureOptions } from '../../adapters/graphviz/picture';
import { toDot } from '../../adapters/graphviz/dot';
import { renderSvg } from '../../adapters/graphviz/render-svg';
import type { GraphSource } from '../../adapters/graphviz/model';

function bigFeatures(entities: number, windows: number): (new () => object)[] {
  const ma: ParameterizeSpec = {};
  const sd: ParameterizeSpec = {};
  const z: ParameterizeSpec = {};
  const lag: ParameterizeSpec = {};
  for (let e = 0; e < entities; e++) {
    for (let w = 1; w <= windows; w++) {
      ma[`ma_${e}_${w}`] = { x: source(`price_${e}`), w: value(w) };
      sd[`sd_${e}_${w}`] = { x: source(`price_${e}`), w: value(w) };
      z[`z_${e}_${w}`] = { x: source(`price_${e}`), m: source(`ma_${e}_${w}`), s: source(`sd_${e}_${w}`) };
    }
    for (let k = 1; k <= 9; k++) lag[`lag_${e}_${k}`] = { x: source(k === 1 ? `price_${e}` : `lag_${e}_${k - 1}`) };
  }
  class Rolling {
    @parameterize(ma)
    rollingMean(x: Float64Array, w: number): Float64Array { return x.map(() => w); }
    @parameterize(sd)
    rollingStd(x: Float64Array, w: number): Float64Array { return x.map(() => w); }
    @parameterize(z)
    zscore(x: Float64Array, m: Float64Array, s: Float64Array): Float64Array { return x.map((v, i) => (v - m[i]) / s[i]); }
  }
  class Lags {
    @parameterize(lag)
    lag(x: Float64Array): Float64Array { return x; }
  }
  return [Rolling, Lags];
}

async function draw(source: GraphSource, opts: PictureOptions) {
  const t0 = performance.now();
  const picture = graphPicture(source, opts);
  const t1 = performance.now();
  const dot = toDot(picture, opts);
  const t2 = performance.now();
  const svg = await renderSvg(dot);
  const t3 = performance.now();
  return {
    nodes: picture.nodeCount, boxes: picture.boxes.length, edges: picture.edges.length, grouping: picture.grouping,
    fold_ms: round(t1 - t0), dot_ms: round(t2 - t1), layout_ms: round(t3 - t2), svg_kb: round(svg.length / 1024, 0),
  };
}

function chainSource(depth: number): GraphSource {
  const infos = Array.from({ length: depth }, (_, i) => ({ name: `c${i}`, origin: `Chain.c${i}`, dependencies: i ? [`c${i - 1}`] : [] }));
  return { listAvailableVariables: () => infos };
}

const scenario: Scenario = {
  name: 'graph-picture',
  description: 'folds and lays out (Graphviz WebAssembly) a --entities × --windows graph of ~5,000 nodes, one part expanded, and a 1,000-node chain',
  async run(args) {
    const entities = numberFlag(args, '--entities', 50);
    const windows = numberFlag(args, '--windows', 30);
    const t0 = performance.now();
    const dr = new Builder().withFeatures(...bigFeatures(entities, windows)).build();
    const buildMs = performance.now() - t0;
    await renderSvg('digraph { a -> b }'); // load the WebAssembly once, outside the timings
    const folded = await draw(dr, {});
    const expanded = await draw(dr, { expand: ['lag'], maxNodes: 600 });
    const chain = await draw(chainSource(1000), { maxNodes: 1000, maxEdges: 1000 });
    return { entities, windows, build_ms: round(buildMs), folded, lags_expanded: expanded, chain_1000_unfolded: chain, peak_rss_mb: round(peakRssMb(), 0) };
  },
};

export default scenario;
