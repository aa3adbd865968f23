import 'reflect-metadata';
import { Builder, dictResult, FeatureExecutionError, GraphBuildError, groupsOf, inline, threads, feature } from '../../../src';
import { Columns, Crashes } from '../../fixtures/threaded';

const ROWS = 40_000;
function column(seed: number): Float64Array {
  const x = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) x[i] = Math.sin(i * 0.01 + seed) * 10 + (i % 97 === 0 ? NaN : 0);
  return x;
}

describe('threads()', () => {
  const executor = threads({ workers: 2 });
  afterAll(() => executor.close());

  it('runs big columns on worker threads and gives inline()s values and quality', async () => {
    const x = column(1);
    const groups = groupsOf(Float64Array.from({ length: ROWS }, (_, i) => Math.floor(i / 1000)));
    const outputs = ['doubled', 'mean3', 'scaled', 'lagged', 'total', 'later', 'threadName'];
    const dr = new Builder().withFeatures(Columns).withResult(dictResult()).build();
    const want = await dr.run(outputs, { inputs: { x, groups } });
    const got = await dr.run(outputs, { inputs: { x, groups }, executor });
    expect(got.result).toEqual({ ...want.result, threadName: 'worker' });
    expect(want.result.threadName).toBe('main');
    expect(got.quality).toEqual(want.quality);
    expect(Object.prototype.toString.call((got.result.scaled as Float64Array).buffer)).toBe('[object SharedArrayBuffer]');
    expect(got.result.scaled).toBeInstanceOf(Float64Array);
  });
});
