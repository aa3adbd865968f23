import 'reflect-metadata';
import { Builder, dictResult, feature, FeatureExecutionError, type LifecycleAdapter } from 'quiver';
import { assertKnownKeys } from '../../src/options/known-keys';
import { InputError } from '../../src/errors';

class Chain {
  @feature()
  a(x: Float64Array): Float64Array {
    return x.map((v) => v + 1);
  }
  @feature()
  b(a: Float64Array): Float64Array {
    return a.map((v) => v * 2);
  }
}

describe('aroundNode', () => {
  const x = Float64Array.of(1, 2);

  it('wraps every node, first adapter outermost, and may replace the value', async () => {
    const seen: string[] = [];
    const outer: LifecycleAdapter = { aroundNode: (call, next) => { seen.push(`outer:${call.node.name}`); return next(call.args); } };
    const inner: LifecycleAdapter = { aroundNode: (call, next) => { seen.push(`inner:${call.node.name}`); return call.node.name === 'a' ? Float64Array.of(10, 20) : next(call.args); } };
    const dr = new Builder().withFeatures(Chain).withAdapters(outer, inner).withResult(dictResult()).build();
    const out = await dr.execute(['b'], { inputs: { x } });
    expect(Array.from(out.b as Float64Array)).toEqual([20, 40]);
    expect(seen).toEqual(['outer:a', 'inner:a', 'outer:b', 'inner:b']);
  });

  it('awaits a wrapper that returns a promise and can call next with other arguments', async () => {
    const shift: LifecycleAdapter = { aroundNode: async (call, next) => next(call.node.name === 'a' ? [Float64Array.of(0, 0)] : call.args) };
    const dr = new Builder().withFeatures(Chain).withAdapters(shift).withResult(dictResult()).build();
    const out = await dr.execute(['b'], { inputs: { x } });
    expect(Array.from(out.b as Float64Array)).toEqual([2, 2]);
  });

  it('reports a wrapper that throws as the node failing', async () => {
    const broken: LifecycleAdapter = { aroundNode: () => { throw new Error('wrapper broke'); } };
    const dr = new Builder().withFeatures(Chain).withAdapters(broken).build();
    await expect(dr.execute(['a'], { inputs: { x } })).rejects.toThrow(FeatureExecutionError);
    await expect(dr.execute(['a'], { inputs: { x } })).rejects.toThrow('Feature "a" (Chain.a) threw Error: wrapper broke');
  });
});

describe('assertKnownKeys', () => {
  it('names the unknown key, the closest known one and every valid key', () => {
    expect(() => assertKnownKeys({ horizn: 6 }, ['horizon', 'gap'], 'buildTrainingFrame', InputError)).toThrow(
      'buildTrainingFrame got an unknown option "horizn" (did you mean "horizon"?). Valid options: horizon, gap.',
    );
    expect(() => assertKnownKeys({ horizn: 6 }, ['horizon'], 'x', InputError)).toThrow(InputError);
  });
  it('lists several unknown keys and passes known ones and undefined', () => {
    expect(() => assertKnownKeys({ a: 1, zzz: 2, horizon: 3 }, ['horizon'], 'f')).toThrow('f got unknown options "a", "zzz". Valid options: horizon.');
    expect(() => assertKnownKeys({ horizon: 1 }, ['horizon'], 'f')).not.toThrow();
    expect(() => assertKnownKeys(undefined, ['horizon'], 'f')).not.toThrow();
  });
});
