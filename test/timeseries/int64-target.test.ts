import { feature } from '../../decorators';
import { InputError } from '../../src/errors';
import { numericTarget } from '../../src/timeseries/frame-columns';
import { buildTrainingFrame } from '../../src/timeseries/training-frame';
import { shift, type Groups } from '../../src/columns';

// pandas writes integers as int64, so a count target read from Parquet arrives as a BigInt64Array:
// buildTrainingFrame said 'The target column "sales" is not numeric' (features of the same
// column were converted exactly, with a note).
describe('an int64 target', () => {
  it('is converted exactly to float64 within ±2^53, null as NaN', () => {
    expect(numericTarget({ n: BigInt64Array.of(1n, -2n, 3n) }, 'n')).toEqual(Float64Array.of(1, -2, 3));
    expect(numericTarget({ n: [1n, null, 3n] }, 'n')).toEqual(Float64Array.of(1, NaN, 3));
    expect(numericTarget({ n: BigUint64Array.of(7n) }, 'n')).toEqual(Float64Array.of(7));
  });

  it('beyond ±2^53 is an InputError naming the row', () => {
    const big = { n: BigInt64Array.of(1n, 2n ** 60n) };
    expect(() => numericTarget(big, 'n')).toThrow(InputError);
    expect(() => numericTarget(big, 'n')).toThrow(/holds 1152921504606846976 at row 1/);
  });

  it('builds a frame', async () => {
    class Lag {
      @feature()
      lag(sales: Float64Array, groups: Groups): Float64Array {
        return shift(sales, 1, { groups });
      }
    }
    const frame = await buildTrainingFrame({
      features: [Lag], entity: 'e', time: 't', target: 'sales', warmup: 0,
      data: { e: ['a', 'a', 'a'], t: ['2024-01-01', '2024-01-02', '2024-01-03'], sales: BigInt64Array.of(5n, 6n, 7n) },
    });
    expect(Array.from(frame.train.getChild('label')!.toArray() as Float64Array)).toEqual([6, 7]);
  });
});
