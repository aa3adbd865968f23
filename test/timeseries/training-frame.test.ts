import 'reflect-metadata';
import { dayOfWeek, feature, InputError, rollingMean, shift, type Groups } from '../../src';
import { buildTrainingFrame } from '../../src/timeseries/training-frame';
import { LeakageError } from '../../src/timeseries/leakage';

const DAY = 86_400_000;
const day = (d: number) => Date.UTC(2020, 0, d);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// Entity "a": Jan 1–8, entity "b": Jan 1–6, given shuffled (b first, dates out of order).
const temps: Record<string, number[]> = { a: [5, 7, 6, 9, 8, 12, 10, 11], b: [20, 18, 21, 19, 23, 22] };
const rows: { city: string; d: number; temp: number }[] = [];
for (const city of ['b', 'a']) for (const [k, temp] of temps[city].entries()) rows.push({ city, d: day(k + 1), temp });
rows.reverse();
rows.push(rows.splice(3, 1)[0]);
const data = {
  city: rows.map((r) => r.city),
  date: rows.map((r) => iso(r.d)),
  temp: Float64Array.from(rows, (r) => r.temp),
};
/** temp of `city` on epoch-ms day `t`, or undefined */
const tempOn = (city: string, t: number) => temps[city][Math.round((t - day(1)) / DAY)];

class Small {
  @feature()
  lag1(temp: Float64Array, groups: Groups): Float64Array {
    return shift(temp, 1, { groups });
  }
  @feature()
  ma3(temp: Float64Array, groups: Groups): Float64Array {
    return rollingMean(temp, 3, { groups });
  }
  @feature()
  dow(date: Float64Array): Float64Array {
    return dayOfWeek(date);
  }
  @feature()
  tempMean(temp: Float64Array): number {
    return temp.reduce((s, v) => s + v, 0) / temp.length;
  }
}

const base = { features: [Small], data, entity: 'city', time: 'date', target: 'temp' } as const;
const splits = { validation: '2020-01-05', test: '2020-01-07' };

function frameRows(table: { numRows: number; getChild(name: string): { get(i: number): unknown } | null }) {
  return Array.from({ length: table.numRows }, (_, i) => ({
    city: table.getChild('city')!.get(i) as string,
    t: Number(table.getChild('date')!.get(i)),
    lag1: table.getChild('lag1')!.get(i) as number,
    ma3: table.getChild('ma3')!.get(i) as number,
    label: table.getChild('label')!.get(i) as number,
  }));
}

describe('buildTrainingFrame', () => {
  it('labels each row with the next value of its own entity; the last row of an entity has none', async () => {
    const frame = await buildTrainingFrame({ ...base, warmup: 0 });
    const all = frameRows(frame.train);
    expect(all).toHaveLength(14 - 2); // every row but the last of each entity
    for (const r of all) expect(r.label).toBe(tempOn(r.city, r.t + DAY));
    expect(all.some((r) => r.city === 'a' && r.t === day(8))).toBe(false);
    expect(all.some((r) => r.city === 'b' && r.t === day(6))).toBe(false);
    expect(frame.counts).toMatchObject({ history: 14, warmup: 0, unlabeled: 2, train: 12, validation: 0, test: 0 });
  });

  it('holds entity, time, the features and the label, features computed on (entity, time) order', async () => {
    const frame = await buildTrainingFrame({ ...base, warmup: 0 });
    expect(frame.train.schema.fields.map((f) => f.name)).toEqual(['city', 'date', 'lag1', 'ma3', 'dow', 'label']);
    expect(frame.features).toEqual(['lag1', 'ma3', 'dow']);
    expect(frame.leftOut).toEqual(['tempMean']); // declared to return a number: not a column
    for (const r of frameRows(frame.train)) {
      const k = Math.round((r.t - day(1)) / DAY);
      const t = temps[r.city];
      expect(r.lag1).toEqual(k >= 1 ? t[k - 1] : NaN);
      expect(r.ma3).toEqual(k >= 2 ? (t[k] + t[k - 1] + t[k - 2]) / 3 : NaN);
    }
  });

  it('puts raw columns named in include first, and leaves out a default node whose value is no column', async () => {
    class WithSummary extends Small {
      @feature()
      async summary(temp: Float64Array): Promise<unknown> {
        return { n: temp.length }; // declared type unknown (async): found not to be a column when it runs
      }
    }
    const frame = await buildTrainingFrame({ ...base, features: [WithSummary], include: ['temp'], warmup: 0 });
    expect(frame.features).toEqual(['temp', 'lag1', 'ma3', 'dow']);
    expect(frame.leftOut).toEqual(['tempMean', 'summary']);
    const t = frame.train;
    for (let r = 0; r < t.numRows; r++) {
      expect(t.getChild('temp')!.get(r)).toBe(tempOn(t.getChild('city')!.get(r), Number(t.getChild('date')!.get(r))));
    }
    await expect(buildTrainingFrame({ ...base, features: [WithSummary], include: ['summary'] })).rejects.toThrow(
      'Output "summary" is not a column (object); a training frame holds one value per row. Return a column, or leave "summary" out of outputs and include.',
    );
  });

  it("trims warm-up: 'auto' drops each entity's rows until every feature has a value", async () => {
    const frame = await buildTrainingFrame(base);
    // ma3 needs 3 values: Jan 1 and 2 of each entity are warm-up
    expect(Array.from(frame.warmup)).toEqual([2, 2]);
    const all = frameRows(frame.train);
    expect(all.map((r) => `${r.city} ${iso(r.t)}`)).toEqual([
      'a 2020-01-03', 'a 2020-01-04', 'a 2020-01-05', 'a 2020-01-06', 'a 2020-01-07',
      'b 2020-01-03', 'b 2020-01-04', 'b 2020-01-05',
    ]);
    expect(all.every((r) => !Number.isNaN(r.ma3) && !Number.isNaN(r.lag1))).toBe(true);
    expect(frame.counts).toMatchObject({ warmup: 4, unlabeled: 2 });
  });

  it('a warm-up count drops that many rows of every entity', async () => {
    const frame = await buildTrainingFrame({ ...base, warmup: 4 });
    expect(frameRows(frame.train).map((r) => `${r.city} ${iso(r.t)}`)).toEqual([
      'a 2020-01-05', 'a 2020-01-06', 'a 2020-01-07', 'b 2020-01-05',
    ]);
  });

  it('splits at the cut-offs and leaves a gap so that no label is dated in the next split', async () => {
    const frame = await buildTrainingFrame({ ...base, splits });
    const train = frameRows(frame.train);
    const validation = frameRows(frame.validation);
    const test = frameRows(frame.test);
    const v = Date.parse(splits.validation);
    const t = Date.parse(splits.test);
    for (const r of train) expect(r.t + DAY).toBeLessThan(v); // the label's date
    for (const r of validation) {
      expect(r.t).toBeGreaterThanOrEqual(v);
      expect(r.t + DAY).toBeLessThan(t);
    }
    for (const r of test) expect(r.t).toBeGreaterThanOrEqual(t);
    // Jan 4 (label Jan 5) and a's Jan 6 (label Jan 7) are the gap rows
    expect(train.map((r) => `${r.city} ${iso(r.t)}`)).toEqual(['a 2020-01-03', 'b 2020-01-03']);
    expect(validation.map((r) => `${r.city} ${iso(r.t)}`)).toEqual(['a 2020-01-05', 'b 2020-01-05']);
    expect(test.map((r) => `${r.city} ${iso(r.t)}`)).toEqual(['a 2020-01-07']);
    expect(frame.counts).toEqual({ history: 14, warmup: 4, unlabeled: 2, gap: 3, train: 2, validation: 2, test: 1 });
    expect(frame.ranges.validation).toEqual([v, v]);
  });

  it('catches a feature shifted by −horizon on purpose, naming it', async () => {
    class Peeking extends Small {
      @feature()
      tomorrow(temp: Float64Array, groups: Groups): Float64Array {
        return shift(temp, -1, { groups });
      }
    }
    const built = buildTrainingFrame({ ...base, features: [Peeking], splits });
    await expect(built).rejects.toThrow(LeakageError);
    await expect(built).rejects.toThrow(
      'Leakage: 1 feature holds the label\'s future:\n' +
        '  - Feature "tomorrow" equals temp 1 step ahead (the label "label") on 5 of 5 rows where both are set.\n' +
        'A feature at time t may only use data up to t: look for a negative shift (shift(x, -k)) or a window that reaches forward.',
    );
    // a lag of the target is no leak, and the check reports that it passed
    const frame = await buildTrainingFrame({ ...base, splits });
    expect(frame.quality).toContainEqual(expect.objectContaining({ node: 'label', check: 'leakage', passes: true }));
  });

  it('with checks: false, builds the frame without the leakage check', async () => {
    class Peeking extends Small {
      @feature()
      tomorrow(temp: Float64Array, groups: Groups): Float64Array {
        return shift(temp, -1, { groups });
      }
    }
    const frame = await buildTrainingFrame({ ...base, features: [Peeking], checks: false });
    expect(frame.features).toContain('tomorrow');
    expect(frame.quality).toEqual([]);
  });

  it('warns when a feature never starts in an entity and when a split is empty', async () => {
    class Week extends Small {
      @feature()
      ma7(temp: Float64Array, groups: Groups): Float64Array {
        return rollingMean(temp, 7, { groups }); // "b" has only 6 days
      }
    }
    const frame = await buildTrainingFrame({ ...base, features: [Week], splits: { test: '2020-02-01' } });
    expect(frame.counts.train).toBe(1); // a: Jan 7 only (Jan 8 has no label); b: all warm-up
    expect(frame.quality.filter((q) => !q.passes).map((q) => `${q.node} ${q.check} ${q.importance}: ${q.message}`)).toEqual([
      'ma7 warmup warn: has no value on any of the city "b"\'s rows, so that city is all warm-up and has no row in the frame; shorten its window or give a number as warmup',
      'test split warn: the test split has no rows (cut-off 2020-02-01); move the cut-offs inside the dates of the data that remain after warm-up',
    ]);
  });

  it('gives an empty split the same column types as the others (string entity, Timestamp time)', async () => {
    const frame = await buildTrainingFrame({ ...base, features: [Small], splits: { test: '2020-02-01' } });
    expect(frame.test.numRows).toBe(0);
    const types = (t: typeof frame.train) => t.schema.fields.map((f) => `${f.name}:${f.type}`);
    expect(types(frame.test)).toEqual(types(frame.train));
    expect(types(frame.test).slice(0, 2)).toEqual(['city:Utf8', 'date:Timestamp<MILLISECOND>']);
  });

  it('reports bad options together before any feature runs', async () => {
    await expect(buildTrainingFrame({ ...base, horizon: 0, gap: -1, splits: { test: 'soon' } })).rejects.toThrow(
      new InputError([
        { code: 'x', nodes: [], message: 'horizon is 0; give a whole number of rows ahead, 1 or more (1 = the next row of the entity).' },
        { code: 'x', nodes: [], message: 'gap is -1; it must be a whole number of rows, at least the horizon (0), or labels leak into the next split.' },
        { code: 'x', nodes: [], message: 'splits.test is "soon", which is not a date. Give an ISO 8601 string such as "2014-07-01", a Date or epoch milliseconds.' },
      ]),
    );
  });

  it('rejects a target that is not in the data, a target that is not numeric, and a feature named like the label', async () => {
    await expect(buildTrainingFrame({ ...base, target: 'temperature' })).rejects.toThrow(
      'The target column "temperature" is not in the data; its columns are "city", "date", "temp". Pass the name of the column to predict.',
    );
    await expect(buildTrainingFrame({ ...base, target: 'city' })).rejects.toThrow(
      'The target column "city" is not numeric; the label is its value ahead in time. Predict a numeric column, or encode this one as numbers first.',
    );
    await expect(buildTrainingFrame({ ...base, label: 'ma3' })).rejects.toThrow(
      'Feature "ma3" has the name of the frame\'s label column. Pass another `label` name.',
    );
  });
});
