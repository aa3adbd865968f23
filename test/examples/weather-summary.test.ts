/** The main job's summary (examples/weather/summary.ts): families of feature names, a few rows, how to load. */
import { tableFromArrays } from 'apache-arrow';
import { featureFamilies, formatFamilies, loadHints, previewRows } from '../../examples/weather/summary';

test('families: the signal and the numbers taken out; the longest signal wins', () => {
  const names = ['temp_max_mean_7', 'wind_mean_28', 'temp_max', 'temp_max_lag_1', 'temp_max_lag_2', 'temp_mean_mean_7_1w_ago', 'day_of_week'];
  const families = featureFamilies(names, ['temp', 'temp_max', 'temp_mean', 'wind']);
  expect(families).toEqual([
    { family: 'mean_N', count: 2, first: 'temp_max_mean_7', last: 'wind_mean_28' },
    { family: "today's value", count: 1, first: 'temp_max', last: 'temp_max' },
    { family: 'lag_N', count: 2, first: 'temp_max_lag_1', last: 'temp_max_lag_2' },
    { family: 'mean_N_Nw_ago', count: 1, first: 'temp_mean_mean_7_1w_ago', last: 'temp_mean_mean_7_1w_ago' },
    { family: 'day_of_week', count: 1, first: 'day_of_week', last: 'day_of_week' },
  ]);
  expect(formatFamilies(families, 1)).toBe([
    '7 features in 5 families:',
    '  mean_N    2  temp_max_mean_7 … wind_mean_28',
    '  1 more families (2 features): lag_N 2',
    "  one each (3): temp_max, temp_mean_mean_7_1w_ago, day_of_week",
  ].join('\n'));
});

test('rows: times as dates, numbers to two places, names and entities left-aligned', () => {
  const table = tableFromArrays({ location: ['Seattle', 'New York'], date: Float64Array.of(Date.UTC(2012, 5, 30), Date.UTC(2012, 6, 1)), x: Float64Array.of(1.234, 10) });
  expect(previewRows(table as never, ['location', 'date', 'x'], 5, 'date')).toBe([
    '  location  date           x',
    '  Seattle   2012-06-30  1.23',
    '  New York  2012-07-01    10',
  ].join('\n'));
  expect(loadHints(['out/a.arrow', 'out/b.arrow'])).toContain('  polars:  pl.read_ipc("out/a.arrow")');
});
