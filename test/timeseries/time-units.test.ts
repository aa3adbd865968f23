import { entityHistory } from '../../src/timeseries/history';
import { asOfJoin } from '../../src/timeseries/as-of-join';
import { inputErrorMessage } from './support/input-error';

// Numbers in a time column are epoch milliseconds. Unix seconds (1700000000 = 2023-11-14) were
// read as 1970-01-20 without a word, and so every calendar part, offset window and split cut-off
// on them; microseconds were read as dates in the year 55,000.
const message = inputErrorMessage;

describe('time columns in another unit than milliseconds', () => {
  const opts = { entity: 'e', time: 't' };

  it('epoch seconds are an InputError saying so, with the fix', () => {
    const m = message(() => entityHistory({ e: ['a', 'a'], t: Float64Array.of(1700000000, 1700086400) }, opts));
    expect(m).toBe(
      'Time column "t" holds numbers from 1700000000 to 1700086400, which as epoch milliseconds (how quiver reads ' +
        'numbers) all fall between 1970-01-20T16:13:20.000Z and 1970-01-20T16:14:46.400Z: they look like epoch ' +
        'seconds. Multiply them by 1000 first (seconds → milliseconds); if they really are milliseconds in early ' +
        '1970, pass them as Dates.',
    );
    expect(() => entityHistory({ e: ['a', 'a'], t: BigInt64Array.of(1700000000n, 1700000001n) }, opts)).toThrow(
      /look like epoch seconds/,
    );
    expect(() => asOfJoin({ t: [1700000000] }, { t: [1700000000], v: [1] }, { on: 't' })).toThrow(/epoch seconds/);
  });

  it('microseconds and nanoseconds are an InputError naming both', () => {
    const m = message(() => entityHistory({ e: ['a'], t: [1.7e15] }, opts));
    expect(m).toContain('beyond the year 9999: it looks like epoch microseconds (divide by 1000) or nanoseconds');
    expect(() => entityHistory({ e: ['a'], t: BigInt64Array.of(1700000000000000000n) }, opts)).toThrow(/nanoseconds/);
  });

  it('Excel serial day numbers are an InputError naming the column, the range, the conversion and Dates', () => {
    // 45292 = 2024-01-01 in Excel: read as ms it was 1970-01-01T00:00:45.292Z, and '7D' spanned every row
    const m = message(() => entityHistory({ e: ['a', 'a'], t: [45292, 45293] }, opts));
    expect(m).toBe(
      'Time column "t" holds numbers from 45292 to 45293, which as epoch milliseconds (how quiver reads numbers) ' +
        'all fall between 1970-01-01T00:00:45.292Z and 1970-01-01T00:00:45.293Z: they look like Excel serial day ' +
        'numbers (days since 1899-12-30, 2024-01-01 to 2024-01-02). Convert them first: ' +
        'ms = (serial - 25569) * 86400000; if they really are milliseconds in early 1970, pass them as Dates.',
    );
    // the conversion the message gives is the right one
    expect(new Date((45292 - 25569) * 86400000).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    // a time of day is a fraction; Int32 / bigint columns from a file are checked too
    expect(message(() => entityHistory({ e: ['a'], t: [45292.5] }, opts))).toContain(
      'holds 45292.5, which as epoch milliseconds (how quiver reads numbers) all fall between ' +
        '1970-01-01T00:00:45.292Z and 1970-01-01T00:00:45.292Z: they look like Excel serial day numbers ' +
        '(days since 1899-12-30, 2024-01-01T12:00:00.000Z)',
    );
    expect(() => entityHistory({ e: ['a', 'a'], t: Int32Array.of(20000, 79999) }, opts)).toThrow(/Excel serial day/);
    expect(() => entityHistory({ e: ['a'], t: BigInt64Array.of(46000n) }, opts)).toThrow(/Excel serial day numbers/);
    expect(() => asOfJoin({ t: [45292] }, { t: [45000], v: [1] }, { on: 't' })).toThrow(/Excel serial/);
  });

  it('numbers outside 20000 … 80000, and early-1970 Dates, are not taken for Excel days', () => {
    // day indices and step counts start below 20000, however many rows they have
    const steps = Array.from({ length: 1461 }, (_, i) => i);
    expect(() => entityHistory({ e: steps.map(() => 'a'), t: steps }, opts)).not.toThrow();
    const long = Array.from({ length: 60000 }, (_, i) => i + 1);
    expect(() => entityHistory({ e: long.map(() => 'a'), t: long }, opts)).not.toThrow();
    // the bounds: 19999 and 80000 are outside
    expect(() => entityHistory({ e: ['a', 'a'], t: [19999, 45000] }, opts)).not.toThrow();
    expect(() => entityHistory({ e: ['a', 'a'], t: [45000, 80000] }, opts)).not.toThrow();
    expect(() => entityHistory({ e: ['a'], t: [new Date(45292)] }, opts)).not.toThrow();
  });

  it('milliseconds, small step counts, Dates and ISO strings pass', () => {
    expect(() => entityHistory({ e: ['a', 'a'], t: [1700000000000, 1700000001000] }, opts)).not.toThrow();
    expect(() => entityHistory({ e: ['a', 'a', 'a'], t: [0, 1, 2] }, opts)).not.toThrow();
    expect(() => entityHistory({ e: ['a'], t: [new Date(1700000000)] }, opts)).not.toThrow();
    expect(() => entityHistory({ e: ['a'], t: ['9999-12-31'] }, opts)).not.toThrow();
  });
});
