import 'reflect-metadata';
import { Builder, concurrent, dictResult, feature, FeatureExecutionError, inline, type LifecycleAdapter } from '../../src';
import { QuiverError } from '../../src/errors';

let running = 0;
let most = 0;
async function query<T>(value: T, ms = 20): Promise<T> {
  running++;
  most = Math.max(most, running);
  await new Promise((resolve) => setTimeout(resolve, ms));
  running--;
  return value;
}

class Lookups {
  @feature() async a(id: number): Promise<number> { return query(id + 1); }
  @feature() async b(id: number): Promise<number> { return query(id + 2); }
  @feature() async c(id: number): Promise<number> { return query(id + 3); }
  @feature() async d(id: number): Promise<number> { return query(id + 4); }
  @feature() sum(a: number, b: number, c: number, d: number): number { return a + b + c + d; }
}

class Failing {
  @feature() async slow(id: number): Promise<number> { return query(id, 30); }
  @feature() async broken(id: number): Promise<number> { await query(id, 1); throw new Error(`no row ${id}`); }
  @feature() after(slow: number, broken: number): number { return slow + broken; }
}

describe('concurrent()', () => {
  beforeEach(() => {
    running = 0;
    most = 0;
  });

  it('awaits async features whose inputs are ready at the same time, at most limit', async () => {
    const dr = new Builder().withFeatures(Lookups).withExecutor(concurrent({ limit: 3 })).withResult(dictResult()).build();
    expect(await dr.execute(['sum'], { inputs: { id: 10 } })).toEqual({ sum: 50 });
    expect(most).toBe(3);
    most = 0;
    await dr.execute(['sum'], { inputs: { id: 10 }, executor: inline() });
    expect(most).toBe(1);
    most = 0;
    await dr.execute(['sum'], { inputs: { id: 10 }, executor: concurrent() });
    expect(most).toBe(4);
  });

  it('tells hooks the plan position of each node and fails as inline() does', async () => {
    const seen: string[] = [];
    const hook: LifecycleAdapter = {
      beforeNode: ({ name, index, total }) => void seen.push(`${name} ${index}/${total}`),
    };
    const dr = new Builder().withFeatures(Failing).withAdapters(hook).build();
    const error = await dr.execute(['after'], { inputs: { id: 1 }, executor: concurrent() }).catch((e) => e);
    expect(error).toBeInstanceOf(FeatureExecutionError);
    expect(error.message).toBe('Feature "broken" (Failing.broken) threw Error: no row 1');
    expect(seen.sort()).toEqual(['broken 1/3', 'slow 0/3']); // slow, before broken in the plan, still ran; after never started
  });

  it('checks its options', () => {
    expect(() => concurrent({ limt: 2 } as never)).toThrow('concurrent() got an unknown option "limt" (did you mean "limit"?). Valid options: limit.');
    expect(() => concurrent({ limit: 0 })).toThrow(
      'concurrent() takes { limit } as a whole number of at least 1, got 0. Pass e.g. concurrent({ limit: 8 }).',
    );
    expect(() => new Builder().withExecutor({} as never)).toThrow(QuiverError);
    expect(() => new Builder().withExecutor({} as never)).toThrow(
      'withExecutor takes an executor: inline(), concurrent({ limit }) or threads({ workers }).',
    );
  });

  it('rejects a per-call executor that is not one', async () => {
    const dr = new Builder().withFeatures(Lookups).build();
    await expect(dr.execute(['a'], { inputs: { id: 1 }, executor: 'fast' as never })).rejects.toThrow(
      'The executor option takes an executor: inline(), concurrent({ limit }) or threads({ workers }).',
    );
  });
});
