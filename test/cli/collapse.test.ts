import { InputError } from '../../src/errors';
import { collapse, MANY_INPUTS } from '../../adapters/graphviz/collapse';
import { graphFromNodeInfo, type GraphNode } from '../../adapters/graphviz/model';
import { bigGraph } from './support/big-graph';

const ENTITIES = 50;
const WINDOWS = 30;
const LAGS = 9;
const nodes = graphFromNodeInfo(bigGraph(ENTITIES, WINDOWS));

function labels(boxes: readonly { label: string }[]): string[] {
  return boxes.map((b) => b.label).sort();
}

describe('collapse', () => {
  test('the generated graph has the size the test relies on', () => {
    expect(nodes.length).toBe(ENTITIES * (1 + WINDOWS * 3 + LAGS));
    expect(nodes.length).toBe(5000);
  });

  test('a graph that fits is drawn node by node, one edge per dependency', () => {
    const small = nodes.filter((n) => n.name.startsWith('s0.'));
    const picture = collapse(small);
    expect(picture.grouping).toBe('node');
    expect(picture.boxes.map((b) => b.id)).toEqual(small.map((n) => n.name));
    const deps = small.reduce((sum, n) => sum + n.dependencies.length, 0);
    expect(picture.edges).toHaveLength(deps); // every dependency is between distinct nodes here
    expect(picture.edges.every((e) => e.count === 1)).toBe(true);
  });

  test('5,000 nodes fold by origin: one box per method with its count; the 50 inputs become one box', () => {
    const picture = collapse(nodes);
    expect(picture.grouping).toBe('origin');
    expect(labels(picture.boxes)).toEqual(
      [`inputs ×${ENTITIES}`, `lag ×${ENTITIES * LAGS}`, `rollingMean ×${ENTITIES * WINDOWS}`, `rollingStd ×${ENTITIES * WINDOWS}`, `zscore ×${ENTITIES * WINDOWS}`].sort(),
    );
    // inputs feed the four method boxes; rollingMean and rollingStd feed zscore; lag → lag is inside one box
    const edges = Object.fromEntries(picture.edges.map((e) => [`${e.from} -> ${e.to}`, e.count]));
    expect(edges).toEqual({
      'group:input|supplied:input -> group:feature|origin:Rolling.rollingMean': ENTITIES * WINDOWS,
      'group:input|supplied:input -> group:feature|origin:Rolling.rollingStd': ENTITIES * WINDOWS,
      'group:input|supplied:input -> group:feature|origin:Rolling.zscore': ENTITIES * WINDOWS,
      'group:input|supplied:input -> group:feature|origin:Lags.lag': ENTITIES,
      'group:feature|origin:Rolling.rollingMean -> group:feature|origin:Rolling.zscore': ENTITIES * WINDOWS,
      'group:feature|origin:Rolling.rollingStd -> group:feature|origin:Rolling.zscore': ENTITIES * WINDOWS,
    });
  });

  test(`up to ${MANY_INPUTS} inputs stay drawn one by one when folding`, () => {
    const few = graphFromNodeInfo(bigGraph(MANY_INPUTS, WINDOWS));
    const picture = collapse(few);
    expect(picture.grouping).toBe('origin');
    expect(picture.boxes.filter((b) => b.kind === 'input').map((b) => b.id)).toEqual(Array.from({ length: MANY_INPUTS }, (_, e) => `s${e}.price`));
  });

  test('when methods still make too many boxes, whole classes fold', () => {
    const picture = collapse(nodes, { maxNodes: 4 });
    // origin gives 5 boxes, namespace 51: both above 4
    expect(picture.grouping).toBe('class');
    expect(labels(picture.boxes)).toEqual([`Lags ×${ENTITIES * LAGS}`, `Rolling ×${ENTITIES * WINDOWS * 3}`, `inputs ×${ENTITIES}`].sort());
  });

  test('namespace folding: one box per namespace, placed in its parent cluster', () => {
    const picture = collapse(nodes, { by: 'namespace', maxNodes: 120 });
    expect(picture.grouping).toBe('namespace');
    const s3 = picture.boxes.find((b) => b.label.startsWith('s3.*'));
    expect(s3?.label).toBe(`s3.* ×${WINDOWS * 3 + LAGS}`);
    expect(s3?.namespace).toBe('');
    expect(picture.boxes).toHaveLength(ENTITIES + 1); // one per namespace, and the inputs
  });

  test('tag folding groups by the tag value; untagged nodes fall back to their origin', () => {
    const picture = collapse(nodes, { by: 'tag:owner', maxNodes: 100 });
    const research = ENTITIES * 3 * Math.floor(WINDOWS / 2);
    const platform = ENTITIES * (3 * Math.ceil(WINDOWS / 2) + LAGS);
    expect(labels(picture.boxes)).toEqual([`inputs ×${ENTITIES}`, `owner=platform ×${platform}`, `owner=research ×${research}`]);
  });

  test('expand draws one part node by node and keeps the rest folded', () => {
    const picture = collapse(nodes, { expand: ['s3'] });
    expect(picture.grouping).toBe('origin');
    const single = picture.boxes.filter((b) => b.members.length === 1).map((b) => b.id);
    expect(single).toContain('s3.ma7');
    expect(single).toContain('s3.lag9');
    expect(single.filter((n) => n.startsWith('s3.'))).toHaveLength(1 + WINDOWS * 3 + LAGS);
    expect(labels(picture.boxes.filter((b) => b.members.length > 1))).toEqual(
      [`inputs ×${ENTITIES - 1}`, `lag ×${(ENTITIES - 1) * LAGS}`, `rollingMean ×${(ENTITIES - 1) * WINDOWS}`, `rollingStd ×${(ENTITIES - 1) * WINDOWS}`, `zscore ×${(ENTITIES - 1) * WINDOWS}`].sort(),
    );
    expect(picture.boxes.find((b) => b.id === 's3.price')?.namespace).toBe('s3');
  });

  test('expand by method name and by tag', () => {
    const byMethod = collapse(nodes, { expand: ['lag'], maxNodes: 600 });
    expect(byMethod.boxes.filter((b) => b.members.length === 1 && b.kind === 'feature')).toHaveLength(ENTITIES * LAGS);
    const small = graphFromNodeInfo(bigGraph(2, 3));
    const byTag = collapse(small, { by: 'tag:owner', expand: ['owner=research'], maxNodes: 100 });
    const research = byTag.boxes.filter((b) => b.members.length === 1 && b.members[0].tags.owner === 'research');
    expect(research).toHaveLength(2 * 3 * 1); // windows 2 only (even) → ma2, sd2, z2 per entity
  });

  test('an expand target that matches nothing is an InputError naming it', () => {
    expect(() => collapse(nodes, { expand: ['rollingMeen'] })).toThrow(InputError);
    expect(() => collapse(nodes, { expand: ['rollingMeen'] })).toThrow(
      'Nothing to expand named "rollingMeen": no node, method, class, namespace or tag (key=value) of this picture matches it.',
    );
  });

  test('expanding more than the picture holds says how many and what to do', () => {
    expect(() => collapse(nodes, { expand: ['rollingMean'] })).toThrow(
      `Expanding "rollingMean" would draw ${ENTITIES * WINDOWS} nodes, more than the 200 a readable picture holds.`,
    );
  });

  test('depth bands are the last resort and never exceed the limit', () => {
    const chain: GraphNode[] = Array.from({ length: 3000 }, (_, i) => ({
      name: `n${i}`, kind: 'feature', type: '', tags: {}, dependencies: i === 0 ? [] : [`n${i - 1}`],
    }));
    const picture = collapse(chain, { maxNodes: 50 });
    expect(picture.grouping).toBe('band');
    // 50 / 5 = 10 bands over depths 0..2999: 300 depths each
    expect(picture.boxes.map((b) => b.label)).toEqual(Array.from({ length: 10 }, (_, b) => `depth ${b * 300}–${b * 300 + 299} ×300`));
    expect(picture.edges).toHaveLength(9);
  });
});
