import { InputError } from '../../src/errors';
import { entityHistory } from '../../src/timeseries/history';
import { asOfJoin } from '../../src/timeseries/as-of-join';

// Numbers in a time column are epoch milliseconds. Unix seconds (1700000000 = 2023-11-14) were
// read as 1970-01-20 without a word, and so every calendar part, offset window and split cut-off
// on them; microseconds were read as dates in the year 55,000.
function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

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

  it('milliseconds, small step counts, Dates and ISO strings pass', () => {
    expect(() => entityHistory({ e: ['a', 'a'], t: [1700000000000, 1700000001000] }, opts)).not.toThrow();
    expect(() => entityHistory({ e: ['a', 'a', 'a'], t: [0, 1, 2] }, opts)).not.toThrow();
    expect(() => entityHistory({ e: ['a'], t: [new Date(1700000000)] }, opts)).not.toThrow();
    expect(() => entityHistory({ e: ['a'], t: ['9999-12-31'] }, opts)).not.toThrow();
  });
});
