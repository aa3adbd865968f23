import 'reflect-metadata';
import { feature, rollingMean, type Groups } from '../../src';
import { buildTrainingFrame, formatTrainingFrame } from '../../src/timeseries';

class Mean2 {
  @feature()
  ma2(x: Float64Array, groups: Groups): Float64Array {
    return rollingMean(x, 2, { groups });
  }
}

describe('formatTrainingFrame', () => {
  it('prints rows and dates per split, what was dropped, and the checks', async () => {
    // one entity, 6 days; ma2 drops Jan 1 (warm-up); Jan 6 has no label; Jan 3 is the gap before Jan 4
    const frame = await buildTrainingFrame({
      features: [Mean2],
      data: { id: ['a', 'a', 'a', 'a', 'a', 'a'], day: ['2020-01-01', '2020-01-02', '2020-01-03', '2020-01-04', '2020-01-05', '2020-01-06'], x: Float64Array.of(1, 2, 3, 4, 5, 6) },
      entity: 'id', time: 'day', target: 'x', splits: { validation: '2020-01-04' },
    });
    expect(formatTrainingFrame(frame)).toBe(
      [
        '6 rows of history for 1 entity (id); 1 feature; label "label" = x 1 step ahead',
        '  train              1 row   2020-01-02 … 2020-01-02',
        '  validation         2 rows  2020-01-04 … 2020-01-05',
        '  test               0 rows  (empty)',
        '  dropped: 1 warm-up, 1 without a label, 1 in the gaps before cut-offs',
        '  checks: 1 passed, 0 failed',
      ].join('\n'),
    );
  });
});
