import 'reflect-metadata';
import { vectorFromArray, Int64 } from 'apache-arrow';
import { Builder, checkOutput, checkOutputCustom, feature, InputError, type Validator } from '../../src';
import { rangeCheck } from '../../src/quality/checks/range';
import { maxStandardDevCheck, moments } from '../../src/quality/checks/stats';

const TWO_53 = 2 ** 53;

describe('range compares bigints exactly', () => {
  const check = rangeCheck(0, TWO_53);

  test('2^53 + 1 fails range [0, 2^53] as a BigInt64Array, a bigint, a JS array and an Arrow Int64 vector', () => {
    const big = 2n ** 53n + 1n;
    expect(check(BigInt64Array.of(1n, big)).message).toBe(
      '1 of 2 values (50%) outside [0, 9007199254740992]; at row 1; observed min 1, max 9007199254740993',
    );
    expect(check(big).passes).toBe(false);
    expect(check([1n, null, big]).passes).toBe(false);
    expect(check(vectorFromArray([1n, big], new Int64())).passes).toBe(false);
  });

  test('2^53 itself passes, and BigUint64Array is read exactly too', () => {
    expect(check(BigInt64Array.of(0n, 2n ** 53n)).passes).toBe(true);
    expect(check(BigUint64Array.of(2n ** 64n - 1n)).passes).toBe(false);
  });
});

describe('bigint outputs beyond int64 are refused, never wrapped, in the result table', () => {
  class Big {
    @feature()
    ids(n: number): bigint[] {
      return [1n, 2n ** 63n + BigInt(n)];
    }
    @feature()
    one(n: number): bigint {
      return -(2n ** 63n) - BigInt(n);
    }
    @feature()
    fits(n: number): bigint[] {
      return [2n ** 63n - 1n, -(2n ** 63n) + BigInt(n)];
    }
  }
  const dr = new Builder().withFeatures(Big).build();

  test('an array with a bigint beyond int64', async () => {
    const error = await dr.execute(['ids'], { inputs: { n: 0 } }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'Output "ids" holds 9223372036854775808 at row 1, which is beyond int64 (−2^63 to 2^63−1), the widest integer a table column holds; ' +
        'it would wrap around. Return it as a number or string, or use dictResult() to get the values as computed.',
    );
  });

  test('a single bigint beyond int64', async () => {
    await expect(dr.execute(['one'], { inputs: { n: 1 } })).rejects.toThrow('Output "one" holds -9223372036854775809, which is beyond int64');
  });

  test('the int64 extremes themselves fit', async () => {
    const table = await dr.execute(['fits'], { inputs: { n: 0 } });
    expect(table.getChild('fits')!.toArray()).toEqual(BigInt64Array.of(2n ** 63n - 1n, -(2n ** 63n)));
  });
});

describe('standard deviation is exactly 0 on constant data', () => {
  const constant = new Float64Array(1000).fill(1e9 + 0.1);

  test('moments of 1e9 + 0.1 repeated: std 0, mean the value itself', () => {
    expect(moments(constant)).toEqual({ count: 1000, mean: 1e9 + 0.1, std: 0 });
  });

  test('maxStandardDev: 0 passes on it, with NaNs mixed in', () => {
    const withGaps = Float64Array.from(constant, (v, i) => (i % 7 === 0 ? NaN : v));
    expect(maxStandardDevCheck(0)(constant).passes).toBe(true);
    expect(maxStandardDevCheck(0)(withGaps).passes).toBe(true);
  });

  test('still as pandas on ordinary data (ddof 1) and with infinities', () => {
    expect(moments(Float64Array.of(1, 2, NaN, 3))).toEqual({ count: 3, mean: 2, std: 1 });
    expect(moments(Float64Array.of(1e9 + 1, 1e9 + 2, 1e9 + 3)).std).toBe(1);
    expect(moments(Float64Array.of(Infinity, 1)).count).toBe(2);
    expect(moments(Float64Array.of(Infinity, 1)).mean).toBe(Infinity);
  });

  test('end to end through @checkOutput', async () => {
    class Flat {
      @checkOutput({ maxStandardDev: 0, importance: 'fail' })
      level(x: Float64Array): Float64Array {
        return x;
      }
    }
    const run = await new Builder().withFeatures(Flat).build().run(['level'], { inputs: { x: constant } });
    expect(run.quality.map((q) => q.passes)).toEqual([true]);
  });
});

describe('the same custom validator twice on one method', () => {
  const lengthIs = (n: number): Validator => ({
    name: 'lengthIs',
    description: `length ${n}`,
    validate: (x) => ({ passes: (x as Float64Array).length === n, message: `length ${(x as Float64Array).length}, wanted ${n}` }),
  });

  test('is allowed, in one decorator or two, and its results are told apart (lengthIs#2)', async () => {
    class Twice {
      @checkOutputCustom(lengthIs(3), lengthIs(4))
      @checkOutputCustom(lengthIs(3))
      x(raw: Float64Array): Float64Array {
        return raw;
      }
    }
    const dr = new Builder().withFeatures(Twice).build();
    const run = await dr.run(['x'], { inputs: { raw: Float64Array.of(1, 2, 3) } });
    expect(run.quality.map((q) => [q.check, q.passes])).toEqual([['lengthIs', true], ['lengthIs#2', true], ['lengthIs#3', false]]);
    expect(dr.listAvailableVariables().find((v) => v.name === 'x')!.checks).toEqual(['lengthIs', 'lengthIs#2', 'lengthIs#3']);
  });
});
