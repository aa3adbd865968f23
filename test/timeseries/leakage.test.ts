import { findLeaks, LeakageError } from '../../src/timeseries/leakage';

// two entities: rows 0-4 and 5-9
const groups = { starts: Int32Array.of(0, 5), count: 2 };
const temp = Float64Array.of(10, 12, 11, 15, 14, 20, 21, 19, 25, 24);
/** temp k rows ahead inside each entity, written out by hand. */
const ahead1 = Float64Array.of(12, 11, 15, 14, NaN, 21, 19, 25, 24, NaN);
const ahead2 = Float64Array.of(11, 15, 14, NaN, NaN, 19, 25, 24, NaN, NaN);
const lag1 = Float64Array.of(NaN, 10, 12, 11, 15, NaN, 20, 21, 19, 25);
const base = { target: temp, targetName: 'temp', labelName: 'label', groups };

describe('findLeaks', () => {
  it('finds a feature equal to the label on the same row, naming it', () => {
    const results = findLeaks({ ...base, horizon: 1, features: { lag1, peek: ahead1, temp } });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ node: 'peek', check: 'leakage', importance: 'fail', passes: false });
    expect(results[0].message).toBe('Feature "peek" equals temp 1 step ahead (the label "label") on 8 of 8 rows where both are set.');
  });

  it('with a longer horizon, also catches a feature holding a nearer future value', () => {
    const results = findLeaks({ ...base, horizon: 2, features: { peek1: ahead1, peek2: ahead2 } });
    expect(results.map((r) => r.message)).toEqual([
      'Feature "peek1" equals temp 1 step ahead (the label is 2 steps ahead) on 8 of 8 rows where both are set.',
      'Feature "peek2" equals temp 2 steps ahead (the label "label") on 6 of 6 rows where both are set.',
    ]);
  });

  it('does not compare across an entity boundary', () => {
    // equal to the next row everywhere, but the value on row 4 is entity 2's first value: not a same-entity future
    const crossing = Float64Array.of(12, 11, 15, 14, 20, 21, 19, 25, 24, NaN);
    const results = findLeaks({ ...base, horizon: 1, features: { crossing } });
    expect(results[0].message).toContain('on 8 of 8 rows');
  });

  it('does not flag a feature that matches only on a constant stretch', () => {
    const flat = new Float64Array(10).fill(3);
    expect(findLeaks({ ...base, target: flat, horizon: 1, features: { lag: new Float64Array(10).fill(3) } })).toEqual([]);
  });

  it('compares only the rows asked for', () => {
    // peek differs from the future on row 0 only; leaving row 0 out makes it a leak again
    const peek = Float64Array.from(ahead1);
    peek[0] = 99;
    expect(findLeaks({ ...base, horizon: 1, features: { peek } })).toEqual([]); // 7 of 8 < 99%
    expect(findLeaks({ ...base, horizon: 1, features: { peek }, rows: Int32Array.of(1, 2, 3, 5, 6) })).toHaveLength(1);
  });

  it('LeakageError lists every leaking feature and the fix', () => {
    const error = new LeakageError(findLeaks({ ...base, horizon: 2, features: { peek1: ahead1, peek2: ahead2 } }));
    expect(error.features).toEqual(['peek1', 'peek2']);
    expect(error.message).toBe(
      'Leakage: 2 features hold the label\'s future:\n' +
        '  - Feature "peek1" equals temp 1 step ahead (the label is 2 steps ahead) on 8 of 8 rows where both are set.\n' +
        '  - Feature "peek2" equals temp 2 steps ahead (the label "label") on 6 of 6 rows where both are set.\n' +
        'A feature at time t may only use data up to t: look for a negative shift (shift(x, -k)) or a window that reaches forward.',
    );
  });
});
