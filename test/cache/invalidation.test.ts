import { Builder, dictResult } from '../../src';
import { calls, Prices, PricesChanged, PricesRecommented } from '../fixtures/cached';
import { inputs, useCacheDir } from './helpers';

const dir = useCacheDir();
const ALL = ['doubled', 'scaled', 'total', 'volumeLog', 'summary'];
const driver = (features: new () => object = Prices, factor = 2) =>
  new Builder().withFeatures(features).withConfig({ factor }).withResult(dictResult()).withCache(dir()).build();

describe('a cached run', () => {
  it('computes everything once, then reads only the requested outputs', async () => {
    const first = await driver().run(ALL, { inputs: inputs() });
    expect(first.cache.hits).toEqual([]);
    expect(first.cache.misses.sort()).toEqual([...ALL].sort());
    const second = await driver().untyped.run(['summary'], { inputs: inputs() });
    expect(second.cache).toEqual({ hits: ['summary'], misses: [] });
    expect(second.result).toEqual({ summary: first.result.summary });
    expect(calls).toEqual({ doubled: 1, scaled: 1, total: 1, volumeLog: 1, summary: 1 });
  });

  it('gives the same values and the same check results as an uncached run', async () => {
    const plain = await new Builder().withFeatures(Prices).withConfig({ factor: 2 }).withResult(dictResult()).build().run(ALL, { inputs: inputs() });
    await driver().run(ALL, { inputs: inputs() });
    const warm = await driver().run(ALL, { inputs: inputs() });
    expect(warm.cache.hits.sort()).toEqual([...ALL].sort());
    expect(warm.result).toEqual(plain.result);
    expect(warm.quality).toEqual(plain.quality);
    expect((warm.result as { summary: { big: bigint } }).summary.big).toBe(10n ** 20n);
  });

  it('recomputes only the changed method and what is downstream of it when a body changes', async () => {
    await driver().run(ALL, { inputs: inputs() });
    const changed = await driver(PricesChanged).run(ALL, { inputs: inputs() });
    expect(changed.cache.misses.sort()).toEqual(['doubled', 'scaled', 'summary', 'total']);
    expect(changed.cache.hits).toEqual(['volumeLog']);
    expect(Array.from((changed.result as { doubled: Float64Array }).doubled)).toEqual([3, 6, 9]);
  });

  it('keeps a method cached when only its comments and layout change', async () => {
    await driver().run(ALL, { inputs: inputs() });
    const recommented = await driver(PricesRecommented).run(ALL, { inputs: inputs() });
    expect(recommented.cache.misses).toEqual([]);
    expect(recommented.cache.hits.sort()).toEqual([...ALL].sort());
  });

  it('recomputes only what reads a changed input column, directly or not', async () => {
    await driver().run(ALL, { inputs: inputs() });
    const next = await driver().run(ALL, { inputs: inputs([1, 2, 3], [10, 20, 40]) });
    expect(next.cache.misses).toEqual(['volumeLog', 'summary']);
    expect(next.cache.hits.sort()).toEqual(['doubled', 'scaled', 'total']);
    const other = await driver().run(ALL, { inputs: inputs([1, 2, 4], [10, 20, 40]) });
    expect(other.cache.misses.sort()).toEqual(['doubled', 'scaled', 'summary', 'total']);
  });

  it('recomputes only the nodes that read a changed config value', async () => {
    await driver().run(ALL, { inputs: inputs() });
    const next = await driver(Prices, 3).run(ALL, { inputs: inputs() });
    expect(next.cache.misses.sort()).toEqual(['scaled', 'summary', 'total']);
    expect(next.cache.hits.sort()).toEqual(['doubled', 'volumeLog']);
    expect((next.result as { total: number }).total).toBe(36);
  });

  it('treats an override as data: its downstream is keyed on the value given', async () => {
    await driver().untyped.run(['total'], { inputs: inputs(), overrides: { scaled: Float64Array.of(1, 1) } });
    const same = await driver().untyped.run(['total'], { inputs: inputs(), overrides: { scaled: Float64Array.of(1, 1) } });
    expect(same.cache.hits).toEqual(['total']);
    const other = await driver().untyped.run(['total'], { inputs: inputs(), overrides: { scaled: Float64Array.of(1, 2) } });
    expect(other.cache.misses).toEqual(['total']);
    expect(other.result).toEqual({ total: 3 });
  });
});
