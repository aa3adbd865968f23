/**
 * `walkLayouts`: each node called once per layout, every output handed over exactly once with its
 * value on each layout, an overridden node computed on layout 0 only and cut for the others.
 */
import 'reflect-metadata';
import { Builder, checkOutput, feature, rollingMean, shift, type Groups } from '../../src';
import { SLAB_BYTES } from '../../src/columns/allocate';
import { walkLayouts } from '../../src/timeseries/isolation-walk';
import { checkEntityIsolation } from '../../src/timeseries/isolation';
import { entityHistory } from '../../src/timeseries/history';

let calls: string[] = [];
class Walked {
  @checkOutput({ range: [0, 1], importance: 'fail' }) // would fail: checks are not run
  @feature()
  ma2(x: Float64Array, groups: Groups): Float64Array {
    calls.push(`ma2:${x.length}`);
    return rollingMean(x, 2, { groups });
  }
  @feature()
  everyone(x: Float64Array): Float64Array {
    calls.push(`everyone:${x.length}`);
    return x.map(() => x.length);
  }
  @feature()
  onTop(everyone: Float64Array, k: number): Float64Array {
    calls.push(`onTop:${everyone.length}`);
    return everyone.map((e) => e * k);
  }
}

describe('walkLayouts', () => {
  const dr = new Builder().withFeatures(Walked).withConfig({ k: 10 }).build();
  const layout = (x: number[], starts: number[]) => ({
    x: Float64Array.from(x), groups: { starts: Int32Array.from(starts), count: starts.length, rows: x.length },
  });
  const layouts = [layout([1, 2, 3, 4], [0, 2]), layout([1, 2], [0]), layout([3, 4], [0])];

  it('hands every output over once, with its value on each layout; inputs and config too', async () => {
    calls = [];
    const taken: [number, unknown[]][] = [];
    await walkLayouts(dr, {
      outputs: ['ma2', 'x', 'k', 'onTop'], overridden: [], layouts, cut: () => undefined,
      take: (j, values) => taken.push([j, [...values]]),
    });
    expect(taken.map(([j]) => j).sort()).toEqual([0, 1, 2, 3]);
    const of = (j: number) => taken.find(([at]) => at === j)![1];
    expect(of(0)).toEqual([Float64Array.of(NaN, 1.5, NaN, 3.5), Float64Array.of(NaN, 1.5), Float64Array.of(NaN, 3.5)]);
    expect(of(1)).toEqual(layouts.map((l) => l.x));
    expect(of(2)).toEqual([10, 10, 10]);
    expect(of(3)).toEqual([Float64Array.of(40, 40, 40, 40), Float64Array.of(20, 20), Float64Array.of(20, 20)]);
    // each node on the three layouts (4, 2 and 2 rows) before the next node
    const triples = Array.from({ length: calls.length / 3 }, (_, t) => calls.slice(3 * t, 3 * t + 3).join(' '));
    expect(triples.sort()).toEqual([
      'everyone:4 everyone:2 everyone:2', 'ma2:4 ma2:2 ma2:2', 'onTop:4 onTop:2 onTop:2',
    ]);
  });

  it('computes an overridden node on layout 0 only; the others get its cut value', async () => {
    calls = [];
    const taken = new Map<number, unknown[]>();
    await walkLayouts(dr, {
      outputs: ['onTop'], overridden: ['everyone'], layouts,
      cut: (value, k) => (value as Float64Array).subarray(k === 1 ? 0 : 2, k === 1 ? 2 : 4),
      take: (j, values) => taken.set(j, [...values]),
    });
    expect(calls).toEqual(['everyone:4', 'onTop:4', 'onTop:2', 'onTop:2']);
    expect(taken.get(0)).toEqual([Float64Array.of(40, 40, 40, 40), Float64Array.of(40, 40), Float64Array.of(40, 40)]);
  });
});

describe('walkLayouts: kernel outputs from slabs, only while a node runs synchronously', () => {
  let seen: { node: string; slab: boolean }[] = [];
  const inSlab = (a: Float64Array) => a.buffer.byteLength === SLAB_BYTES && a.byteLength < SLAB_BYTES;
  class Allocating {
    @feature()
    sync(x: Float64Array, groups: Groups): Float64Array {
      const out = rollingMean(x, 2, { groups });
      seen.push({ node: 'sync', slab: inSlab(out) });
      return out;
    }
    @feature()
    async later(sync: Float64Array, groups: Groups): Promise<Float64Array> {
      const before = shift(sync, 1, { groups });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const after = shift(sync, 1, { groups }); // after an await: the process's own allocator
      seen.push({ node: 'later:before', slab: inSlab(before) }, { node: 'later:after', slab: inSlab(after) });
      return after;
    }
    @feature()
    failing(x: Float64Array): Float64Array {
      rollingMean(x, 1);
      throw new Error('boom');
    }
  }
  const dr = new Builder().withFeatures(Allocating).build();
  const layout = (x: number[], starts: number[]) => ({
    x: Float64Array.from(x), groups: { starts: Int32Array.from(starts), count: starts.length, rows: x.length },
  });
  const layouts = [layout([1, 2, 3, 4], [0, 2]), layout([1, 2], [0]), layout([3, 4], [0])];
  const plain = () => rollingMean(Float64Array.of(1, 2), 1).buffer.byteLength === 16;

  it('computes the same values, and every other kernel call (during an await too) allocates plainly', async () => {
    seen = [];
    const taken = new Map<number, unknown[]>();
    let outside: boolean | undefined;
    const walk = walkLayouts(dr, {
      outputs: ['sync', 'later'], overridden: [], layouts, cut: () => undefined,
      take: (j, values) => taken.set(j, [...values]),
    });
    setTimeout(() => { outside = plain(); }, 1); // runs while `later` awaits
    await walk;
    expect(outside).toBe(true);
    expect(plain()).toBe(true);
    const f64 = (...v: number[]) => Float64Array.from(v);
    expect(taken.get(0)).toEqual([f64(NaN, 1.5, NaN, 3.5), f64(NaN, 1.5), f64(NaN, 3.5)]);
    expect(taken.get(1)).toEqual([f64(NaN, NaN, NaN, NaN), f64(NaN, NaN), f64(NaN, NaN)]);
    expect(seen.filter((s) => s.node === 'sync').every((s) => s.slab)).toBe(true);
    expect(seen.filter((s) => s.node === 'later:before').every((s) => s.slab)).toBe(true);
    expect(seen.filter((s) => s.node === 'later:after').some((s) => s.slab)).toBe(false);
  });

  it('puts the allocator back when a node throws', async () => {
    await expect(walkLayouts(dr, {
      outputs: ['failing'], overridden: [], layouts, cut: () => undefined, take: () => undefined,
    })).rejects.toThrow(/boom/);
    expect(plain()).toBe(true);
  });
});

describe('walkLayouts: a node that returns a promise on some layouts', () => {
  let calls: string[] = [];
  class Mixed {
    /** Async on the layouts of two rows only: the walk waits there and goes on where it stood. */
    @feature()
    sometimes(x: Float64Array): Float64Array | Promise<Float64Array> {
      calls.push(`sometimes:${x.length}`);
      const out = x.map((v) => v * 10);
      return x.length === 2 ? new Promise((resolve) => setTimeout(() => resolve(out), 2)) : out;
    }
    @feature()
    plusOne(sometimes: Float64Array): Float64Array {
      calls.push(`plusOne:${sometimes.length}`);
      return sometimes.map((v) => v + 1);
    }
    @feature()
    async rejects(x: Float64Array): Promise<Float64Array> {
      if (x.length === 2) throw new Error(`no luck on ${x.length} rows`);
      return x;
    }
  }
  const dr = new Builder().withFeatures(Mixed).build();
  const layout = (x: number[], starts: number[]) => ({
    x: Float64Array.from(x), groups: { starts: Int32Array.from(starts), count: starts.length, rows: x.length },
  });
  const layouts = [layout([1, 2, 3, 4], [0, 2]), layout([1, 2], [0]), layout([3, 4], [0])];

  it('calls every node once per layout in order and hands over each value', async () => {
    calls = [];
    const taken = new Map<number, unknown[]>();
    await walkLayouts(dr, {
      outputs: ['plusOne', 'sometimes'], overridden: [], layouts, cut: () => undefined,
      take: (j, values) => taken.set(j, [...values]),
    });
    expect(calls).toEqual(['sometimes:4', 'sometimes:2', 'sometimes:2', 'plusOne:4', 'plusOne:2', 'plusOne:2']);
    expect(taken.get(0)).toEqual([Float64Array.of(11, 21, 31, 41), Float64Array.of(11, 21), Float64Array.of(31, 41)]);
    expect(taken.get(1)).toEqual([Float64Array.of(10, 20, 30, 40), Float64Array.of(10, 20), Float64Array.of(30, 40)]);
  });

  it('rejects with the executor\'s error naming the node whose promise rejected', async () => {
    const request = { outputs: ['rejects'], overridden: [], layouts, cut: () => undefined, take: () => undefined };
    const walk = walkLayouts(dr, request);
    await expect(walk).rejects.toThrow(/rejects[\s\S]*no luck on 2 rows/);
  });
});

describe('checkEntityIsolation: the walk\'s slabs recycled after a pass', () => {
  let kept: Float64Array[] = [];
  class Keeping {
    @feature()
    ma2(x: Float64Array, groups: Groups): Float64Array {
      const out = rollingMean(x, 2, { groups });
      kept.push(out);
      return out;
    }
  }
  const history = entityHistory(
    {
      city: ['a', 'a', 'a', 'b', 'b', 'b'], day: [1, 2, 3, 1, 2, 3].map((d) => `2020-01-0${d}`), x: [1, 2, 3, 4, 5, 6],
    },
    { entity: 'city', time: 'day' },
  );

  it('empties an array a feature kept from a check that passed (never another check\'s values)', async () => {
    const dr = new Builder().withFeatures(Keeping).build();
    kept = [];
    const first = await checkEntityIsolation(dr, ['ma2'], history, { rows: 3 });
    expect(first.checked).toEqual(['ma2']);
    expect(kept.length).toBe(3);
    expect(kept.every((a) => a.length === 0)).toBe(true);
    kept = [];
    await checkEntityIsolation(dr, ['ma2'], history, { rows: 3 });
    expect(kept.every((a) => a.length === 0)).toBe(true);
    expect(() => [...kept[0]]).toThrow(/detached/); // reading it on is an error, not another array's values
  });
});
