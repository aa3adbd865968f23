import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  Builder, dictResult, FeatureExecutionError, GraphBuildError, groupsOf, InputError, feature, threads,
  type LifecycleAdapter,
} from '../../../src';
import { Columns, Crashes, Faulty } from '../../fixtures/threaded';

const ROWS = 40_000;
function column(seed: number, rows = ROWS): Float64Array {
  const x = new Float64Array(rows);
  for (let i = 0; i < rows; i++) x[i] = Math.sin(i * 0.01 + seed) * 10 + (i % 97 === 0 ? NaN : 0);
  return x;
}
const sharedTag = (x: unknown) => Object.prototype.toString.call((x as Float64Array).buffer);

class NotExported {
  @feature()
  y(x: Float64Array): Float64Array {
    return x;
  }
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
    expect(got.quality.map((q) => q.passes)).toEqual([false, false]);
    expect(sharedTag(got.result.scaled)).toBe('[object SharedArrayBuffer]');
    expect(got.result.scaled).toBeInstanceOf(Float64Array);
  });

  it('wraps the result table around the shared columns without a copy', async () => {
    const dr = new Builder().withFeatures(Columns).withExecutor(executor).build();
    const table = await dr.execute(['mean3'], { inputs: { x: column(2) } });
    const values = table.getChild('mean3')!.data[0].values as Float64Array;
    expect(sharedTag(values)).toBe('[object SharedArrayBuffer]');
  });

  it('does not use the pool below minRows, nor for a plan of one node', async () => {
    const dr = new Builder().withFeatures(Columns).withResult(dictResult()).withExecutor(executor).build();
    const outputs = ['threadName', 'doubled'];
    expect((await dr.execute(outputs, { inputs: { x: column(1, 1000) } })).threadName).toBe('main');
    const few = threads({ workers: 1, minRows: 10 });
    expect((await dr.execute(outputs, { inputs: { x: column(1, 1000) }, executor: few })).threadName).toBe('worker');
    expect((await dr.execute(['threadName'], { inputs: { x: column(1, 1000) }, executor: few })).threadName).toBe('main');
    await few.close();
  });

  it('honours aroundNode: wrappers run on the main thread and may answer without dispatching', async () => {
    const seen: string[] = [];
    const cache: LifecycleAdapter = {
      aroundNode: (call, next) => {
        seen.push(`${call.node.name}:${require('worker_threads').isMainThread ? 'main' : 'worker'}`);
        return call.node.name === 'threadName' ? 'from the cache' : next(call.args);
      },
    };
    const dr = new Builder().withFeatures(Columns).withAdapters(cache).withResult(dictResult()).withExecutor(executor).build();
    const out = await dr.execute(['threadName', 'doubled'], { inputs: { x: column(3) } });
    expect(out.threadName).toBe('from the cache');
    expect(seen.sort()).toEqual(['doubled:main', 'threadName:main']);
  });

  it('reports a feature that throws on a worker as inline() does, error class kept', async () => {
    const dr = new Builder().withFeatures(Faulty).build();
    const inlineError = await dr.execute(['badWindow'], { inputs: { x: column(1) } }).catch((e) => e);
    const error = await dr.execute(['badWindow'], { inputs: { x: column(1) }, executor }).catch((e) => e);
    expect(error).toBeInstanceOf(FeatureExecutionError);
    expect(error.message).toBe(inlineError.message);
    expect(error.message).toMatch(/^Feature "badWindow" \(Faulty\.badWindow\) threw InputError: rollingMean/);
    expect(error.cause).toBeInstanceOf(InputError);
  });

  it('fails the run naming the node when a feature ends its worker, then replaces the worker', async () => {
    const dr = new Builder().withFeatures(Columns, Crashes).withResult(dictResult()).withExecutor(executor).build();
    const x = column(4);
    const error = await dr.execute(['doubled', 'exits'], { inputs: { x } }).catch((e) => e);
    expect(error).toBeInstanceOf(FeatureExecutionError);
    expect(error.node).toBe('exits');
    expect(error.message).toBe(
      'Feature "exits" (Crashes.exits) threw Error: the worker thread computing it exited with code 7; ' +
        'the pool starts a new worker for the next node',
    );
    const again = await dr.execute(['mean3', 'threadName'], { inputs: { x } });
    expect(again.threadName).toBe('worker');
  });

  it('fails the run naming the node when a worker runs out of memory', async () => {
    const small = threads({ workers: 1, workerHeapMb: 32 });
    const dr = new Builder().withFeatures(Columns, Crashes).withResult(dictResult()).withExecutor(small).build();
    const error = await dr.execute(['hog', 'doubled'], { inputs: { x: column(5) } }).catch((e) => e);
    expect(error).toBeInstanceOf(FeatureExecutionError);
    expect(error.message).toBe(
      'Feature "hog" (Crashes.hog) threw Error: the worker thread computing it ran out of memory; ' +
        'the pool starts a new worker for the next node',
    );
    expect((await dr.execute(['threadName', 'doubled'], { inputs: { x: column(5) } })).threadName).toBe('worker');
    await small.close();
  });

  it('refuses, at build, a feature class that no module exports', () => {
    const build = () => new Builder().withFeatures(Columns, NotExported).withExecutor(executor).build();
    expect(build).toThrow(GraphBuildError);
    expect(build).toThrow(
      'threads() cannot load class NotExported: no loaded module exports it, and each worker thread loads feature ' +
        'classes from their own modules. Export it from its module (export class NotExported { … }) and import it ' +
        'from there; or run with inline() or concurrent().',
    );
  });

  it('refuses it as a per-call executor too, as a rejection', async () => {
    const dr = new Builder().withFeatures(NotExported).build();
    await expect(dr.execute(['y'], { inputs: { x: column(1) }, executor })).rejects.toThrow(GraphBuildError);
  });

  it('checks its options', () => {
    expect(() => threads({ worker: 2 } as never)).toThrow(
      'threads() got an unknown option "worker" (did you mean "workers"?). Valid options: workers, minRows, workerHeapMb.',
    );
    expect(() => threads({ workers: 0 })).toThrow('threads() takes { workers } as a whole number of at least 1, got 0.');
  });
});

describe('a script using threads()', () => {
  it('exits by itself when its run is over, without closing the pool', () => {
    const script = join(__dirname, 'support', 'exits-by-itself.ts');
    const started = Date.now();
    const child = spawnSync(process.execPath, ['-r', join(__dirname, '../helpers/swc-register.js'), script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('worker 40000');
    expect(child.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
