/**
 * `Comparison.take`: the bytes of each side alone against the same rows together (a native
 * memcmp), and the row-by-row rule where the bytes differ: bitwise-equal values, +0 and −0, NaNs
 * of any payload and values within 1e-12 relative are the same; anything else differs at its row.
 */
import { Comparison } from '../../src/timeseries/isolation-compare';

const sides = [Int32Array.of(10, 11, 12), Int32Array.of(13, 14)] as const;
const comparison = () =>
  new Comparison({
    outputs: ['f'], overridden: [], layouts: [], sides, entities: ['a', 'b'], time: undefined, order: null,
  });
/** Output 0 on the three layouts: together, the first side alone, the second alone. */
function differences(together: ArrayLike<unknown>, first: ArrayLike<unknown>, second: ArrayLike<unknown>) {
  const c = comparison();
  c.take(0, [together, first, second]);
  return c.differences();
}

/** A NaN whose bits are not those of `NaN`: bitwise different, the same missing value. */
function otherNaN(): number {
  const bits = new DataView(new ArrayBuffer(8));
  bits.setUint32(0, 0x7ff80000);
  bits.setUint32(4, 0xdeadbeef);
  return bits.getFloat64(0);
}

describe('Comparison.take', () => {
  it('passes columns whose bytes are the same, of every typed-array kind', () => {
    const f64 = (...v: number[]) => Float64Array.from(v);
    expect(differences(f64(1, 2, NaN, 4, 5), f64(1, 2, NaN), f64(4, 5))).toEqual([]);
    expect(differences(Int32Array.of(1, 2, 3, 4, 5), Int32Array.of(1, 2, 3), Int32Array.of(4, 5))).toEqual([]);
    const i64 = (...v: bigint[]) => BigInt64Array.from(v);
    expect(differences(i64(1n, 2n, 3n, 4n, 5n), i64(1n, 2n, 3n), i64(4n, 5n))).toEqual([]);
  });

  it('compares views at any offset of a larger buffer (the walk cuts outputs from slabs)', () => {
    const slab = new Float64Array(64).fill(7);
    const together = slab.subarray(3, 8);
    together.set([1, 2, 3, 4, 5]);
    const first = slab.subarray(20, 23);
    first.set([1, 2, 3]);
    const second = slab.subarray(40, 42);
    second.set([4, 5]);
    expect(differences(together, first, second)).toEqual([]);
    second[1] = 6;
    const [d] = differences(together, first, second);
    expect(d).toMatchObject({ feature: 'f', entity: 'b', neighbour: 'a', together: 5, alone: 6 });
    expect(d).toMatchObject({ differing: 1, compared: 2 });
    expect(d.inputRow).toBe(14);
  });

  it('takes +0 and −0, NaNs of other bits and a 1e-13 relative difference as the same', () => {
    const nan = otherNaN();
    const bytes = (v: number) => [...new Uint8Array(Float64Array.of(v).buffer)].join();
    expect(bytes(nan)).not.toBe(bytes(NaN)); // the fast path sees different bytes; the row rule decides
    const first = Float64Array.of(-0, nan, 1 + 1e-13);
    expect(differences(Float64Array.of(0, NaN, 1, 4, 5), first, Float64Array.of(4, 5))).toEqual([]);
  });

  it('names the first differing row and counts the rows that differ, the second side first', () => {
    const found = differences(Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(1, 9, 8), Float64Array.of(NaN, 5));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ entity: 'b', side: 'after', together: 4, alone: NaN, differing: 1, inputRow: 13 });
    const onlyFirst = differences(Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(1, 9, 8), Float64Array.of(4, 5));
    expect(onlyFirst[0]).toMatchObject({ entity: 'a', side: 'before', together: 2, alone: 9 });
    expect(onlyFirst[0]).toMatchObject({ differing: 2, compared: 3 });
  });

  it('compares columns of different kinds value by value', () => {
    expect(differences(Float64Array.of(1, 2, 3, 4, 5), Int32Array.of(1, 2, 3), [4, 5])).toEqual([]);
    const float32 = Float32Array.of(1, 2, 3.1);
    expect(differences(Float64Array.of(1, 2, 3, 4, 5), float32, Float64Array.of(4, 5))[0]).toMatchObject({
      entity: 'a', together: 3, differing: 1,
    });
  });
});

describe('Comparison.take on sides that lie one after the other', () => {
  it('settles both in one comparison when equal, and still names a difference in either', () => {
    const slab = new Float64Array(16);
    const first = slab.subarray(5, 8);
    const second = slab.subarray(8, 10);
    first.set([1, 2, 3]);
    second.set([4, 5]);
    expect(differences(Float64Array.of(1, 2, 3, 4, 5), first, second)).toEqual([]);
    second[0] = 40;
    const together = Float64Array.of(1, 2, 3, 4, 5);
    expect(differences(together, first, second)[0]).toMatchObject({ entity: 'b', together: 4, alone: 40 });
    second[0] = 4;
    first[2] = 30;
    expect(differences(together, first, second)[0]).toMatchObject({ entity: 'a', together: 3, alone: 30 });
    // the row rule still decides where bytes differ: −0 against +0 passes
    first[2] = 3;
    second[1] = -0;
    expect(differences(Float64Array.of(1, 2, 3, 4, 0), first, second)).toEqual([]);
  });
});
