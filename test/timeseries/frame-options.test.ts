import 'reflect-metadata';
import { feature, InputError } from '../../src';
import { buildTrainingFrame } from '../../src/timeseries/training-frame';
import { entityHistory } from '../../src/timeseries/history';
import { splitRows } from '../../src/timeseries/split';

class Nothing {
  @feature()
  same(temp: Float64Array): Float64Array {
    return temp;
  }
}
const data = { city: ['a', 'a'], date: ['2020-01-01', '2020-01-02'], temp: Float64Array.of(1, 2) };
const base = { features: [Nothing], data, entity: 'city', time: 'date', target: 'temp' } as const;
const VALID =
  'features, data, entity, time, target, horizon, label, outputs, tags, include, splits, gap, warmup, checks, config, adapters, isolationCheck, calendar, joins, cache, partitions, distributed';

describe('buildTrainingFrame options', () => {
  it('refuses a misspelled option with "did you mean"', async () => {
    await expect(buildTrainingFrame({ ...base, horizn: 6 } as never)).rejects.toThrow(
      new InputError(`buildTrainingFrame got an unknown option "horizn" (did you mean "horizon"?). Valid options: ${VALID}.`),
    );
    await expect(buildTrainingFrame({ ...base, splits: { valdation: '2020-01-02' } } as never)).rejects.toThrow(
      'buildTrainingFrame splits got an unknown option "valdation" (did you mean "validation"?). Valid options: validation, test.',
    );
    await expect(buildTrainingFrame({ ...base, isolationCheck: { ingore: [] } } as never)).rejects.toThrow(
      'buildTrainingFrame isolationCheck got an unknown option "ingore" (did you mean "ignore"?). Valid options: ignore.',
    );
    await expect(buildTrainingFrame({ ...base, splits: '2020-01-02' } as never)).rejects.toThrow(
      "splits is \"2020-01-02\"; give the cut-off dates as { validation?: '2014-07-01', test?: '2015-01-01' }.",
    );
  });

  it('reports a bad horizon alone: the gap it was not given is not its mistake', async () => {
    await expect(buildTrainingFrame({ ...base, horizon: 1.5 })).rejects.toThrow(
      new InputError('horizon is 1.5; give a whole number of rows ahead, 1 or more (1 = the next row of the entity).'),
    );
  });

  it('refuses unknown keys of entityHistory and splitRows', () => {
    expect(() => entityHistory(data, { entity: 'city', time: 'date', groupName: 'g' } as never)).toThrow(
      new InputError('entityHistory got an unknown option "groupName" (did you mean "groupsName"?). Valid options: entity, time, groupsName, rowNames.'),
    );
    expect(() => splitRows(Float64Array.of(1, 2), undefined, Uint8Array.of(1, 1), { gap: 1, tset: 2 } as never)).toThrow(
      new InputError('splitRows got an unknown option "tset" (did you mean "test"?). Valid options: validation, test, gap.'),
    );
  });
});
