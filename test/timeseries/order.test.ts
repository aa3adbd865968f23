import { InputError } from '../../src/errors';
import { entityTimeOrder } from '../../src/timeseries/order';
import { timeColumn } from '../../src/timeseries/time';

const names = { entity: 'location', time: 'date' };
const days = (...iso: string[]) => timeColumn(iso, 'date');

function caught(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('entityTimeOrder', () => {
  it('leaves rows already sorted by (entity, time) alone', () => {
    const { order, entities } = entityTimeOrder(['a', 'a', 'b'], days('2012-01-01', '2012-01-02', '2012-01-01'), names);
    expect(order).toBeNull();
    expect(entities).toEqual(['a', 'b']);
  });

  it('sorts by entity, then by time, as one permutation', () => {
    // rows: 0 b@2, 1 a@5, 2 b@1, 3 a@3 → a@3 (3), a@5 (1), b@1 (2), b@2 (0)
    const { order, entities } = entityTimeOrder(['b', 'a', 'b', 'a'], Float64Array.of(2, 5, 1, 3), names);
    expect(Array.from(order!)).toEqual([3, 1, 2, 0]);
    expect(entities).toEqual(['a', 'b']);
  });

  it('sorts entities that were grouped but out of key order (Seattle before New York)', () => {
    const { order } = entityTimeOrder(['Seattle', 'Seattle', 'New York'], Float64Array.of(1, 2, 1), names);
    expect(Array.from(order!)).toEqual([2, 0, 1]);
  });

  it('orders numeric entities by value, not as text', () => {
    const { order, entities } = entityTimeOrder(Int32Array.of(10, 9, 10), Float64Array.of(1, 1, 0), names);
    expect(entities).toEqual([9, 10]);
    expect(Array.from(order!)).toEqual([1, 2, 0]);
  });

  it('names a duplicate (entity, time) pair with its ISO date and rows', () => {
    const error = caught(() =>
      entityTimeOrder(['Seattle', 'New York', 'Seattle'], days('2012-01-03', '2012-01-01', '2012-01-03'), names),
    );
    expect(error.message).toBe(
      'Duplicate (entity, time) pair: location "Seattle" at 2012-01-03 appears on rows 0 and 2 (counting from 0). ' +
        'Keep one row per entity and time: aggregate or drop the duplicates first.',
    );
    expect(error.issues[0].nodes).toEqual(['location', 'date']);
  });

  it('lists every duplicated pair, and every row of a pair seen three times', () => {
    const error = caught(() =>
      entityTimeOrder(
        ['b', 'a', 'b', 'a', 'a', 'c'],
        days('2012-01-02', '2012-01-01', '2012-01-02', '2012-01-01', '2012-01-01', '2012-01-01'),
        names,
      ),
    );
    expect(error.issues).toHaveLength(2);
    expect(error.message).toContain('2 problems found');
    expect(error.message).toContain('location "a" at 2012-01-01 appears on rows 1, 3 and 4');
    expect(error.message).toContain('location "b" at 2012-01-02 appears on rows 0 and 2');
  });

  it('rejects rows without an entity, naming them', () => {
    const error = caught(() => entityTimeOrder(['a', null, 'a'], Float64Array.of(1, 2, 3), names));
    expect(error.message).toBe(
      'Entity column "location" is missing on row 1. Every row must belong to an entity; drop those rows or fill the entity first.',
    );
  });

  it('rejects an entity column that mixes numbers and strings, or holds objects, naming the rows', () => {
    const fix = 'Convert the entity column to one type first (e.g. every key a string: String(key)).';
    const mixed = caught(() => entityTimeOrder([10, 9, '10', 9], Float64Array.of(1, 1, 2, 2), names));
    expect(mixed.message).toBe(
      'Entity column "location" mixes kinds of keys: the number 10 on row 0 and the string "10" on row 2; ' +
        `they would be different entities, shown alike in the frame. ${fix}`,
    );
    const day = new Date(Date.UTC(2020, 0, 1));
    const dates = caught(() => entityTimeOrder(['a', day], Float64Array.of(1, 1), names));
    expect(dates.message).toBe(
      'Entity column "location" holds Date(2020-01-01T00:00:00.000Z) on row 1; an entity key must be a string, ' +
        `a number, a bigint or a boolean. ${fix}`,
    );
  });
});

describe('timeColumn', () => {
  it('reads ISO dates as midnight UTC and date-times without an offset as UTC', () => {
    expect(Array.from(timeColumn(['2012-01-02', '2012-01-02T06:00:00'], 'date'))).toEqual([
      Date.UTC(2012, 0, 2),
      Date.UTC(2012, 0, 2, 6),
    ]);
  });

  it('rejects text that is not ISO 8601 rather than guessing a local time', () => {
    const error = caught(() => timeColumn(['2000-01-01', 'Jan 1 2000', null], 'date'));
    expect(error.message).toBe(
      'Time column "date" has values that are not times: row 1 holds "Jan 1 2000", row 2 holds null. ' +
        'Every row needs a time: epoch milliseconds, a Date, or an ISO 8601 string such as "2012-01-31"; drop or fix those rows first.',
    );
  });
});
