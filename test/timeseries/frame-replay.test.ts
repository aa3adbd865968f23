import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutput, feature, openLineage, rollingMean, shift } from '../../src';
import type { Groups, LifecycleAdapter, NodeEnd, RunEnd, RunStart } from '../../src';
import { buildTrainingFrame, type TrainingFrame } from '../../src/timeseries/training-frame';
import { twoCityHistory } from '../fixtures/two-city-history';

class Temps {
  @feature()
  lag1(temp: Float64Array, groups: Groups): Float64Array {
    return shift(temp, 1, { groups });
  }
  @checkOutput({ range: [0, 22], importance: 'warn' })
  @feature()
  ma3(temp: Float64Array, groups: Groups): Float64Array {
    return rollingMean(temp, 3, { groups });
  }
}

let dir = '';
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'quiver-frame-replay-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const build = (adapters: LifecycleAdapter[], extra: object = {}) => buildTrainingFrame({
  features: [Temps], data: twoCityHistory(14), entity: 'city', time: 'date', target: 'temp',
  splits: { validation: '2020-01-09', test: '2020-01-12' }, cache: dir, adapters, ...extra,
});
const whole = (f: TrainingFrame) => f.cache.misses.length === 0 && Object.keys(f.timings).length === 0;
const offNotes = (f: TrainingFrame) => f.notes.filter((n) => n.code === 'frame-cache-off').map((n) => n.message);
const lineage = (file: string) =>
  openLineage({ namespace: 'forecasting', job: 'temps', emit: file, fields: { groups: 'city' } });
/** The events of an NDJSON lineage file without what differs between any two runs: the time and the run's id. */
function events(file: string): unknown[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => {
    const { eventTime: _, run: { runId: __, ...run }, ...rest } = JSON.parse(line);
    return { ...rest, run };
  });
}

/** Every event an adapter is told, as plain records. */
function recorder(): LifecycleAdapter & { seen: Record<string, unknown>[] } {
  const seen: Record<string, unknown>[] = [];
  const run = (kind: string) => ({ outputs, nodes, fromCache, success }: Partial<RunEnd> & RunStart) =>
    void seen.push({ kind, outputs, nodes, fromCache, ...(success === undefined ? {} : { success }) });
  return {
    observesOnly: true, seen, beforeRun: run('beforeRun'), afterRun: run('afterRun'),
    beforeNode: ({ name, role, index, total, fromCache }) =>
      void seen.push({ kind: 'beforeNode', name, role, index, total, fromCache }),
    afterNode: ({ name, role, index, total, fromCache, success, value, durationMs }: NodeEnd) => void seen.push({
      kind: 'afterNode', name, role, index, total, fromCache, success,
      hasValue: value !== undefined, ms: durationMs > 0,
    }),
  };
}

describe('a frame read whole from the cache, with adapters that only observe', () => {
  it('writes the same lineage file as a node-by-node warm build (but for times and run ids)', async () => {
    await build([lineage(join(dir, 'cold.ndjson'))]);
    const read = await build([lineage(join(dir, 'whole.ndjson'))]);
    expect(whole(read)).toBe(true);
    expect(offNotes(read)).toEqual([]);
    // `{}` says nothing about what it does, so this build goes node by node, every feature read from the cache.
    const nodeByNode = await build([lineage(join(dir, 'nodes.ndjson')), {}]);
    expect(nodeByNode.cache.misses).toEqual([]);
    expect(nodeByNode.cache.hits.length).toBeGreaterThan(0);
    expect(offNotes(nodeByNode)).toHaveLength(1);
    const replayed = events(join(dir, 'whole.ndjson'));
    expect(replayed.map((e) => (e as { eventType: string }).eventType)).toEqual(['START', 'COMPLETE']);
    expect(replayed).toEqual(events(join(dir, 'nodes.ndjson')));
    expect(read.train.numRows).toBe(nodeByNode.train.numRows);
  });

  it('replays the warm run: the same runs and nodes, each event marked fromCache, no values, 0 ms', async () => {
    await build([]);
    const replay = recorder();
    expect(whole(await build([replay]))).toBe(true);
    const live = recorder();
    await build([live, {}]);
    expect(live.seen.some((e) => e.fromCache !== undefined)).toBe(false);
    expect(live.seen.filter((e) => e.kind === 'afterNode').every((e) => e.hasValue)).toBe(true);
    // What the node-by-node warm run told, marked fromCache; its nodes' values and times are not replayed.
    const notRun = { hasValue: false, ms: false };
    const marked = live.seen.map((e) => ({ ...e, fromCache: true, ...(e.kind === 'afterNode' ? notRun : {}) }));
    expect(replay.seen).toEqual(marked);
    expect(replay.seen[0]).toEqual({
      kind: 'beforeRun', outputs: ['lag1', 'ma3'], nodes: ['lag1', 'ma3:check:range', 'ma3'], fromCache: true,
    });
  });
});

describe('adapters that may change results keep the frame built node by node', () => {
  it('an adapter without observesOnly, and one with aroundNode even if it says observesOnly', async () => {
    await build([]);
    const silent = await build([{ afterNode: () => undefined }]);
    expect(whole(silent)).toBe(false);
    expect(offNotes(silent)).toEqual([
      'Lifecycle adapter 1 does not say observesOnly: true, so it may change what it is given ' +
        '(give it observesOnly: true if it only records what happens), ' +
        'so the frame was built node by node, not read whole from the cache.',
    ]);
    const wrapper: LifecycleAdapter = { observesOnly: true, aroundNode: (call, next) => next(call.args) };
    const wrapped = await build([lineage(join(dir, 'l.ndjson')), wrapper]);
    expect(whole(wrapped)).toBe(false);
    expect(offNotes(wrapped)).toEqual([
      'Lifecycle adapter 2 has aroundNode (it decides node values, so each node must run through it), so the frame ' +
        'was built node by node, not read whole from the cache.',
    ]);
  });

  it('observing adapters with partitions: one run per partition, so no replay', async () => {
    await build([], { partitions: 2 });
    const parted = await build([recorder()], { partitions: 2 });
    expect(whole(parted)).toBe(false);
    expect(offNotes(parted)[0]).toMatch(/^Lifecycle adapters were given with partitions/);
  });
});
