/**
 * The isolation walk with hundreds of features (its plan made in one pass over the nodes they
 * need, values let go after their last consumer): per-entity features all pass, and a shift that
 * forgets `{ groups }` is still caught when the pair checked is not the history's first and the
 * leak shows only in that pair's second entity.
 */
import 'reflect-metadata';
import { Builder, feature, parameterize, rollingMean, shift, source, value, type Groups } from '../../src';
import { checkEntityIsolation } from '../../src/timeseries/isolation';
import { EntityIsolationError } from '../../src/timeseries/isolation-error';
import { entityHistory } from '../../src/timeseries/history';

const LAGS = Array.from({ length: 300 }, (_, k) => k + 1);
const lagSpec = Object.fromEntries(LAGS.map((k) => [`lag_${k}`, { x: source('temp'), k: value(k) }]));

class Many {
  @parameterize(lagSpec)
  lag(x: Float64Array, k: number, groups: Groups): Float64Array {
    return shift(x, k % 20, { groups });
  }
  @feature()
  ma3(temp: Float64Array, groups: Groups): Float64Array {
    return rollingMean(temp, 3, { groups });
  }
}

class Leaky extends Many {
  @feature()
  yesterday(temp: Float64Array): Float64Array {
    return shift(temp, 1); // forgot { groups }
  }
}

// "a" has 1 row, "b" and "c" 40: the pair checked (the sides closest to 16 rows each) is b and c
const rows = { a: 1, b: 40, c: 40 };
const data = { city: [] as string[], day: [] as number[], temp: [] as number[] };
for (const [city, n] of Object.entries(rows)) {
  for (let d = 0; d < n; d++) {
    data.city.push(city);
    data.day.push(Date.UTC(2020, 0, 1 + d));
    data.temp.push(city.charCodeAt(0) * 100 + d);
  }
}
const history = entityHistory({ ...data, temp: Float64Array.from(data.temp) }, { entity: 'city', time: 'day' });
const checked = (name: string) => name.startsWith('lag_') || name === 'ma3' || name === 'yesterday';
const names = (dr: { listAvailableVariables(): readonly { name: string }[] }) =>
  dr.listAvailableVariables().map((n) => n.name).filter(checked);

describe('the isolation walk on many features and a non-first pair', () => {
  it('passes 301 per-entity features', async () => {
    const dr = new Builder().withFeatures(Many).build();
    const report = await checkEntityIsolation(dr, names(dr), history, { rows: 16 });
    expect(report.entities).toEqual(['b', 'c']);
    expect(report.checked).toHaveLength(301);
    expect(report.rows).toBe(32);
  });

  it('still names a shift without groups whose leak shows only at the second pair (b → c)', async () => {
    const dr = new Builder().withFeatures(Leaky).build();
    const error = await checkEntityIsolation(dr, names(dr), history, { rows: 16 }).catch((e) => e);
    expect(error).toBeInstanceOf(EntityIsolationError);
    expect(error.features).toEqual(['yesterday']);
    expect(error.message).toContain('Feature "yesterday" on city "c"');
    expect(error.message).toContain('computed after city "b"\'s rows');
    expect(error.message).toContain('pass { groups }');
  });
});
