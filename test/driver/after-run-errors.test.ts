import 'reflect-metadata';
import { Builder, feature, FeatureExecutionError, HookError, type LifecycleAdapter } from 'quiver';

class Features {
  @feature()
  ok(x: Float64Array): Float64Array {
    return x;
  }
  @feature()
  broken(x: Float64Array): Float64Array {
    throw new Error(`bad ${x.length}`);
  }
}

const x = Float64Array.of(1, 2);
const failing: LifecycleAdapter = { afterRun: () => { throw new Error('hook broke'); } };

describe('a failing afterRun hook', () => {
  it('never replaces the feature error: it stays the error, the hook error is attached', async () => {
    const seen: boolean[] = [];
    const later: LifecycleAdapter = { afterRun: ({ success }) => void seen.push(success) };
    const dr = new Builder().withFeatures(Features).withAdapters(failing, later).build();
    const error = (await dr.execute(['broken'], { inputs: { x } }).catch((e: unknown) => e)) as FeatureExecutionError & { hookErrors?: Error[] };
    expect(error).toBeInstanceOf(FeatureExecutionError);
    expect(error.message).toBe('Feature "broken" (Features.broken) threw Error: bad 2');
    expect(error.hookErrors?.map((e) => e.message)).toEqual(['hook broke']);
    expect(seen).toEqual([false]); // the next hook was still told
  });

  it('is a HookError naming the adapter when the run itself succeeded', async () => {
    const dr = new Builder().withFeatures(Features).withAdapters(failing).build();
    const error = (await dr.execute(['ok'], { inputs: { x } }).catch((e: unknown) => e)) as HookError;
    expect(error).toBeInstanceOf(HookError);
    expect(error.message).toBe(
      'The afterRun hook of adapter 1 threw Error: hook broke. The run itself succeeded; fix the adapter or remove it from withAdapters.',
    );
    expect((error.cause as Error).message).toBe('hook broke');
  });
});
