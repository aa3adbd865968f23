/**
 * Expanding kernels: every non-NaN value so far in the entity counts; NaN until `minPeriods`
 * (default 1) values; var/std ddof 1.
 */
import { InputError } from '../../src/errors';
import {
  expandingMax, expandingMean, expandingMin, expandingStd, expandingSum, expandingVar, groupsOf, type WindowOptions,
} from '../../src/columns';
import { expectClose, f64, sampleVar, thrown } from './helpers';

type Expanding = (x: Float64Array, opts?: WindowOptions) => Float64Array;
const kernels: Record<string, Expanding> = { expandingMean, expandingSum, expandingVar, expandingStd, expandingMin, expandingMax };

describe('expanding kernels', () => {
  const x = f64(NaN, 1, NaN, 3, 2);

  it.each<[string, WindowOptions, number[]]>([
    ['expandingMean', {}, [NaN, 1, 1, (1 + 3) / 2, (1 + 3 + 2) / 3]],
    ['expandingSum', {}, [NaN, 1, 1, 4, 6]],
    ['expandingVar', {}, [NaN, NaN, NaN, sampleVar([1, 3]), sampleVar([1, 3, 2])]],
    ['expandingStd', {}, [NaN, NaN, NaN, Math.sqrt(2), 1]],
    ['expandingMin', {}, [NaN, 1, 1, 1, 1]],
    ['expandingMax', {}, [NaN, 1, 1, 3, 3]],
    ['expandingMean', { minPeriods: 2 }, [NaN, NaN, NaN, 2, 2]],
    ['expandingMax', { minPeriods: 3 }, [NaN, NaN, NaN, NaN, 3]],
    ['expandingSum', { minPeriods: 0 }, [0, 1, 1, 4, 6]],
  ])('%s %j', (name, opts, expected) => {
    expectClose(kernels[name](x, opts), expected);
  });

  it('restart at each entity', () => {
    const groups = groupsOf(['a', 'a', 'b', 'b', 'b']);
    const y = f64(4, 2, NaN, 10, 30);
    expectClose(expandingMean(y, { groups }), [4, 3, NaN, 10, 20]);
    expectClose(expandingMin(y, { groups }), [4, 2, NaN, 10, 10]);
    expectClose(expandingStd(y, { groups }), [NaN, Math.sqrt(2), NaN, NaN, Math.sqrt(200)]);
  });

  it('read infinities as missing, as pandas\' expanding does', () => {
    // pandas 1.5: pd.Series([-inf, nan, 2]).expanding().max() → NaN, NaN, 2; [inf, 5] .min() → NaN, 5
    expectClose(expandingMax(f64(-Infinity, NaN, 2)), [NaN, NaN, 2]);
    expectClose(expandingMin(f64(Infinity, 5)), [NaN, 5]);
  });

  it('give var and std exactly 0 while all values are equal', () => {
    const v = expandingStd(f64(0.3, 0.3, 0.3, 0.3));
    expect(Array.from(v).slice(1).every((s) => Object.is(s, 0))).toBe(true);
  });

  it('write into opts.out, keep x and refuse a bad minPeriods', () => {
    const out = new Float64Array(5);
    expect(expandingSum(x, { out })).toBe(out);
    expectClose(x, [NaN, 1, NaN, 3, 2]);
    const e = thrown(() => expandingMean(x, { minPeriods: 1.5 }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('expandingMean: opts.minPeriods must be an integer ≥ 0; got 1.5.');
  });
});
