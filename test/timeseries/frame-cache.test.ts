import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CacheError, dayOfWeek, EntityIsolationError, feature, InputError, rollingMean, shift } from '../../src';
import type { Groups } from '../../src';
import { buildTrainingFrame } from '../../src/timeseries/training-frame';
import { twoCityHistory } from '../fixtures/two-city-history';

/** How often each body ran; outside the classes, since an instance's fields are part of its code. */
const calls: Record<string, number> = {};
const ran = (name: string) => void (calls[name] = (calls[name] ?? 0) + 1);

class Weather {
  @feature()
  lag1(temp: Float64Array, groups: Groups): Float64Array {
    ran('lag1');
    return shift(temp, 1, { groups });
  }
  @feature()
  ma3(temp: Float64Array, groups: Groups): Float64Array {
    ran('ma3');
    return rollingMean(temp, 3, { groups });
  }
  @feature()
  dow(date: Float64Array): Float64Array {
    ran('dow');
    return dayOfWeek(date);
  }
}

/** `Weather` with the body of `ma3` changed (a 2-row window). */
class WeatherChanged extends Weather {
  @feature()
  override ma3(temp: Float64Array, groups: Groups): Float64Array {
    ran('ma3');
    return rollingMean(temp, 2, { groups });
  }
}

const DAYS = 12;
const history = (bump = 0) => twoCityHistory(DAYS, bump);

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quiver-frame-cache-'));
  for (const key of Object.keys(calls)) delete calls[key];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = (features: unknown[] = [Weather], data = history()) => ({
  features, data, entity: 'city', time: 'date', target: 'temp', splits: { validation: '2020-01-09' }, cache: dir,
});
const columns = (t: { schema: { fields: { name: string }[] }; getChild(n: string): { toArray(): ArrayLike<unknown> } | null }) =>
  Object.fromEntries(t.schema.fields.map((f) => [f.name, Array.from(t.getChild(f.name)!.toArray(), String)]));

describe('buildTrainingFrame with cache', () => {
  it('computes every feature once; a second build reads them all and gives the same tables', async () => {
    const first = await buildTrainingFrame({ ...options(), isolationCheck: false });
    expect(first.cache.hits).toEqual([]);
    expect([...first.cache.misses].sort()).toEqual(['dow', 'lag1', 'ma3']);
    expect(calls).toEqual({ lag1: 1, ma3: 1, dow: 1 });
    const second = await buildTrainingFrame({ ...options(), isolationCheck: false });
    expect([...second.cache.hits].sort()).toEqual(['dow', 'lag1', 'ma3']);
    expect(second.cache.misses).toEqual([]);
    expect(calls).toEqual({ lag1: 1, ma3: 1, dow: 1 }); // no body ran again
    expect(columns(second.train)).toEqual(columns(first.train));
    expect(columns(second.validation)).toEqual(columns(first.validation));
    expect(second.train.numRows).toBeGreaterThan(0);
  });

  it('reuses the isolation verdict for the same features, inputs, options; checks again when one changes', async () => {
    const included = { ...options(), include: ['temp'] }; // an input among the outputs: its fingerprint is in the key
    const cold = await buildTrainingFrame(included);
    const once = { ...calls }; // the frame's run (1) plus the isolation samples' runs
    expect(once.ma3).toBeGreaterThan(1);
    const passed = (f: typeof cold) => f.quality.filter((q) => q.check === 'entityIsolation');
    expect(passed(cold)).toHaveLength(1);
    const warm = await buildTrainingFrame(included);
    expect(warm.cache.misses).toEqual([]);
    expect(calls).toEqual(once); // no sample run: the stored verdict, same key
    expect(passed(warm)).toEqual(passed(cold));
    // other check options, or one feature computed: the check runs again
    await buildTrainingFrame({ ...options(), isolationCheck: { ignore: ['dow'] } });
    expect(calls.ma3).toBeGreaterThan(once.ma3);
    const before = calls.lag1;
    const changed = await buildTrainingFrame(options([WeatherChanged]));
    expect(changed.cache.misses).toEqual(['ma3']);
    expect(calls.lag1).toBeGreaterThan(before);
  });

  it('never stores a failed isolation check: a leaking feature fails every build, cached or not', async () => {
    class Leaky {
      @feature()
      across(temp: Float64Array): Float64Array {
        return rollingMean(temp, 3); // no groups: the window runs from one city into the next
      }
    }
    await expect(buildTrainingFrame(options([Leaky]))).rejects.toThrow(EntityIsolationError);
    await expect(buildTrainingFrame(options([Leaky]))).rejects.toThrow(EntityIsolationError);
  });

  it('checks again when the stored verdict is damaged', async () => {
    await buildTrainingFrame(options());
    const once = { ...calls };
    const folder = join(dir, 'derived');
    for (const f of readdirSync(folder)) {
      writeFileSync(join(folder, f), readFileSync(join(folder, f), 'utf8').replace('"rows":', '"rows":1'));
    }
    // Another label: another whole frame (not stored), the same features and verdict key.
    await buildTrainingFrame({ ...options(), label: 'next' });
    expect(calls.ma3).toBe(2 * once.ma3 - 1); // the samples ran again; the frame's features were read
  });

  it('recomputes what reads a changed input column, and only that', async () => {
    await buildTrainingFrame({ ...options(), isolationCheck: false });
    const changed = await buildTrainingFrame({ ...options([Weather], history(100)), isolationCheck: false });
    expect([...changed.cache.misses].sort()).toEqual(['lag1', 'ma3']);
    expect(changed.cache.hits).toEqual(['dow']);
    expect(calls).toEqual({ lag1: 2, ma3: 2, dow: 1 });
    // The value is the new data's, not the cached one: b's lag1 on Jan 7 is Jan 6's bumped temperature.
    const t = changed.train;
    const at = Array.from({ length: t.numRows }, (_, i) => i).find(
      (i) => t.getChild('city')!.get(i) === 'b' && Number(t.getChild('date')!.get(i)) === Date.UTC(2020, 0, 7),
    )!;
    expect(t.getChild('lag1')!.get(at)).toBe(20 + ((6 * 7) % 5) + 100);
  });

  it('recomputes a feature whose body changed; the others are read', async () => {
    await buildTrainingFrame({ ...options(), isolationCheck: false });
    const changed = await buildTrainingFrame({ ...options([WeatherChanged]), isolationCheck: false });
    expect(changed.cache.misses).toEqual(['ma3']);
    expect([...changed.cache.hits].sort()).toEqual(['dow', 'lag1']);
    expect(calls).toEqual({ lag1: 1, ma3: 2, dow: 1 });
  });

  it('without cache, reports no hits or misses and writes nothing', async () => {
    const { cache: _omit, ...plain } = options();
    const frame = await buildTrainingFrame({ ...plain, isolationCheck: false });
    expect(frame.cache).toEqual({ hits: [], misses: [] });
    expect(calls.ma3).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a bad cache option before any feature runs, as withCache does', async () => {
    await expect(buildTrainingFrame({ ...options(), cache: '' })).rejects.toThrow(CacheError);
    await expect(buildTrainingFrame({ ...options(), cache: { path: dir, maxBytes: -1 } })).rejects.toThrow(
      'withCache: maxBytes must be a number of bytes ≥ 0, got -1.',
    );
    await expect(buildTrainingFrame({ ...options(), cach: dir } as never)).rejects.toThrow(InputError);
    expect(calls).toEqual({});
  });
});
