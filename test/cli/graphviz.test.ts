import { Builder, QuiverError, InputError } from '../../src';
import { collapse } from '../../adapters/graphviz/collapse';
import { quote, toDot } from '../../adapters/graphviz/dot';
import { graphFromNodeInfo, type NodeInfoLike } from '../../adapters/graphviz/model';
import { graphDot, graphPicture, graphSvg } from '../../adapters/graphviz/picture';
import { renderSvg } from '../../adapters/graphviz/render-svg';
import { KIND_STYLES, TAG_PALETTE } from '../../adapters/graphviz/styles';
import { bigGraph, sourceOf } from './support/big-graph';
import { Spend } from './support/spend-features';

const infos: NodeInfoLike[] = [
  { name: 'spend', type: Float64Array, isExternalInput: true, dependencies: [], tags: {} },
  { name: 'region', type: String, origin: 'config', dependencies: [], tags: {} },
  { name: 'spendMean', type: Number, origin: 'Spend.spendMean', dependencies: ['spend'], tags: { owner: 'ds' }, doc: 'mean spend' },
  { name: 'avg3wkSpend', type: Float64Array, origin: 'Spend.avg3wkSpend', dependencies: ['spend', 'region'], tags: { owner: 'mkt' }, checks: ['range', 'allowNaNs'] },
  { name: 'geo.share', type: Float64Array, origin: 'Geo.share', dependencies: ['spendMean', 'geo.weights'], tags: { owner: 'ds' } },
  { name: 'solo.only', typeName: 'Float64Array', origin: 'Solo.only', dependencies: ['spend'], tags: {} },
];

/** The attribute list DOT gives a node, as a record. */
function nodeAttrs(dot: string, name: string): Record<string, string> {
  const line = dot.split('\n').find((l) => l.trim().startsWith(`${quote(name)} [`));
  if (!line) throw new Error(`no node line for ${name} in:\n${dot}`);
  const attrs: Record<string, string> = {};
  for (const m of line.matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([\w.]+))/g)) attrs[m[1]] = m[2] ?? m[3];
  return attrs;
}

describe('DOT pictures', () => {
  const nodes = graphFromNodeInfo(infos, { outputs: ['avg3wkSpend'], configKeys: ['region'] });

  test('kinds come from NodeInfo: inputs, config, outputs, checks; unknown dependencies become inputs', () => {
    const kinds = Object.fromEntries(nodes.map((n) => [n.name, n.kind]));
    expect(kinds).toEqual({
      spend: 'input', region: 'config', spendMean: 'feature', avg3wkSpend: 'output',
      'avg3wkSpend:check:range': 'check', 'avg3wkSpend:check:allowNaNs': 'check',
      'geo.share': 'feature', 'geo.weights': 'input', 'solo.only': 'feature',
    });
    expect(nodes.find((n) => n.name === 'avg3wkSpend:check:range')?.dependencies).toEqual(['avg3wkSpend']);
  });

  test('each kind is drawn with its own shape and style', () => {
    const dot = toDot(collapse(nodes));
    expect(nodeAttrs(dot, 'spend')).toMatchObject({ shape: 'box', style: 'rounded,dashed,filled' });
    expect(nodeAttrs(dot, 'region')).toMatchObject({ shape: 'note', fillcolor: String(KIND_STYLES.config.fillcolor) });
    expect(nodeAttrs(dot, 'spendMean')).toMatchObject({ shape: 'box', style: 'rounded,filled', label: 'spendMean\\nNumber' });
    expect(nodeAttrs(dot, 'avg3wkSpend')).toMatchObject({ style: 'rounded,filled,bold', penwidth: '2' });
    expect(nodeAttrs(dot, 'avg3wkSpend:check:range')).toMatchObject({ shape: 'octagon', label: 'range' });
    expect(dot).toContain('"avg3wkSpend" -> "avg3wkSpend:check:range" [style=dotted, arrowhead=none];');
    expect(nodeAttrs(dot, 'solo.only')).toMatchObject({ label: 'solo.only\\nFloat64Array' });
    expect(nodeAttrs(dot, 'spendMean').tooltip).toBe('spendMean: Number (feature)\\ndefined by Spend.spendMean\\ntags: owner=ds\\nmean spend');
  });

  test('namespaces are clusters holding their nodes', () => {
    const dot = toDot(collapse(nodes));
    const start = dot.indexOf('subgraph "cluster_geo" {');
    expect(start).toBeGreaterThan(0);
    const body = dot.slice(start, dot.indexOf('\n  }', start));
    expect(body).toContain('"geo.share" [');
    expect(body).toContain('"geo.weights" [');
    expect(body).not.toContain('"spendMean" [');
    // a namespace holding a single node gets no frame
    expect(dot).not.toContain('cluster_solo');
  });

  test('colorByTag fills each tag value with its own palette colour and lists it in the legend', () => {
    const dot = toDot(collapse(nodes), { colorByTag: 'owner' });
    expect(nodeAttrs(dot, 'spendMean').fillcolor).toBe(TAG_PALETTE[0]);
    expect(nodeAttrs(dot, 'geo.share').fillcolor).toBe(TAG_PALETTE[0]);
    expect(nodeAttrs(dot, 'avg3wkSpend').fillcolor).toBe(TAG_PALETTE[1]);
    expect(nodeAttrs(dot, 'spend').fillcolor).toBe(String(KIND_STYLES.input.fillcolor));
    expect(dot).toContain(`<td bgcolor="${TAG_PALETTE[1]}" border="1" align="left">owner=mkt</td>`);
  });

  test('outputs restrict the picture to what they need; unknown names are InputErrors with a suggestion', () => {
    const picture = graphPicture(sourceOf(infos), { outputs: ['spendMean'] });
    expect(picture.boxes.map((b) => b.id)).toEqual(['spend', 'spendMean']);
    // an output's checks come with it
    const checked = graphPicture(sourceOf(infos), { outputs: ['avg3wkSpend'] });
    expect(checked.boxes.map((b) => b.id).sort()).toEqual(['avg3wkSpend', 'avg3wkSpend:check:allowNaNs', 'avg3wkSpend:check:range', 'region', 'spend']);
    expect(() => graphPicture(sourceOf(infos), { upstreamOf: ['spendMaen'] })).toThrow(InputError);
    expect(() => graphPicture(sourceOf(infos), { upstreamOf: ['spendMaen'] })).toThrow(
      'Unknown node "spendMaen" (upstream of): no feature, input or config key has this name. Did you mean "spendMean"?',
    );
  });
});

describe('SVG rendering (Graphviz in WebAssembly)', () => {
  test('renders a small graph with one <g class="node"> per node and the cluster', async () => {
    const svg = await graphSvg(sourceOf(infos), { configKeys: ['region'] });
    expect(svg).toContain('<svg');
    const titles = [...svg.matchAll(/<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles.sort()).toEqual(['avg3wkSpend', 'avg3wkSpend:check:allowNaNs', 'avg3wkSpend:check:range', 'geo.share', 'geo.weights', 'region', 'solo.only', 'spend', 'spendMean']);
    expect(svg).toContain('<title>cluster_geo</title>');
  });

  test('a 5,000-node graph renders as folded boxes', async () => {
    const source = sourceOf(bigGraph(50, 30));
    const dot = graphDot(source);
    const svg = await renderSvg(dot);
    const nodeCount = [...svg.matchAll(/class="node"/g)].length;
    expect(nodeCount).toBe(5); // inputs, rollingMean, rollingStd, zscore, lag
    expect(svg).toMatch(/rollingMean (×|&#215;)1500/);
    expect(svg).toMatch(/inputs (×|&#215;)50/);
    expect(svg).toContain('5000 nodes folded by origin into 5 boxes');
  });

  test('DOT Graphviz cannot read is a QuiverError that says what to do', async () => {
    await expect(renderSvg('digraph { a -> ')).rejects.toThrow(QuiverError);
    await expect(renderSvg('digraph { a -> ')).rejects.toThrow(/^Graphviz could not lay out this graph \(.+\)\. Draw fewer nodes/);
    // the renderer still works afterwards
    expect(await renderSvg('digraph { a -> b }')).toContain('<title>a&#45;&gt;b</title>');
  });
});

describe('the driver and pictures', () => {
  test("the core's visualizeExecution DOT renders to SVG", async () => {
    const dr = new Builder().withFeatures(Spend).build();
    const svg = await renderSvg(dr.visualizeExecution(['total']));
    const titles = [...svg.matchAll(/class="node">\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(expect.arrayContaining(['spend', 'doubled', 'tripled', 'total']));
  });

  test('graphPicture reads a real driver: kinds, origins, checks', () => {
    const dr = new Builder().withFeatures(Spend).withConfig({ region: 'US' }).build();
    const picture = graphPicture(dr, { outputs: ['total'], configKeys: ['region'] });
    const kinds = Object.fromEntries(picture.boxes.map((b) => [b.id, b.kind]));
    expect(kinds).toEqual({ spend: 'input', doubled: 'feature', tripled: 'feature', 'tripled:check:range': 'check', total: 'output' });
    expect(picture.boxes.find((b) => b.id === 'doubled')?.members[0].origin).toBe('Spend.doubled');
  });
});
