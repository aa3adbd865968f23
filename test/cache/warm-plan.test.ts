import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, dictResult, type RunStart } from '../../src';
import { warmPlan } from '../../src/cache/warm-plan';
import { makePlan } from '../../src/execution/plan';
import { Tables, Windows } from '../fixtures/decorated';

let dir = '';
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'quiver-warm-plan-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const inputs = { spend: Float64Array.of(1, 2, 3), visits: Float64Array.of(4, 5, 6) };
const OUTPUTS = ['spendSum2', 'visitsSum2', 'total', 'weighted', 'left', 'right', 'a', 'missing', 'lo', 'hi', 'spend'];

describe('warmPlan: the plan of a run whose every value is stored, made without the store', () => {
  it('is the plan a fully cached run makes: parameterized, checked, extracted nodes and an input', async () => {
    let told: RunStart | undefined;
    const dr = new Builder().withFeatures(Windows, Tables).withResult(dictResult()).withCache(dir)
      .withAdapters({ observesOnly: true, beforeRun: (run) => void (told = run) }).build();
    await dr.run(OUTPUTS, { inputs });
    const warm = await dr.run(OUTPUTS, { inputs });
    expect(warm.cache.misses).toEqual([]);
    const { graph } = dr;
    const outputs = OUTPUTS.map((name) => graph.index.get(name)!);
    const plan = warmPlan(graph, makePlan(graph, outputs, new Set()), outputs);
    expect(Array.from(plan.run, (i) => graph.nodes[i].name)).toEqual(told!.nodes);
    expect(told!.nodes).toContain('spendSum2:check:allowNaNs');
    expect(told!.nodes).not.toContain('spendSum2:raw');
  });
});
