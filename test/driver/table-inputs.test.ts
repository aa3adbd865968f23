import { makeVector, tableFromArrays, Table, vectorFromArray, Int32 } from 'apache-arrow';
import { Builder, dictResult, feature } from '../../src';

class Stats {
  @feature()
  doubled(price: Float64Array): Float64Array { return price.map((v) => 2 * v); }

  @feature()
  total(count: Float64Array): number { return count.reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0); }
}

describe('an Arrow Table as inputs', () => {
  test('a float column without nulls arrives as its own Float64Array, no copy', async () => {
    const price = Float64Array.of(1, 2, 3);
    const table = tableFromArrays({ price });
    const dr = new Builder().withFeatures(Stats).withResult(dictResult()).build();
    const out = await dr.execute(['doubled', 'price'], { inputs: table });
    expect((out.price as Float64Array).buffer).toBe(table.getChild('price')!.data[0].values.buffer);
    expect(Array.from(out.doubled as Float64Array)).toEqual([2, 4, 6]);
  });

  test('an integer column with nulls arrives as float64 with NaN, and the run says so', async () => {
    const count = makeVector(vectorFromArray([1, null, 3], new Int32()));
    const table = new Table({ count });
    const dr = new Builder().withFeatures(Stats).withResult(dictResult()).build();
    const { result, notes } = await dr.run(['total'], { inputs: table });
    expect(result.total).toBe(4);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ code: 'int-nulls-as-float64', column: 'count' });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await dr.execute(['total'], { inputs: table });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('quiver: '));
    warn.mockRestore();
  });
});
