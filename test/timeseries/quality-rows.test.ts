import { buildTrainingFrame, checkOutput, DataValidationError, feature, type Groups } from '../../src';

// Given out of order: input row 0 is store "b" on 2024-01-02; sorting puts it at sorted row 4.
const data = {
  store: ['b', 'a', 'a', 'b', 'a', 'b', 'a', 'b'],
  day: ['2024-01-02', '2024-01-01', '2024-01-02', '2024-01-01', '2024-01-03', '2024-01-03', '2024-01-04', '2024-01-04'],
  sales: Float64Array.from([99, 1, 2, 3, 4, 98, 6, 7]),
};

class Warned {
  @checkOutput({ range: [0, 10], importance: 'warn' })
  @feature()
  level(sales: Float64Array, groups: Groups): Float64Array {
    void groups;
    return sales.slice();
  }
}

class Failing {
  @checkOutput({ range: [0, 10], importance: 'fail' })
  @feature()
  level(sales: Float64Array): Float64Array {
    return sales.slice();
  }
}

const base = { data, entity: 'store', time: 'day', target: 'sales', horizon: 1, warmup: 0 };

describe('data-quality messages of a training frame name the entity and the time', () => {
  it('rewrites a warning\'s first rows as store=…, day=… (input row …), keeping firstRows and adding firstAt', async () => {
    const frame = await buildTrainingFrame({ ...base, features: [Warned] });
    const range = frame.quality.find((r) => r.node === 'level' && r.check === 'range')!;
    expect(range.passes).toBe(false);
    // sorted rows: a×4 (0–3), then b 01-01 (4, input 3), b 01-02 (5, input 0), b 01-03 (6, input 5)
    expect(range.message).toBe(
      '2 of 8 values (25%) outside [0, 10]; at store="b", day=2024-01-02 (input row 0); store="b", day=2024-01-03 (input row 5); observed min 1, max 99',
    );
    expect(range.diagnostics.firstRows).toEqual([5, 6]);
    expect(range.diagnostics.firstAt).toEqual([
      { entity: 'b', time: '2024-01-02', inputRow: 0 },
      { entity: 'b', time: '2024-01-03', inputRow: 5 },
    ]);
  });

  it('in a partitioned frame, a partition\'s rows are named in the whole history (not the partition\'s own rows)', async () => {
    const frame = await buildTrainingFrame({ ...base, features: [Warned], partitions: 2 });
    const range = frame.quality.find((r) => r.node === 'level' && r.check === 'range' && !r.passes)!;
    // store "b" is the second partition (sorted rows 4–7): its rows 1, 2 are the history's 5, 6
    expect(range.message).toContain('at store="b", day=2024-01-02 (input row 0); store="b", day=2024-01-03 (input row 5)');
    expect(range.message).not.toMatch(/rows? 1, 2\b/);
    expect(range.diagnostics.firstRows).toEqual([5, 6]);
    expect(range.diagnostics.firstAt).toEqual([
      { entity: 'b', time: '2024-01-02', inputRow: 0 },
      { entity: 'b', time: '2024-01-03', inputRow: 5 },
    ]);
  });

  it('a failing check throws DataValidationError in the same terms', async () => {
    const error = await buildTrainingFrame({ ...base, features: [Failing] }).catch((e) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect(error.message).toContain('at store="b", day=2024-01-02 (input row 0); store="b", day=2024-01-03 (input row 5)');
    expect(error.message).not.toContain('at rows');
    expect(error.results[0].diagnostics.firstAt[0]).toEqual({ entity: 'b', time: '2024-01-02', inputRow: 0 });
  });

  it('with a calendar fill, an added row says so (and input rows are not claimed)', async () => {
    class Missing {
      @checkOutput({ allowNaNs: false, importance: 'warn' })
      @feature()
      filled(sales: Float64Array): Float64Array {
        return sales.slice();
      }
    }
    const gappy = { store: ['a', 'a', 'a'], day: ['2024-01-01', '2024-01-03', '2024-01-04'], sales: Float64Array.from([1, 3, 4]) };
    const frame = await buildTrainingFrame({ ...base, data: gappy, features: [Missing], calendar: 'D' });
    const nan = frame.quality.find((r) => r.node === 'filled' && r.check === 'allowNaNs')!;
    expect(nan.passes).toBe(false);
    expect(nan.message).toContain('at store="a", day=2024-01-02 (a row the calendar fill added)');
    expect(nan.diagnostics.firstAt).toEqual([{ entity: 'a', time: '2024-01-02', inputRow: null }]);
  });
});
