import 'reflect-metadata';
import { Builder, concurrent, FeatureExecutionError, InputError, inline, threads, type Executor } from '../../../src';
import { reviveError, sendError } from '../../../adapters/threads/errors-across';
import { RateLimitError, Thrown } from '../../fixtures/thrown';

describe('an error crosses threads as itself', () => {
  test('quiver and built-in classes, fields and the cause chain are kept', () => {
    const original = new InputError('bad window');
    const back = reviveError(sendError(new Error('outer', { cause: original }))) as Error;
    expect(back).toBeInstanceOf(Error);
    expect(back.message).toBe('outer');
    expect(back.cause).toBeInstanceOf(InputError);
    expect((back.cause as InputError).message).toBe('bad window');
    expect((back.cause as InputError).issues).toEqual(original.issues);
    expect(reviveError(sendError(new RangeError('r')))).toBeInstanceOf(RangeError);
  });

  test('a thrown value that is not an error comes back as that value', () => {
    expect(reviveError(sendError('no data'))).toBe('no data');
    expect(reviveError(sendError({ code: 7 }))).toEqual({ code: 7 });
    expect(reviveError(sendError(undefined))).toBeUndefined();
  });
});

describe('a feature failing on a worker thread fails the run as it does in-process', () => {
  const x = Float64Array.of(1, 2, 3);
  // minRows 0: every node of two or more goes to the pool, however small its columns
  const pool = threads({ workers: 1, minRows: 0 });
  afterAll(() => pool.close());
  const dr = new Builder().withFeatures(Thrown).build();
  const failure = (name: string, executor: Executor) =>
    dr.execute(['ok', name as 'ok'], { inputs: { x }, executor }).then(
      () => { throw new Error(`${name} did not fail`); },
      (e: unknown) => e as FeatureExecutionError,
    );

  test.each([
    ['builtIn', 'threw RangeError: window must be at most 3', RangeError],
    ['ownClass', 'threw RateLimitError: rate limited after 3 rows', RateLimitError],
    ['withCause', 'threw Error: price lookup failed', Error],
    ['aString', 'threw no data for 3 rows', undefined],
    ['wrongType', 'is declared to return Float64Array but returned a number (3). Return a Float64Array, ' +
      'or change the declared return type.', TypeError],
  ] as const)('%s: one class, message and cause under every executor', async (name, says, cause) => {
    const expected = await failure(name, inline());
    expect(expected).toBeInstanceOf(FeatureExecutionError);
    expect(expected.message).toBe(`Feature "${name}" (Thrown.${name}) ${says}`);
    for (const executor of [concurrent(), pool]) {
      const error = await failure(name, executor);
      expect(error).toBeInstanceOf(FeatureExecutionError);
      expect(error.node).toBe(name);
      expect(error.message).toBe(expected.message);
      if (cause) expect(error.cause).toBeInstanceOf(cause);
      else expect(error.cause).toBe(expected.cause);
    }
  });

  test('the own class keeps its fields, the cause its class', async () => {
    const own = await failure('ownClass', pool);
    expect((own.cause as RateLimitError).retryAfterMs).toBe(500);
    const chained = await failure('withCause', pool);
    expect((chained.cause as Error).cause).toBeInstanceOf(TypeError);
    expect(((chained.cause as Error).cause as Error).message).toBe('row 3 is not a price');
  });

  test('an input of the wrong type is the same InputError under threads()', async () => {
    const run = (executor: Executor) =>
      dr.execute(['ok', 'builtIn'], { inputs: { x: 'prices' }, executor }).catch((e) => e);
    const [inProcess, threaded] = [await run(inline()), await run(pool)];
    expect(threaded).toBeInstanceOf(InputError);
    expect(threaded.message).toBe(inProcess.message);
    expect(threaded.message)
      .toMatch(/^Input "x" is a string \(prices\), but "ok" and "builtIn" declare it as Float64Array\./);
  });
});
