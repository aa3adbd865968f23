import { InputError } from '../../src/errors';
import { splitRows } from '../../src/timeseries/split';

const DAY = 86_400_000;
/** Two entities of `n` consecutive days each, starting on day 0. */
function twoEntities(n: number) {
  const time = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) time[i] = time[n + i] = i * DAY;
  return { time, groups: { starts: Int32Array.of(0, n), count: 2 } };
}
const all = (n: number) => new Uint8Array(n).fill(1);

describe('splitRows', () => {
  it('cuts by time and drops `gap` rows per entity before each cut-off', () => {
    const { time, groups } = twoEntities(10);
    const { rows, gapped } = splitRows(time, groups, all(20), { validation: 4 * DAY, test: 7 * DAY, gap: 1 });
    // train: days 0..3 minus day 3 (its next row is day 4 = validation); validation: days 4..6 minus day 6
    expect(Array.from(rows.train)).toEqual([0, 1, 2, 10, 11, 12]);
    expect(Array.from(rows.validation)).toEqual([4, 5, 14, 15]);
    expect(Array.from(rows.test)).toEqual([7, 8, 9, 17, 18, 19]);
    expect(gapped).toEqual({ train: 2, validation: 2 });
  });

  it('keeps every label of a split before the next cut-off, for any horizon', () => {
    const { time, groups } = twoEntities(30);
    for (const gap of [1, 2, 5]) {
      const validation = 10 * DAY;
      const test = 20 * DAY;
      const { rows } = splitRows(time, groups, all(60), { validation, test, gap });
      const labelTime = (i: number) => time[i + gap]; // no row here is within `gap` of its entity's end before test
      for (const i of rows.train) expect(labelTime(i)).toBeLessThan(validation);
      for (const i of rows.validation) {
        expect(time[i]).toBeGreaterThanOrEqual(validation);
        expect(labelTime(i)).toBeLessThan(test);
      }
      for (const i of rows.test) expect(time[i]).toBeGreaterThanOrEqual(test);
      // exactly `gap` rows per entity and boundary are lost
      expect(rows.train.length + rows.validation.length + rows.test.length).toBe(60 - 2 * 2 * gap);
    }
  });

  it('drops rows whose next `gap` rows cross the cut-off even when the entity ends first', () => {
    // entity of days 0, 1, 2, 5 (irregular); validation from day 5, gap 3: days 2 (next row day 5) and
    // 1 and 0 (their 3-row window reaches day 5) are all dropped
    const time = Float64Array.of(0, DAY, 2 * DAY, 5 * DAY);
    const { rows } = splitRows(time, undefined, all(4), { validation: 5 * DAY, gap: 3 });
    expect(Array.from(rows.train)).toEqual([]);
    expect(Array.from(rows.validation)).toEqual([3]);
  });

  it('leaves out rows marked as not kept, and makes only the splits asked for', () => {
    const { time, groups } = twoEntities(5);
    const keep = Uint8Array.of(0, 1, 1, 1, 1, 0, 1, 0, 1, 0);
    // entity 0: day 2 is the gap row (day 3 is test); entity 1: day 1 is kept (day 2 is before the cut-off)
    const { rows } = splitRows(time, groups, keep, { test: 3 * DAY, gap: 1 });
    expect(Array.from(rows.train)).toEqual([1, 6]);
    expect(Array.from(rows.validation)).toEqual([]);
    expect(Array.from(rows.test)).toEqual([3, 4, 8]);
  });

  it('rejects a validation cut-off that is not before the test cut-off', () => {
    const { time, groups } = twoEntities(5);
    expect(() => splitRows(time, groups, all(10), { validation: 3 * DAY, test: 3 * DAY, gap: 1 })).toThrow(
      new InputError(
        'The validation cut-off (1970-01-04) must come before the test cut-off (1970-01-04). Swap them, or drop one of the splits.',
      ),
    );
  });
});
