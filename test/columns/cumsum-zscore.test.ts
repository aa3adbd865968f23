/** cumsum skips NaN (which stays NaN) and restarts per entity; zscore is (x − mean) / std, ddof 1. */
import { cumsum, groupsOf, zscore } from '../../src/columns';
import { expectClose, f64, sampleVar } from './helpers';

describe('cumsum', () => {
  it('skips NaN in the running sum and keeps NaN rows NaN', () => {
    expectClose(cumsum(f64(NaN, 1, 2, NaN, 4)), [NaN, 1, 3, NaN, 7]);
  });

  it('restarts at each entity', () => {
    expectClose(cumsum(f64(1, 2, 3, 10, NaN, 20), { groups: groupsOf(['a', 'a', 'a', 'b', 'b', 'b']) }), [1, 3, 6, 10, NaN, 30]);
  });
});

describe('zscore', () => {
  it('uses the mean and sample std of the non-NaN values', () => {
    const values = [2, 4, NaN, 9];
    const mean = (2 + 4 + 9) / 3, std = Math.sqrt(sampleVar(values));
    expectClose(zscore(Float64Array.from(values)), values.map((v) => (v - mean) / std));
  });

  it('standardizes each entity by its own mean and std', () => {
    const groups = groupsOf(['a', 'a', 'a', 'b', 'b']);
    const s = Math.sqrt(sampleVar([10, 30]));
    expectClose(zscore(f64(1, 2, 3, 10, 30), { groups }), [-1, 0, 1, (10 - 20) / s, (30 - 20) / s]);
  });

  it('is NaN everywhere in an entity whose std is 0 or undefined (one value)', () => {
    const groups = groupsOf(['a', 'a', 'b', 'c', 'c']);
    expectClose(zscore(f64(0.1, 0.1, 5, NaN, 7), { groups }), [NaN, NaN, NaN, NaN, NaN]);
  });
});
