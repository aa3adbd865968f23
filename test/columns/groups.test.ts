import { vectorFromArray, Dictionary, Utf8, Int32 } from 'apache-arrow';
import { InputError } from '../../src/errors';
import { groupsOf, groupIndex, rollingMean, shift } from '../../src/columns';
import { groupsAt } from '../../src/columns/groups';
import { partitionGroups } from '../../src/partition/slice';
import { sampleInputs } from '../../src/timeseries/isolation-sample';
import { f64, thrown } from './helpers';

describe('groupsOf', () => {
  it.each([
    ['string[]', ['AAPL', 'AAPL', 'MSFT', 'MSFT', 'MSFT', 'IBM'], [0, 2, 5]],
    ['number[]', [7, 7, 7, 3], [0, 3]],
    ['Int32Array', Int32Array.of(1, 2, 2, 3), [0, 1, 3]],
    ['Float64Array with NaN keys (NaN equals NaN)', f64(NaN, NaN, 1, 1), [0, 2]],
    ['one row', ['x'], [0]],
    ['no rows', [], []],
  ])('makes one group per run of equal keys: %s', (_, keys, starts) => {
    const g = groupsOf(keys as ArrayLike<unknown>);
    expect(Array.from(g.starts)).toEqual(starts);
    expect(g.count).toBe(starts.length);
    expect(g.rows).toBe((keys as ArrayLike<unknown>).length);
  });

  it('reads Arrow vectors through get(i), plain and dictionary-encoded', () => {
    const plain = vectorFromArray(['a', 'a', 'b', null, null]);
    expect(Array.from(groupsOf(plain).starts)).toEqual([0, 2, 3]);
    const dict = vectorFromArray(['a', 'b', 'b'], new Dictionary(new Utf8(), new Int32()));
    expect(Array.from(groupsOf(dict).starts)).toEqual([0, 1]);
  });

  it('refuses a key that comes back after another key, naming it, its rows and the fix', () => {
    const e = thrown(() => groupsOf(['AAPL', 'AAPL', 'MSFT', 'AAPL']));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(
      'groupsOf: key "AAPL" appears at rows 0–1 and again at row 3, after key "MSFT". ' +
        "Each entity's rows must be contiguous: sort the rows by (entity, time) first.",
    );
    expect(thrown(() => groupsOf([1, 2, 1])).message).toContain('key 1 appears at row 0 and again at row 2, after key 2');
  });

  it('refuses keys that are not a column', () => {
    const e = thrown(() => groupsOf(42 as never));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe('groupsOf: keys must be an array, a typed array or an Arrow Vector of entity keys; got number.');
  });
});

describe('groupIndex', () => {
  it('gives each row its group number', () => {
    expect(Array.from(groupIndex(groupsOf(['a', 'a', 'b', 'c', 'c'])))).toEqual([0, 0, 1, 2, 2]);
  });

  it('needs the row count when the groups were built by hand', () => {
    expect(Array.from(groupIndex({ starts: Int32Array.of(0, 2), count: 2 }, 3))).toEqual([0, 0, 1]);
    expect(thrown(() => groupIndex({ starts: Int32Array.of(0), count: 1 })).message).toBe(
      'groupIndex: these groups do not record their row count; pass it: groupIndex(groups, rows).',
    );
  });
});

describe('groups given to a kernel', () => {
  const x = f64(1, 2, 3, 4);

  it('accepts hand-made groups without a row count', () => {
    expect(Array.from(shift(x, 1, { groups: { starts: Int32Array.of(0, 2), count: 2 } }))).toEqual([NaN, 1, NaN, 3]);
  });

  it.each([
    ['made from other rows', groupsOf(['a', 'a', 'b']), 'the groups were made from 3 rows'],
    ['not starting at row 0', { starts: Int32Array.of(1), count: 1 }, 'the first group must start at row 0'],
    ['starts that do not increase', { starts: Int32Array.of(0, 2, 2), count: 3 }, 'group starts must increase, but group 2 starts at 2 after 2'],
    ['a start past the end', { starts: Int32Array.of(0, 4), count: 2 }, 'the last group starts at row 4'],
    ['count larger than starts', { starts: Int32Array.of(0), count: 2 }, 'count is 2 but starts has 1 entries'],
    ['not groups at all', { starts: [0], count: 1 }, 'it must be { starts: Int32Array, count } as made by groupsOf'],
  ])('are checked against the input: %s', (_, groups, why) => {
    const e = thrown(() => rollingMean(x, 2, { groups: groups as never }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(
      `rollingMean: opts.groups does not fit this input of 4 rows: ${why}. ` +
        'Make the groups with groupsOf(entity) from the same rows as the input.',
    );
  });
});

describe('groupsAt', () => {
  it('makes groups in the shape groupsOf makes (the same keys, in the same order)', () => {
    const made = groupsOf(['a', 'a', 'b']);
    const at = groupsAt(Int32Array.of(0, 2), 3, ['a', 'b']);
    expect(at).toEqual(made);
    expect(Object.keys(at)).toEqual(Object.keys(made));
    expect(Object.keys(groupsAt(Int32Array.of(0), 4))).toEqual(['starts', 'count', 'rows']);
  });

  it('is what a partition and the isolation sample give the kernels', () => {
    const groups = groupsOf(['a', 'a', 'b', 'b', 'c']);
    const part = partitionGroups(groups, { start: 2, end: 5, firstGroup: 1, groups: 2 } as never);
    expect(part).toEqual(groupsAt(Int32Array.of(0, 2), 3, ['b', 'c']));
    expect(Object.keys(part)).toEqual(Object.keys(groups));
    const rows = Int32Array.of(1, 2);
    const inputs = sampleInputs({ x: f64(1, 2, 3, 4, 5), groups }, 5, 'groups', rows, Int32Array.of(0, 1), ['a', 'b']);
    expect(Object.keys(inputs.groups as object)).toEqual(Object.keys(groups));
    expect(rollingMean(inputs.x as Float64Array, 2, { groups: inputs.groups as never })).toEqual(f64(NaN, NaN));
  });
});
