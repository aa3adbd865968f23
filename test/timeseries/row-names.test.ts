/**
 * `rowNames`: how entityHistory's and fillCalendar's messages name the data's rows. Without it
 * the messages are as they were (rows count from 0, the indices of the caller's arrays); with it,
 * each row phrase is the caller's (the command line names a CSV file's lines).
 */
import { entityHistory } from '../../src/timeseries/history';
import { fillCalendar } from '../../src/timeseries/fill-calendar';
import { listed, type RowNames } from '../../src/timeseries/row-names';
import { inputErrorMessage } from './support/input-error';

const lines: RowNames = (rows) => `${rows.length === 1 ? 'line' : 'lines'} ${listed(rows.map((r) => r + 2))} of s.csv`;

const message = inputErrorMessage;

const opts = { entity: 'e', time: 't' };

test('a duplicate pair, a missing entity, mixed keys and a time that is not one name rows as rowNames says', () => {
  const dup = { e: ['a', 'b', 'a', 'a'], t: ['2024-01-01', '2024-01-01', '2024-01-01', '2024-01-01'] };
  expect(message(() => entityHistory(dup, { ...opts, rowNames: lines }))).toBe(
    'Duplicate (entity, time) pair: e "a" at 2024-01-01 appears on lines 2, 4 and 5 of s.csv. ' +
      'Keep one row per entity and time: aggregate or drop the duplicates first.',
  );
  expect(message(() => entityHistory(dup, opts))).toContain('appears on rows 0, 2 and 3 (counting from 0).');
  const missing = { e: ['a', null, 'a'], t: [1, 2, 3] };
  expect(message(() => entityHistory(missing, { ...opts, rowNames: lines }))).toBe(
    'Entity column "e" is missing on line 3 of s.csv. ' +
      'Every row must belong to an entity; drop those rows or fill the entity first.',
  );
  expect(message(() => entityHistory(missing, opts))).toContain('is missing on row 1.');
  const many = { e: new Array(8).fill(null), t: Array.from({ length: 8 }, (_, i) => i) };
  expect(message(() => entityHistory(many, { ...opts, rowNames: lines }))).toContain(
    'is missing on lines 2, 3, 4, 5 and 6 of s.csv (and 3 more rows).',
  );
  expect(message(() => entityHistory(many, opts))).toContain('is missing on rows 0, 1, 2, 3, 4, … (8 rows).');
  const mixed = { e: [10, 11, '10'], t: [1, 2, 3] };
  expect(message(() => entityHistory(mixed, { ...opts, rowNames: lines }))).toContain(
    'the number 10 on line 2 of s.csv and the string "10" on line 4 of s.csv',
  );
  const notTimes = { e: ['a', 'a', 'a'], t: ['2024-01-01', 'soon', '2024-01-03'] };
  expect(message(() => entityHistory(notTimes, { ...opts, rowNames: lines }))).toContain(
    'has values that are not times: line 3 of s.csv holds "soon".',
  );
  expect(message(() => entityHistory(notTimes, opts))).toContain('has values that are not times: row 1 holds "soon".');
});

test("fillCalendar names the off-grid row's input row (before sorting) as rowNames says", () => {
  // b is first in the data; a's noon row is input row 2, line 4 of the file
  const data = { e: ['b', 'a', 'a'], t: ['2024-01-01', '2024-01-01', '2024-01-02T12:00:00Z'] };
  expect(message(() => fillCalendar(data, { ...opts, freq: 'D', rowNames: lines }))).toContain(
    'has a row at 2024-01-02T12:00:00.000Z (line 4 of s.csv), which is not a whole number',
  );
  expect(message(() => fillCalendar(data, { ...opts, freq: 'D' }))).toContain('(input row 2, counting from 0)');
});
