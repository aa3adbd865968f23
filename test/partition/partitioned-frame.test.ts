/**
 * Partitioned training frames equal unpartitioned ones cell for cell: on the weather data (two
 * entities) and on a synthetic history of 300 entities of very different lengths with NaNs; a
 * cross-entity feature is refused unless tagged global; a throwing feature names its partition.
 */
import 'reflect-metadata';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  checkOutput, DataValidationError, ewmMean, expandingMean, FeatureExecutionError, feature, PartitionError, planPartitions, rollingMean, rollingStd, shift, tag,
  type Groups,
} from '../../src';
import { buildTrainingFrame, type TrainingFrame } from '../../src/timeseries/training-frame';

class EntityFeatures {
  @feature()
  ma7(value: Float64Array, groups: Groups): Float64Array { return rollingMean(value, 7, { groups, minPeriods: 3 }); }
  @feature()
  sd5(value: Float64Array, groups: Groups): Float64Array { return rollingStd(value, 5, { groups }); }
  @feature()
  lag2(value: Float64Array, groups: Groups): Float64Array { return shift(value, 2, { groups }); }
  @feature()
  ewm(value: Float64Array, groups: Groups): Float64Array { return ewmMean(value, { span: 4, groups }); }
  @feature()
  running(value: Float64Array, groups: Groups): Float64Array { return expandingMean(value, { groups }); }
}

class WithGlobal extends EntityFeatures {
  @tag({ entityScope: 'global' })
  allMean(value: Float64Array): number {
    let s = 0;
    let n = 0;
    for (const v of value) if (v === v) { s += v; n++; }
    return s / n;
  }
  @feature()
  vsAll(value: Float64Array, allMean: number): Float64Array { return value.map((v) => v - allMean); }
}

class Leaky extends EntityFeatures {
  @feature()
  leakyLag(value: Float64Array): Float64Array { return shift(value, 1); }
}

/** 300 entities of 1 to ~400 rows, about 3% NaN, shuffled entity names so sorting matters. */
function synthetic() {
  const entity: string[] = [];
  const time: number[] = [];
  const value: number[] = [];
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let e = 0; e < 300; e++) {
    const n = e % 37 === 0 ? 1 : 1 + Math.floor(rand() ** 3 * 400);
    for (let t = 0; t < n; t++) {
      entity.push(`e${(e * 7919) % 300}`);
      time.push(Date.UTC(2020, 0, 1) + t * 86_400_000);
      value.push(rand() < 0.03 ? NaN : 100 * rand() + t);
    }
  }
  return { entity, time, value: Float64Array.from(value) };
}

function expectSame(a: TrainingFrame, b: TrainingFrame) {
  for (const split of ['train', 'validation', 'test'] as const) {
    expect(b[split].numRows).toBe(a[split].numRows);
    expect(b[split].schema.fields.map((f) => f.name)).toEqual(a[split].schema.fields.map((f) => f.name));
    for (const field of a[split].schema.fields) {
      const x = a[split].getChild(field.name)!.toArray();
      const y = b[split].getChild(field.name)!.toArray();
      expect(Array.from(y as ArrayLike<unknown>)).toEqual(Array.from(x as ArrayLike<unknown>));
    }
  }
}

const base = { entity: 'entity', time: 'time', target: 'value', splits: { validation: Date.UTC(2020, 6, 1) } };

describe('buildTrainingFrame({ partitions })', () => {
  test('300 entities of very different lengths with NaNs: same frame for 1, 7 and 64 partitions', async () => {
    const data = synthetic();
    const whole = await buildTrainingFrame({ ...base, features: [WithGlobal], data });
    expect(whole.counts.history).toBeGreaterThan(10_000);
    for (const partitions of [7, 64]) {
      const parted = await buildTrainingFrame({ ...base, features: [WithGlobal], data, partitions });
      expectSame(whole, parted);
    }
  });

  test('weather: two cities, 2 partitions, same frame', async () => {
    const lines = readFileSync(join(__dirname, '../../node_modules/vega-datasets/data/weather.csv'), 'utf8').trim().split('\n').slice(1);
    const rows = lines.map((l) => l.split(','));
    const data = {
      location: rows.map((r) => r[0]), date: rows.map((r) => r[1]),
      temp_max: Float64Array.from(rows, (r) => Number(r[3])), value: Float64Array.from(rows, (r) => Number(r[2])),
    };
    const opts = { entity: 'location', time: 'date', target: 'temp_max', splits: { validation: '2014-07-01' }, features: [EntityFeatures], data };
    expectSame(await buildTrainingFrame(opts), await buildTrainingFrame({ ...opts, partitions: 2 }));
  });

  test('a feature that reads across entities is refused, naming it and the fix', async () => {
    const run = buildTrainingFrame({ ...base, features: [Leaky], data: synthetic(), partitions: 4 });
    await expect(run).rejects.toThrow(PartitionError);
    await expect(run).rejects.toThrow(/features? "leakyLag" is not entity-local.*\n[\s\S]*@tag\(\{ entityScope: 'global' \}\)/);
    await expect(run).rejects.toMatchObject({ features: ['leakyLag'] });
  });

  test('a throwing feature names the node and the partition', async () => {
    class Throws extends EntityFeatures {
      @feature()
      boom(value: Float64Array): Float64Array {
        if (value.length > 2000) throw new Error('too long'); // the isolation sample (≤ 128 rows) passes
        return value;
      }
    }
    const run = buildTrainingFrame({ ...base, features: [Throws], data: synthetic(), partitions: 4 });
    await expect(run).rejects.toThrow(FeatureExecutionError);
    await expect(run).rejects.toThrow(/Feature "boom".*too long.*in partition 1 of 4/);
  });

  test("a failed 'fail' check names the partition, and the offending rows as unpartitioned", async () => {
    class Checked extends EntityFeatures {
      @checkOutput({ range: [0, 1], importance: 'fail' })
      flag(entity: string[]): Float64Array {
        return Float64Array.from(entity, (e) => (e === 'e95' ? -1 : 0)); // e95 sorts into the last partition
      }
    }
    const opts = { ...base, features: [Checked], data: synthetic(), checks: false };
    const fails = (o: object) => buildTrainingFrame({ ...opts, ...o }).then(() => undefined, (e: unknown) => e);
    const whole = (await fails({})) as DataValidationError;
    const parted = (await fails({ partitions: 4 })) as DataValidationError & { partition: number };
    expect(whole).toBeInstanceOf(DataValidationError);
    expect(parted).toBeInstanceOf(DataValidationError);
    const at = /at entity="e95", time=2020-01-01 \(input row (\d+)\)/;
    expect(whole.message).toMatch(at);
    expect(parted.message.match(at)![1]).toBe(whole.message.match(at)![1]); // the same input row, not a partition's row
    expect(parted.partition).toBeGreaterThan(0);
    const tail = `'warn'\\. — in partition ${parted.partition + 1} of 4 \\(history rows \\d+–\\d+, \\d+ entities\\)$`;
    expect(parted.message).toMatch(new RegExp(`observed min -1, max 0\n[^]*${tail}`));
    const firstRows = (e: DataValidationError) => e.results.map((r) => r.diagnostics.firstRows);
    expect(firstRows(parted)).toEqual(firstRows(whole));
  });

  test('partitions must be a whole number', async () => {
    await expect(buildTrainingFrame({ ...base, features: [EntityFeatures], data: synthetic(), partitions: 0 })).rejects.toThrow(
      /partitions is 0; give a whole number of partitions, 1 or more/,
    );
  });
});

describe('planPartitions', () => {
  test('whole entities, balanced by rows, none empty', () => {
    const starts = Int32Array.of(0, 10, 12, 30, 31, 60);
    const parts = planPartitions({ starts, count: 6 }, 100, 3);
    expect(parts.map((p) => [p.start, p.end])).toEqual([[0, 31], [31, 60], [60, 100]]) // 33.3 rows a share: 31 is nearer than 30;
    expect(planPartitions({ starts, count: 6 }, 100, 10)).toHaveLength(6);
    expect(planPartitions({ starts: Int32Array.of(0), count: 1 }, 5, 4)).toEqual([{ index: 0, firstGroup: 0, groups: 1, start: 0, end: 5 }]);
  });
});
