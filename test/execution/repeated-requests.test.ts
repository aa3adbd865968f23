/**
 * The request path remembers the last plan and marks requested outputs by node index (issue 16,
 * framework cost): repeated, reordered and overridden requests must still get their own plan, and
 * an output asked for twice, a node or a value given directly, is still one clear InputError.
 */
import 'reflect-metadata';
import { Builder, dictResult, feature } from 'quiver';
import { InputError } from '../../src/errors';
import { PlanCache } from '../../src/execution/request';
import { makePlan } from '../../src/execution/plan';

class Chain {
  @feature()
  a(x: Float64Array): Float64Array {
    return x.map((v) => v + 1);
  }
  @feature()
  b(a: Float64Array): Float64Array {
    return a.map((v) => v * 2);
  }
  @feature()
  async c(b: Float64Array): Promise<Float64Array> {
    return b.map((v) => v - 1);
  }
}

describe('repeated requests', () => {
  const x = Float64Array.of(1, 2);
  const dr = new Builder().withFeatures(Chain).withResult(dictResult()).build();

  it('follow each call: same outputs, another order, an override, then given outputs', async () => {
    const first = await dr.execute(['a', 'c'], { inputs: { x } });
    expect(Object.keys(first)).toEqual(['a', 'c']);
    expect(Array.from(first.c as Float64Array)).toEqual([3, 5]);
    const again = await dr.execute(['a', 'c'], { inputs: { x } });
    expect(Array.from(again.a as Float64Array)).toEqual([2, 3]);
    const swapped = await dr.execute(['c', 'a'], { inputs: { x } });
    expect(Object.keys(swapped)).toEqual(['c', 'a']);
    const overridden = await dr.execute(['a', 'c'], { inputs: { x }, overrides: { b: Float64Array.of(100, 200) } });
    expect(Array.from(overridden.c as Float64Array)).toEqual([99, 199]);
    const plain = await dr.execute(['a', 'c'], { inputs: { x } }); // the override must not stick
    expect(Array.from(plain.c as Float64Array)).toEqual([3, 5]);
    const given = await dr.execute(['x', 'b'], { inputs: { x } });
    expect(given.x).toBe(x);
    expect(Array.from(given.b as Float64Array)).toEqual([4, 6]);
  });

  it('keep each plan: requests taking turns get their own plan back (the first keyed when a second comes)', () => {
    const graph = (dr as unknown as { graph: Parameters<typeof makePlan>[0] }).graph;
    const [a, c] = ['a', 'c'].map((n) => graph.index.get(n)!);
    const cache = new PlanCache();
    const none = new Set<string>();
    const first = cache.get(graph, [a, c], none);
    expect(first).toEqual(makePlan(graph, [a, c], none));
    expect(cache.get(graph, [a, c], none)).toBe(first);
    const other = cache.get(graph, [c], none);
    expect(Array.from(other.run)).toEqual(Array.from(makePlan(graph, [c], none).run));
    expect(cache.get(graph, [a, c], none)).toBe(first);
    expect(cache.get(graph, [c], none)).toBe(other);
    const over = cache.get(graph, [a, c], new Set(['b']));
    expect(Array.from(over.overridden)).toEqual([graph.index.get('b')]);
    expect(cache.get(graph, [a, c], none)).toBe(first);
  });

  it('forget the marks of a request that failed, however it failed', async () => {
    await expect(dr.execute(['a', 'nope'] as never, { inputs: { x } })).rejects.toThrow('Unknown output "nope"');
    const hostile = () => {
      throw new Error('a hostile overrides object');
    };
    const throwing = new Proxy({}, { getOwnPropertyDescriptor: hostile });
    await expect(dr.execute(['a', 'nope'] as never, { inputs: { x }, overrides: throwing })).rejects.toThrow('hostile');
    const out = await dr.execute(['a', 'b'], { inputs: { x } }); // no "requested twice" left behind
    expect(Array.from(out.a as Float64Array)).toEqual([2, 3]);
  });

  it('keep apart a request made from inside another (an overrides Proxy trap that validates)', async () => {
    const inner: string[] = [];
    const reentrant = new Proxy({}, {
      getOwnPropertyDescriptor: () => {
        dr.validateExecution(['a', 'b'], { inputs: { x } }); // must not see the outer request's marks
        inner.push('validated');
        return undefined;
      },
    });
    const run = dr.execute(['a', 'nope', 'a'] as never, { inputs: { x }, overrides: reentrant });
    await expect(run).rejects.toThrow('Output "a" is requested twice; ask for it once.');
    expect(inner.length).toBeGreaterThan(0);
    expect(Object.keys(await dr.execute(['b', 'a'], { inputs: { x } }))).toEqual(['b', 'a']);
  });

  it('name an output asked for twice, a feature or an input given directly', async () => {
    for (const outputs of [['a', 'b', 'a'], ['x', 'b', 'x']]) {
      const run = dr.execute(outputs as never, { inputs: { x } });
      await expect(run).rejects.toThrow(InputError);
      const message = `Output "${outputs[0]}" is requested twice; ask for it once.`;
      await expect(dr.execute(outputs as never, { inputs: { x } })).rejects.toThrow(message);
    }
  });
});
