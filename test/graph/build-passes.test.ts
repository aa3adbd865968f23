/**
 * The graph build's fast paths keep their answers: Kahn's order decides whether a cycle exists
 * (Tarjan's search runs only then), names defined twice take the slower indexing pass, and nodes
 * of one method whose arguments are their dependencies share one caller.
 */
import { Builder, dictResult, GraphBuildError, parameterize, source, value } from '../../src';
import { buildGraph } from '../../src/graph/build-graph';
import {
  acyclicOrderOf, consumerLists, consumersOf, findCycles, topologicalOrder,
} from '../../src/graph/cycles';
import { Graph } from '../../src/graph/graph';

const edges = (...lists: number[][]) => lists.map((l) => Int32Array.from(l));

class Fan {
  a(x: number): number {
    return x + 1;
  }
  b(a: number): number {
    return a * 2;
  }
  c(a: number): number {
    return a * 3;
  }
}

describe('order and cycles', () => {
  test('consumersOf reverses the edges, once per edge', () => {
    const deps = edges([], [0], [0, 1], [1, 1]);
    expect(consumersOf(4, deps).map((c) => Array.from(c))).toEqual([[1, 2], [2, 3, 3], [], []]);
  });

  test('acyclicOrderOf is the topological order of an acyclic graph, and undefined for a cyclic one', () => {
    const dag = edges([], [0], [0, 1], [2]);
    const order = acyclicOrderOf(4, dag, consumerLists(4, dag))!;
    expect(Array.from(order)).toEqual(Array.from(topologicalOrder(4, dag, consumerLists(4, dag))));
    const position = new Map(Array.from(order, (v, p) => [v, p]));
    for (const [i, d] of dag.entries()) for (const j of d) expect(position.get(j)!).toBeLessThan(position.get(i)!);
    const cyclic = edges([], [2], [1], [3]);
    expect(acyclicOrderOf(4, cyclic, consumerLists(4, cyclic))).toBeUndefined();
    expect(findCycles(4, cyclic).map((c) => [...new Set(c)].sort())).toEqual([[1, 2], [3]]);
  });

  test('the flat consumer lists hold what consumersOf holds, and their order is the same order', () => {
    const deps = edges([], [0], [0, 1], [1, 1], [3, 0]);
    const lists = consumerLists(5, deps);
    expect(Array.from(lists.offsets)).toEqual([0, 3, 6, 6, 7, 7]);
    expect(Array.from(lists.edges)).toEqual([1, 2, 4, 2, 3, 3, 4]);
    const views = consumersOf(5, deps);
    expect(consumersOf(5, deps, lists).map((c) => Array.from(c))).toEqual(views.map((c) => Array.from(c)));
    const order = Array.from(acyclicOrderOf(5, deps, lists)!);
    const position = new Map(order.map((v, p) => [v, p]));
    for (const [i, d] of deps.entries()) for (const j of d) expect(position.get(j)!).toBeLessThan(position.get(i)!);
    const cyclic = edges([], [2], [1], [3]);
    expect(acyclicOrderOf(4, cyclic, consumerLists(4, cyclic))).toBeUndefined();
  });

  test("a graph's consumers are made on first use, once, and kept by a copy that knows disabled names", () => {
    const dr = new Builder().withFeatures(Fan).build();
    const graph = (dr as unknown as { graph: Graph }).graph;
    const a = graph.index.get('a')!;
    const consumers = graph.consumers;
    expect(graph.consumers).toBe(consumers);
    expect(Array.from(consumers[a], (c) => graph.nodes[c].name).sort()).toEqual(['b', 'c']);
    expect(graph.withDisabled(new Map([['z', 'off']])).consumers).toBe(consumers);
    const plain = new Graph(graph.nodes, graph.deps);
    expect(plain.consumers.map((c) => Array.from(c))).toEqual(consumers.map((c) => Array.from(c)));
    expect(Array.from(plain.order)).toEqual(Array.from(graph.order));
    expect(dr.whatIsDownstreamOf('a')).toEqual(['a', 'b', 'c']);
  });

  test('a self-loop and a longer cycle are both reported at build', () => {
    class Loops {
      a(a: number): number { return a; }
      b(c: number): number { return c; }
      c(b: number): number { return b; }
      ok(x: number): number { return x; }
    }
    let error: unknown;
    try {
      buildGraph([Loops], {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphBuildError);
    const codes = (error as GraphBuildError).issues.map((i) => [i.code, [...i.nodes].sort().join(',')]);
    expect(codes.sort()).toEqual([['cycle', 'a'], ['cycle', 'b,c']]);
  });
});

describe('indexing and shared callers', () => {
  test('names defined twice are reported once each, with every definition', () => {
    class A { x(): number { return 1; } y(): number { return 2; } }
    class B { x(): number { return 3; } }
    expect(() => buildGraph([A, B, A], {})).toThrow(
      'Feature "x" is defined 3 times: A.x, B.x and A.x. Rename all but one.',
    );
  });

  test('outputs that pass their arguments straight through still get their own dependencies', async () => {
    class Lags {
      @parameterize({ a: { x: source('p') }, b: { x: source('q') }, c: { x: source('p'), k: value(10) } })
      scaled(x: Float64Array, k = 2): Float64Array { return x.map((v) => v * k); }
    }
    const g = buildGraph([Lags], {});
    expect(g.node('a')!.fn).toBe(g.node('b')!.fn);
    expect(g.node('a')!.fn).not.toBe(g.node('c')!.fn);
    expect(g.node('b')!.dependencies.map((d) => d.name)).toEqual(['q', 'k']);
    const dr = new Builder().withFeatures(Lags).withResult(dictResult()).build();
    const inputs = { p: Float64Array.of(1, 2), q: Float64Array.of(5, 6) };
    const out = await dr.untyped.execute(['a', 'b', 'c'], { inputs });
    expect([...(out.a as Float64Array)]).toEqual([2, 4]);
    expect([...(out.b as Float64Array)]).toEqual([10, 12]);
    expect([...(out.c as Float64Array)]).toEqual([10, 20]);
  });
});
