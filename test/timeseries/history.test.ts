import { InputError } from '../../src/errors';
import { tableFromColumns } from '../../src/io';
import { entityHistory } from '../../src/timeseries/history';

const DAY = 86_400_000;
const d = (iso: string) => Date.parse(iso);

describe('entityHistory', () => {
  const raw = {
    location: ['Seattle', 'New York', 'Seattle', 'New York', 'Seattle'],
    date: ['2012-01-03', '2012-01-02', '2012-01-01', '2012-01-01', '2012-01-02'],
    temp_max: Float64Array.of(13, 2, 11, 1, 12),
    wind: Int32Array.of(3, 20, 1, 10, 2),
  };

  it('sorts every column by (entity, time) with one permutation and returns the groups', () => {
    const h = entityHistory(raw, { entity: 'location', time: 'date' });
    expect(h.columns.location).toEqual(['New York', 'New York', 'Seattle', 'Seattle', 'Seattle']);
    expect(Array.from(h.columns.date as Float64Array)).toEqual([
      d('2012-01-01'), d('2012-01-02'), d('2012-01-01'), d('2012-01-02'), d('2012-01-03'),
    ]);
    expect(h.columns.temp_max).toEqual(Float64Array.of(1, 2, 11, 12, 13));
    expect(h.columns.wind).toEqual(Int32Array.of(10, 20, 1, 2, 3)); // the typed array keeps its type
    expect(Array.from(h.order!)).toEqual([3, 1, 2, 4, 0]);
    expect(Array.from(h.groups.starts)).toEqual([0, 2]);
    expect(h.groups.count).toBe(2);
    expect(h.entities).toEqual(['New York', 'Seattle']);
    expect(h.inputs.groups).toBe(h.groups);
    expect(h.inputs.temp_max).toBe(h.columns.temp_max);
  });

  it('copies nothing but the time column when the rows are already sorted', () => {
    const temp = Float64Array.of(1, 2, 3);
    const h = entityHistory({ id: Int32Array.of(1, 1, 2), t: Float64Array.of(0, DAY, 0), temp }, { entity: 'id', time: 't' });
    expect(h.order).toBeNull();
    expect(h.columns.temp).toBe(temp);
  });

  it('reads an Arrow table, its float columns as Float64Array', () => {
    const table = tableFromColumns(
      ['symbol', 'date', 'price'],
      [['MSFT', 'AAPL', 'MSFT'], [new Date(d('2000-02-01')), new Date(d('2000-01-01')), new Date(d('2000-01-01'))], Float64Array.of(36.35, 25.94, 39.81)],
    );
    const h = entityHistory(table, { entity: 'symbol', time: 'date' });
    expect(h.columns.symbol).toEqual(['AAPL', 'MSFT', 'MSFT']);
    // a string column is a JS array even when nothing had to move
    const sorted = entityHistory(tableFromColumns(['id', 't', 'tag'], [Int32Array.of(1, 2), Float64Array.of(0, 0), ['x', 'y']]), { entity: 'id', time: 't' });
    expect(sorted.order).toBeNull();
    expect(sorted.columns.tag).toEqual(['x', 'y']);
    expect(h.columns.price).toEqual(Float64Array.of(25.94, 39.81, 36.35));
    expect(Array.from(h.columns.date as Float64Array)).toEqual([d('2000-01-01'), d('2000-01-01'), d('2000-02-01')]);
  });

  it('rejects a duplicate (entity, time) pair, naming the pair and the input rows', () => {
    const dup = { ...raw, date: ['2012-01-03', '2012-01-02', '2012-01-01', '2012-01-01', '2012-01-03'] };
    expect(() => entityHistory(dup, { entity: 'location', time: 'date' })).toThrow(
      new InputError(
        'Duplicate (entity, time) pair: location "Seattle" at 2012-01-03 appears on rows 0 and 4 (counting from 0). ' +
          'Keep one row per entity and time: aggregate or drop the duplicates first.',
      ),
    );
  });

  it('names a missing entity or time column and lists the columns there are', () => {
    expect(() => entityHistory(raw, { entity: 'city', time: 'date' })).toThrow(
      new InputError(
        'The entity column "city" is not in the data; its columns are "location", "date", "temp_max", "wind". ' +
          "Pass the name of the column that holds each row's entity.",
      ),
    );
  });

  it('rejects columns of different lengths, naming them', () => {
    expect(() => entityHistory({ ...raw, wind: Int32Array.of(1) }, { entity: 'location', time: 'date' })).toThrow(
      new InputError(
        'Column "wind" has 1 row but entity column "location" has 5. All columns of the history must have one value per row.',
      ),
    );
  });

  it('refuses a data column that would hide the groups input', () => {
    expect(() => entityHistory({ ...raw, groups: [1, 2, 3, 4, 5] }, { entity: 'location', time: 'date' })).toThrow(
      /The data has a column named "groups", the name the entity groups are given as an input/,
    );
  });
});
