import { InputError } from '../../src/errors';
import { warmupRows } from '../../src/timeseries/warmup';

const groups = { starts: Int32Array.of(0, 4), count: 2 };

describe('warmupRows', () => {
  it("with 'auto', takes per entity the longest leading run of missing values over all features", () => {
    const ma2 = Float64Array.of(NaN, 1, 2, 3, NaN, 5, 6);
    const ma3 = Float64Array.of(NaN, NaN, 2, NaN, NaN, NaN, 6); // the NaN on row 3 is data, not warm-up
    const day = Int32Array.of(0, 1, 2, 3, 0, 1, 2); // integer features are never missing
    const w = warmupRows({ ma2, ma3, day }, groups, 7, 'auto');
    expect(Array.from(w.rows)).toEqual([2, 2]);
    expect(w.longest).toEqual(['ma3', 'ma3']);
    expect(w.neverDefined).toEqual([]);
  });

  it('counts null and undefined in JS arrays as missing', () => {
    const w = warmupRows({ label: [null, 'x', 'y', 'z', undefined, undefined, 'w'] }, groups, 7, 'auto');
    expect(Array.from(w.rows)).toEqual([1, 2]);
  });

  it('reports a feature that never has a value in an entity (that entity is all warm-up)', () => {
    const long = Float64Array.of(NaN, NaN, NaN, 4, NaN, NaN, NaN);
    const w = warmupRows({ long }, groups, 7, 'auto');
    expect(Array.from(w.rows)).toEqual([3, 3]);
    expect(w.neverDefined).toEqual([{ feature: 'long', entity: 1 }]);
  });

  it('with a number, drops that many rows per entity, at most the entity', () => {
    const w = warmupRows({}, groups, 7, 4);
    expect(Array.from(w.rows)).toEqual([4, 3]);
  });

  it('rejects a warm-up that is not a whole number of rows', () => {
    expect(() => warmupRows({}, groups, 7, 2.5)).toThrow(
      new InputError("warmup is 2.5; give 'auto' or a whole number of rows (0 or more) to drop at the start of each entity."),
    );
  });
});
