import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cache, checkOutput, feature, rollingMean, shift } from '../../src';
import type { Groups, LifecycleAdapter } from '../../src';
import { buildTrainingFrame, type TrainingFrame } from '../../src/timeseries/training-frame';
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
  @checkOutput({ range: [0, 22], importance: 'warn' }) // b's warmer days are outside: a warning
  @feature()
  ma3(temp: Float64Array, groups: Groups): Float64Array {
    ran('ma3');
    return rollingMean(temp, 3, { groups });
  }
  @feature()
  scaled(temp: Float64Array, factor: number): Float64Array {
    ran('scaled');
    return temp.map((t) => t * factor);
  }
}

/** `Weather` with the body of `ma3` changed (a 2-row window). */
class WeatherChanged extends Weather {
  @checkOutput({ range: [0, 22], importance: 'warn' })
  @feature()
  override ma3(temp: Float64Array, groups: Groups): Float64Array {
    ran('ma3');
    return rollingMean(temp, 2, { groups });
  }
}

class Recomputed {
  @cache({ behavior: 'recompute' })
  @feature()
  lag2(temp: Float64Array, groups: Groups): Float64Array {
    ran('lag2');
    return shift(temp, 2, { groups });
  }
}

const DAYS = 14;
const history = (bump = 0) => twoCityHistory(DAYS, bump);

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quiver-whole-frame-'));
  for (const key of Object.keys(calls)) delete calls[key];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = (features: unknown[] = [Weather], data = history()) => ({
  features, data, entity: 'city', time: 'date', target: 'temp', config: { factor: 2 },
  splits: { validation: '2020-01-09', test: '2020-01-12' }, cache: dir,
});

type Table = TrainingFrame['train'];
/** Every column's type and cells, in schema order (NaN and nulls as their own strings). */
const cells = (t: Table) =>
  t.schema.fields.map((f) => [f.name, String(f.type), Array.from(t.getChild(f.name)!.toArray(), String)]);
const column = (t: Table, name: string) => Array.from(t.getChild(name)!.toArray() as Float64Array);
/** The same frame built without a cache: what a cached build must equal. */
const uncached = ({ cache: _, ...rest }: Parameters<typeof buildTrainingFrame>[0]) => buildTrainingFrame(rest);
const isWhole = (f: TrainingFrame) => f.cache.misses.length === 0 && Object.keys(f.timings).length === 0;
/** Flips one byte in the middle of the stored entry of `node` (`training frame` or `training frame (table)`). */
function damage(node: string): void {
  const packs = join(dir, 'packs');
  for (const index of readdirSync(packs).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(packs, index), 'utf8').split('\n').filter(Boolean)) {
      type Entry = { node: string; offset: number; bytes: number };
      const entry = JSON.parse(line.slice(0, line.lastIndexOf('\t'))) as Entry;
      if (entry.node !== node) continue;
      const data = join(packs, index.replace(/\.jsonl$/, '.pack'));
      const bytes = readFileSync(data);
      bytes[entry.offset + (entry.bytes >> 1)] ^= 0xff;
      writeFileSync(data, bytes);
      return;
    }
  }
  throw new Error(`no stored entry of "${node}"`);
}

describe('buildTrainingFrame reads a frame built before whole from the cache', () => {
  it('gives back what the cold build gave, cell for cell, warnings included, without running a feature', async () => {
    const cold = await buildTrainingFrame(options());
    const once = { ...calls };
    expect(once.ma3).toBeGreaterThan(1); // the frame's run and the isolation samples
    const warm = await buildTrainingFrame(options());
    expect(calls).toEqual(once); // no body ran, no isolation sample either
    for (const split of ['train', 'validation', 'test'] as const) {
      expect(warm[split].numRows).toBe(cold[split].numRows);
      expect(cells(warm[split])).toEqual(cells(cold[split]));
    }
    expect(cold.test.numRows).toBeGreaterThan(0);
    expect(warm.quality).toEqual(cold.quality);
    const warning = warm.quality.find((q) => q.node === 'ma3' && q.check === 'range')!;
    expect(warning.passes).toBe(false);
    expect(warning.importance).toBe('warn');
    expect(warm.quality.some((q) => q.check === 'entityIsolation' && q.passes)).toBe(true);
    const same = ['features', 'leftOut', 'counts', 'ranges', 'warmup', 'label', 'target', 'joins'] as const;
    expect(warm.calendarAdded).toBe(cold.calendarAdded);
    for (const key of same) {
      expect(warm[key]).toEqual(cold[key]);
    }
    expect(warm.warmup).toBeInstanceOf(Int32Array);
    expect(warm.history.columns).toEqual(cold.history.columns);
    expect(warm.history.groups).toEqual(cold.history.groups);
    // hits: the frame's feature nodes, as a warm run reading every feature reports them; nothing computed
    expect([...warm.cache.hits].sort()).toEqual(['lag1', 'ma3', 'scaled']);
    expect(warm.cache.misses).toEqual([]);
    expect(warm.timings).toEqual({});
    expect(warm.notes).toEqual([]);
  });

  it('keeps an empty split empty, with the same column types', async () => {
    const two = { ...options(), splits: { validation: '2020-01-09' } };
    const cold = await buildTrainingFrame(two);
    const warm = await buildTrainingFrame(two);
    expect(isWhole(warm)).toBe(true);
    expect(warm.test.numRows).toBe(0);
    expect(cells(warm.test)).toEqual(cells(cold.test));
    expect(cells(warm.validation)).toEqual(cells(cold.validation));
  });

  it('misses when a method body changes: the changed feature is computed, the frame is the new code\'s', async () => {
    const cold = await buildTrainingFrame(options());
    const changed = await buildTrainingFrame(options([WeatherChanged]));
    expect(changed.cache.misses).toEqual(['ma3']);
    expect(cells(changed.train)).toEqual(cells((await uncached(options([WeatherChanged]))).train));
    expect(column(changed.train, 'ma3')).not.toEqual(column(cold.train, 'ma3'));
  });

  it('misses when an input cell changes, and the frame holds the new data', async () => {
    await buildTrainingFrame(options());
    const changed = await buildTrainingFrame(options([Weather], history(100)));
    expect([...changed.cache.misses].sort()).toEqual(['lag1', 'ma3', 'scaled']);
    const t = changed.train;
    const at = Array.from({ length: t.numRows }, (_, i) => i).find(
      (i) => t.getChild('city')!.get(i) === 'b' && Number(t.getChild('date')!.get(i)) === Date.UTC(2020, 0, 7),
    )!;
    expect(t.getChild('lag1')!.get(at)).toBe(20 + ((6 * 7) % 5) + 100);
  });

  it('misses when a config value changes', async () => {
    const cold = await buildTrainingFrame(options());
    const changed = await buildTrainingFrame({ ...options(), config: { factor: 3 } });
    expect(changed.cache.misses).toEqual(['scaled']);
    expect(column(changed.train, 'scaled')).toEqual(column(cold.train, 'scaled').map((v) => (v / 2) * 3));
  });

  it('misses when a frame option changes (horizon, label, gap, warm-up, splits, checks)', async () => {
    const cold = await buildTrainingFrame(options());
    const two = await buildTrainingFrame({ ...options(), horizon: 2 });
    expect(two.horizon).toBe(2);
    expect(cells(two.train)).toEqual(cells((await uncached({ ...options(), horizon: 2 })).train));
    expect(column(two.train, 'label')).not.toEqual(column(cold.train, 'label').slice(0, two.train.numRows));
    const renamed = await buildTrainingFrame({ ...options(), label: 'next' });
    expect(renamed.train.schema.fields.at(-1)!.name).toBe('next');
    const gapped = await buildTrainingFrame({ ...options(), gap: 2 });
    expect(gapped.counts.gap).toBeGreaterThan(cold.counts.gap);
    const warmed = await buildTrainingFrame({ ...options(), warmup: 4 });
    expect(warmed.counts.warmup).toBe(8);
    const cut = await buildTrainingFrame({ ...options(), splits: { validation: '2020-01-10', test: '2020-01-12' } });
    expect(cut.counts.validation).toBe(cold.counts.validation - 2);
    const unchecked = await buildTrainingFrame({ ...options(), checks: false });
    expect(unchecked.quality.some((q) => q.check === 'entityIsolation')).toBe(false);
    for (const f of [two, renamed, gapped, warmed, cut, unchecked]) {
      expect(isWhole(f)).toBe(false); // built anew: its timings are the node run's
      expect(f.cache.misses).toEqual([]); // every feature read from the node cache
    }
  });

  it('misses when a cell of a joined table changes; reads whole with partitions too', async () => {
    class Rainy {
      @feature()
      wet(rain: Float64Array): Float64Array {
        ran('wet');
        return rain.map((r) => (r > 1 ? 1 : 0));
      }
    }
    const rain = (bump: number) => ({
      city: ['a', 'b'], date: ['2020-01-01', '2020-01-01'], rain: Float64Array.of(0.5, 0.5 + bump),
    });
    const joined = (bump: number) =>
      ({ ...options([Rainy]), joins: [{ data: rain(bump), by: 'city' }], partitions: 2 });
    const cold = await buildTrainingFrame(joined(0));
    const warm = await buildTrainingFrame(joined(0));
    expect(isWhole(warm)).toBe(true);
    expect(cells(warm.train)).toEqual(cells(cold.train));
    expect(warm.joins).toEqual(cold.joins);
    const changed = await buildTrainingFrame(joined(2));
    expect(changed.cache.misses).toEqual(['wet']);
    const cities = Array.from(changed.train.getChild('city')!.toArray(), String);
    expect(column(cold.train, 'wet').every((v) => v === 0)).toBe(true);
    expect(column(changed.train, 'wet')).toEqual(cities.map((c) => (c === 'b' ? 1 : 0))); // b's rain is now 2.5
  });

  it.each(['training frame (table)', 'training frame'])(
    'turns a damaged stored entry (%s) into a note and a new build, equal to the first, stored again',
    async (node) => {
      const cold = await buildTrainingFrame(options());
      damage(node);
      const again = await buildTrainingFrame(options());
      expect(again.notes).toEqual([{
        code: 'cache-entry-lost', column: 'training frame',
        message: `the cached value of "${node}" does not match its checksum; it was dropped and the frame built again.`,
      }]);
      expect(isWhole(again)).toBe(false);
      for (const split of ['train', 'validation', 'test'] as const) {
        expect(cells(again[split])).toEqual(cells(cold[split]));
      }
      expect(again.quality).toEqual(cold.quality);
      const third = await buildTrainingFrame(options());
      expect(isWhole(third)).toBe(true);
      expect(third.notes).toEqual([]);
      expect(cells(third.train)).toEqual(cells(cold.train));
    },
  );

  it("is off when a feature's @cache says 'recompute', and the notes say so", async () => {
    await buildTrainingFrame(options([Weather, Recomputed]));
    const first = calls.lag2;
    const second = await buildTrainingFrame(options([Weather, Recomputed]));
    expect(calls.lag2).toBe(2 * first); // the frame's run and the isolation samples', again
    expect(second.cache.misses).toEqual(['lag2']);
    expect(second.notes).toEqual([{
      code: 'frame-cache-off', column: 'Recomputed.lag2',
      message: "Recomputed.lag2 has @cache({ behavior: 'recompute' }), so the frame was built node by node, " +
        'not read whole from the cache.',
    }]);
  });

  it("is off when the cache's behaviour for all is not 'default', or lifecycle adapters are given", async () => {
    const recompute = { ...options(), cache: { path: dir, behavior: 'recompute' as const }, isolationCheck: false };
    await buildTrainingFrame(recompute);
    const second = await buildTrainingFrame(recompute);
    expect(calls.lag1).toBe(2);
    expect(second.notes.map((n) => [n.code, n.column])).toEqual([['frame-cache-off', 'cache']]);
    const seen: string[] = [];
    const watch: LifecycleAdapter = { afterNode: ({ name }) => void seen.push(name) };
    await buildTrainingFrame({ ...options(), adapters: [watch] });
    const watched = await buildTrainingFrame({ ...options(), adapters: [watch] });
    expect(seen).toContain('lag1'); // the adapter saw the nodes of both builds
    expect(watched.notes.map((n) => [n.code, n.column])).toEqual([['frame-cache-off', 'adapters']]);
  });
});
