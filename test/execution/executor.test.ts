import { Builder, dictResult, feature, type LifecycleAdapter } from '../../src';
import { executePlan } from '../../src/execution/executor';
import { makePlan } from '../../src/execution/plan';
import { SpendFeatures, SPEND, SIGNUPS } from '../fixtures/spend';

function recorder(): { hook: LifecycleAdapter; events: string[] } {
  const events: string[] = [];
  return {
    events,
    hook: {
      beforeRun: ({ outputs }) => void events.push(`run:${outputs.join(',')}`),
      beforeNode: ({ name }) => void events.push(`before:${name}`),
      afterNode: ({ name, success }) => void events.push(`after:${name}:${success}`),
      afterRun: ({ success }) => void events.push(`end:${success}`),
    },
  };
}

describe('the executor', () => {
  test('runs only the ancestors of the requested outputs, dependencies first', async () => {
    const { hook, events } = recorder();
    const dr = new Builder().withFeatures(SpendFeatures).withAdapters(hook).withResult(dictResult()).build();
    await dr.execute(['spendZeroMean'], { inputs: { spend: SPEND } });
    expect(events).toEqual(['run:spendZeroMean', 'before:spendMean', 'after:spendMean:true', 'before:spendZeroMean', 'after:spendZeroMean:true', 'end:true']);
  });

  test('stops at overrides: the upstream of an overridden node does not run', async () => {
    const { hook, events } = recorder();
    const dr = new Builder().withFeatures(SpendFeatures).withAdapters(hook).withResult(dictResult()).build();
    const out = await dr.execute(['spendZeroMean', 'spendMean'], { inputs: { spend: SPEND }, overrides: { spendMean: 10 } });
    expect(events.filter((e) => e.startsWith('before'))).toEqual(['before:spendZeroMean']);
    expect(out.spendMean).toBe(10);
    expect(Array.from(out.spendZeroMean as Float64Array)).toEqual([0, 0, 10, 30, 30, 40]);
  });

  test('an override can stand in for an input', async () => {
    const dr = new Builder().withFeatures(SpendFeatures).withResult(dictResult()).build();
    const out = await dr.untyped.execute(['spendMean'], { overrides: { spend: SPEND } });
    expect(out.spendMean).toBeCloseTo(28.333333, 6);
  });

  test('any key of inputs, config or overrides may be an output, as given', async () => {
    const dr = new Builder().withFeatures(SpendFeatures).withConfig({ region: 'US' }).withResult(dictResult()).build();
    const extra = { anything: 1 };
    const out = await dr.untyped.execute(['region', 'unused', 'extra'], { inputs: { unused: SIGNUPS }, overrides: { extra } });
    expect(out).toEqual({ region: 'US', unused: SIGNUPS, extra });
  });

  test('awaits async features', async () => {
    class Slow {
      @feature()
      async delayed(x: Float64Array): Promise<Float64Array> {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return x.map((v) => v + 1);
      }
      @feature()
      afterDelay(delayed: Float64Array): Float64Array {
        return delayed.map((v) => v * 2);
      }
    }
    const out = await new Builder().withFeatures(Slow).withResult(dictResult()).build().execute(['afterDelay'], { inputs: { x: Float64Array.of(1, 2) } });
    expect(Array.from(out.afterDelay as Float64Array)).toEqual([4, 6]);
  });

  test('releases every intermediate value once its last consumer has run, keeping outputs', async () => {
    class Chain {
      @feature() a(x: Float64Array): Float64Array { return x.map((v) => v + 1); }
      @feature() b(a: Float64Array): Float64Array { return a.map((v) => v + 1); }
      @feature() c(b: Float64Array, a: Float64Array): Float64Array { return b.map((v, i) => v + a[i]); }
      @feature() d(c: Float64Array): Float64Array { return c.map((v) => v + 1); }
    }
    const dr = new Builder().withFeatures(Chain).build();
    const graph = dr.graph;
    const outputs = ['d', 'b'].map((n) => graph.index.get(n)!);
    const plan = makePlan(graph, outputs, new Set());
    const values: unknown[] = new Array(graph.nodes.length);
    values[graph.index.get('x')!] = Float64Array.of(1);
    const seenAlive: Record<string, string[]> = {};
    const alive = () => graph.nodes.filter((_, i) => values[i] !== undefined).map((n) => n.name).sort();
    await executePlan(graph, plan, { runId: 1, values, quality: [] }, [{ beforeNode: ({ name }) => void (seenAlive[name] = alive()) }]);
    expect(seenAlive.c).toEqual(['a', 'b']); // x is gone once a ran
    expect(seenAlive.d).toEqual(['b', 'c']); // a is gone once its last consumer c ran; b is an output
    expect(alive()).toEqual(['b', 'd']);
    expect(Array.from(values[graph.index.get('d')!] as Float64Array)).toEqual([6]); // a = 2, b = 3, c = 5, d = 6
  });

  test('a parameter with a default applies its default when nothing provides it', async () => {
    class WithDefault {
      @feature()
      scaled(x: Float64Array, factor = 10): Float64Array { return x.map((v) => v * factor); }
    }
    const dr = new Builder().withFeatures(WithDefault).withResult(dictResult()).build();
    expect(Array.from((await dr.execute(['scaled'], { inputs: { x: Float64Array.of(1) } })).scaled as Float64Array)).toEqual([10]);
    expect(Array.from((await dr.execute(['scaled'], { inputs: { x: Float64Array.of(1), factor: 3 } })).scaled as Float64Array)).toEqual([3]);
    const withConfig = new Builder().withFeatures(WithDefault).withConfig({ factor: 2 }).withResult(dictResult()).build();
    expect(Array.from((await withConfig.execute(['scaled'], { inputs: { x: Float64Array.of(1) } })).scaled as Float64Array)).toEqual([2]);
  });

  test('hooks see failures, and afterRun is told', async () => {
    const { hook, events } = recorder();
    class Boom { @feature() bad(x: number): number { throw new Error(`no ${x}`); } }
    await expect(new Builder().withFeatures(Boom).withAdapters(hook).build().execute(['bad'], { inputs: { x: 1 } })).rejects.toThrow('no 1');
    expect(events).toEqual(['run:bad', 'before:bad', 'after:bad:false', 'end:false']);
  });

  test('methods run with `this` bound to the one instance; instances may be passed', async () => {
    class Scaler {
      constructor(private readonly factor = 2) {}
      @feature() scaled(x: number): number { return this.helper(x); }
      private helper(x: number): number { return x * this.factor; }
    }
    const byClass = new Builder().withFeatures(Scaler).withResult(dictResult()).build();
    const byInstance = new Builder().withFeatures(new Scaler(5)).withResult(dictResult()).build();
    expect((await byClass.execute(['scaled'], { inputs: { x: 3 } })).scaled).toBe(6);
    expect((await byInstance.execute(['scaled'], { inputs: { x: 3 } })).scaled).toBe(15);
  });
});
