/**
 * buildTrainingFrame with `calendar` and `joins`: the calendar is filled before the label is taken,
 * joined values are seen only as of each row's time, and the leakage check covers joined columns.
 */
import 'reflect-metadata';
import { feature, InputError, shift, type Groups } from '../../src';
import { buildTrainingFrame } from '../../src/timeseries/training-frame';
import { LeakageError } from '../../src/timeseries/leakage';

const day = (d: number) => Date.UTC(2020, 0, d);
// city "a" has Jan 1, 2, 4, 5 (Jan 3 missing); city "b" Jan 1–4
const data = {
  city: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'],
  date: [1, 2, 4, 5, 1, 2, 3, 4].map(day),
  temp: Float64Array.of(10, 11, 13, 14, 20, 21, 22, 23),
};

class Lagged {
  @feature()
  lag1(temp: Float64Array, groups: Groups): Float64Array {
    return shift(temp, 1, { groups });
  }
}

class SeesRain {
  @feature()
  rainSeen(w_rain: Float64Array): Float64Array {
    return w_rain;
  }
}

const base = { data, entity: 'city', time: 'date', target: 'temp', warmup: 0 } as const;

function column(table: { getChild(name: string): { toArray(): ArrayLike<unknown> } | null }, name: string) {
  return Array.from(table.getChild(name)!.toArray(), (v) => (typeof v === 'bigint' ? Number(v) : v));
}

describe('buildTrainingFrame: calendar', () => {
  it('fills the gap first, so the row before a missing day gets no label and the lag is a day', async () => {
    const frame = await buildTrainingFrame({ ...base, features: [Lagged], calendar: 'D' });
    expect(frame.calendarAdded).toBe(1);
    expect(frame.counts.history).toBe(9);
    // a: Jan 1 (label 11), Jan 2 (label NaN: Jan 3 missing → dropped), Jan 3 added (label 13), Jan 4 (14);
    // b: Jan 1–3. The last row of each entity has no label.
    expect(column(frame.train, 'date')).toEqual([1, 3, 4, 1, 2, 3].map(day));
    expect(column(frame.train, 'label')).toEqual([11, 13, 14, 21, 22, 23]);
    expect(column(frame.train, 'lag1')).toEqual([NaN, 11, NaN, NaN, 20, 21]);
    expect(frame.counts.unlabeled).toBe(3);
  });

  it('without calendar a row step spans the gap (the old behaviour)', async () => {
    const frame = await buildTrainingFrame({ ...base, features: [Lagged] });
    expect(frame.calendarAdded).toBe(0);
    expect(column(frame.train, 'label').slice(0, 3)).toEqual([11, 13, 14]);
  });
});

describe('buildTrainingFrame: joins', () => {
  // rain per city, stamped at various times; Jan 2 12:00 for "a" is after the Jan 2 row
  const weather = {
    city: ['a', 'a', 'a', 'b', 'b'],
    stamp: [day(1), day(2) + 12 * 3_600_000, day(4), day(2), day(9)],
    rain: Float64Array.of(1, 2, 3, 7, 8),
  };

  it('joins as of the row time: a value stamped at the row time is seen, a later one never', async () => {
    const frame = await buildTrainingFrame({
      ...base, features: [SeesRain], include: ['temp'],
      joins: [{ data: weather, on: 'stamp', by: 'city', prefix: 'w_' }],
    });
    expect(frame.joined).toEqual(['w_rain']);
    // a: Jan 1 → 1, Jan 2 → 1 (the 12:00 value is later), Jan 4 → 3; b: Jan 1 → none, Jan 2, 3 → 7
    expect(column(frame.train, 'rainSeen')).toEqual([1, 1, 3, NaN, 7, 7]);
    expect(frame.history.columns.w_rain).toEqual(Float64Array.of(1, 1, 3, 3, NaN, 7, 7, 7));
  });

  it('joins by a list of key columns: a value of another (city, kind) pair is never taken', async () => {
    const withKind = { ...data, kind: ['x', 'x', 'y', 'y', 'x', 'x', 'x', 'x'] };
    const rain = {
      city: ['a', 'a', 'b'], kind: ['x', 'y', 'x'], stamp: [day(1), day(1), day(2)], rain: Float64Array.of(1, 5, 7),
    };
    const frame = await buildTrainingFrame({
      ...base, data: withKind, features: [SeesRain], joins: [{ data: rain, on: 'stamp', by: ['city', 'kind'], prefix: 'w_' }],
    });
    // a: Jan 1, 2 are kind x → 1; Jan 4, 5 are kind y → 5. b (kind x): Jan 1 → none, then 7.
    expect(frame.history.columns.w_rain).toEqual(Float64Array.of(1, 1, 5, 5, NaN, 7, 7, 7));
    await expect(buildTrainingFrame({
      ...base, features: [SeesRain], joins: [{ data: rain, on: 'stamp', by: ['city', 'kind'] }],
    })).rejects.toThrow('joins[0].by names "kind", which is not a column of the history; its columns are "city", "date", "temp".');
  });

  it('drops values older than the tolerance', async () => {
    const frame = await buildTrainingFrame({
      ...base, features: [SeesRain],
      joins: [{ data: weather, on: 'stamp', by: 'city', prefix: 'w_', tolerance: '1D' }],
    });
    expect(frame.history.columns.w_rain).toEqual(Float64Array.of(1, 1, 3, 3, NaN, 7, 7, NaN));
  });

  it('runs the leakage check over joined columns too', async () => {
    // a "forecast" stamped today that is tomorrow's actual temperature
    const groups = { starts: Int32Array.of(0, 4), count: 2 };
    const forecast = { city: data.city, date: data.date, next: shift(data.temp, -1, { groups }) };
    const joins = [{ data: forecast, by: 'city', prefix: 'f_' }];
    const run = buildTrainingFrame({ ...base, features: [Lagged], joins });
    await expect(run).rejects.toThrow(LeakageError);
    await expect(run).rejects.toThrow(
      'Leakage: 1 feature holds the label\'s future:\n' +
        '  - Feature "f_next" equals temp 1 step ahead (the label "label") on 6 of 6 rows where both are set.\n',
    );
  });

  it('refuses an unknown join option, a clash of names and a by that the history lacks', async () => {
    await expect(buildTrainingFrame({
      ...base, features: [Lagged], joins: [{ data: weather, on: 'stamp', by: 'city', prefx: 'w_' } as never],
    })).rejects.toThrow(new InputError(
      'joins[0] got an unknown option "prefx" (did you mean "prefix"?). ' +
        'Valid options: data, on, by, tolerance, prefix.',
    ));
    await expect(buildTrainingFrame({
      ...base, features: [Lagged], joins: [{ data: { date: data.date, temp: data.temp } }],
    })).rejects.toThrow(
      'joins[0] brings a column "temp", but the history already has one. ' +
        'Pass a prefix, e.g. joins[0].prefix = "j0_", so the joined columns get names of their own.',
    );
    await expect(buildTrainingFrame({
      ...base, features: [Lagged], joins: [{ data: weather, on: 'stamp', by: 'region' }],
    })).rejects.toThrow(
      'joins[0].by is "region", which is not a column of the history; its columns are "city", "date", "temp".',
    );
    await expect(buildTrainingFrame({ ...base, features: [Lagged], calendar: 'M' })).rejects.toThrow(
      'calendar: "M" has an unknown unit "M"; units are ms, s, min, h, D, W ' +
        '(months and years have no fixed length: use days).',
    );
  });
});
