/**
 * A computed node's data version is its own key (name, code version, config and its inputs' data
 * versions), not a fingerprint of its value: only inputs, config, overrides and nodes computed on
 * every run are content-hashed. What that means for invalidation is pinned here.
 */
import { Builder, dictResult } from '../../src';
import { Fingerprints } from '../../src/cache/fingerprint';
import { calls, Behaviours, Prices } from '../fixtures/cached';
import { Noisy, NoisyRecomputed, PricesSameValue } from '../fixtures/cached-versions';
import { inputs, useCacheDir } from './helpers';

const dir = useCacheDir();
const ALL = ['doubled', 'scaled', 'total', 'volumeLog', 'summary'];
const driver = (features: new () => object = Prices) =>
  new Builder().withFeatures(features).withConfig({ factor: 2 }).withResult(dictResult()).withCache(dir()).build();

/** The values `Fingerprints.of` was given while `fn` ran. */
async function fingerprinted(fn: () => Promise<unknown>): Promise<unknown[]> {
  const spy = jest.spyOn(Fingerprints.prototype, 'of');
  try {
    await fn();
    return spy.mock.calls.map((args) => args[0]);
  } finally {
    spy.mockRestore();
  }
}

describe('data versions', () => {
  it('fingerprints the inputs and config of a cold run, never a computed value', async () => {
    const given = inputs();
    let result: Record<string, unknown> = {};
    const seen = await fingerprinted(async () => {
      result = (await driver().run(ALL, { inputs: given })).result as Record<string, unknown>;
    });
    expect(seen).toContain(given.price);
    expect(seen).toContain(given.volume);
    expect(seen).toContain(2); // the config value `factor`
    for (const name of ALL) if (typeof result[name] === 'object') expect(seen).not.toContain(result[name]);
    expect(Object.keys(calls).sort()).toEqual([...ALL].sort());
  });

  it("fingerprints the value of a node computed on every run ('recompute'), so its downstream can hit", async () => {
    const dr = () => new Builder().withFeatures(Behaviours).withResult(dictResult()).withCache(dir()).build();
    await dr().run(['afterFresh'], { inputs: inputs() });
    let fresh: unknown;
    const seen = await fingerprinted(async () => {
      const run = await dr().run(['fresh', 'afterFresh'], { inputs: inputs() });
      expect(run.cache).toEqual({ hits: ['afterFresh'], misses: ['fresh'] });
      fresh = (run.result as { fresh: Float64Array }).fresh;
    });
    expect(seen).toContain(fresh);
  });

  it('keeps every key when nothing changed: a new driver with equal inputs reads everything', async () => {
    await driver().run(ALL, { inputs: inputs() });
    const again = await driver().run(ALL, { inputs: inputs() });
    expect(again.cache.misses).toEqual([]);
    expect(again.cache.hits.sort()).toEqual([...ALL].sort());
  });

  it('recomputes what is downstream of a changed body even when the new body gives the same value', async () => {
    const first = await driver().run(ALL, { inputs: inputs() });
    const changed = await driver(PricesSameValue).run(ALL, { inputs: inputs() });
    expect(changed.cache.misses.sort()).toEqual(['doubled', 'scaled', 'summary', 'total']);
    expect(changed.cache.hits).toEqual(['volumeLog']);
    expect(changed.result).toEqual(first.result);
    expect(calls).toEqual({ doubled: 2, scaled: 2, total: 2, volumeLog: 1, summary: 2 });
  });

  it("reads a feature that is not deterministic back as first computed, unless it is marked 'recompute'", async () => {
    const run = (features: new () => object) =>
      new Builder().withFeatures(features).withResult(dictResult()).withCache(dir()).build()
        .untyped.run(['noisy', 'afterNoisy'], { inputs: inputs() });
    const first = (await run(Noisy)).result as Record<string, Float64Array>;
    const cached = await run(Noisy);
    expect(cached.cache.hits.sort()).toEqual(['afterNoisy', 'noisy']);
    expect(cached.result).toEqual(first);

    const fresh = await run(NoisyRecomputed);
    const again = await run(NoisyRecomputed);
    expect(again.cache.misses.sort()).toEqual(['afterNoisy', 'noisy']);
    const [a, b] = [fresh.result, again.result] as Record<string, Float64Array>[];
    expect(Array.from(b.noisy)).not.toEqual(Array.from(a.noisy));
    expect(Array.from(b.afterNoisy)).toEqual(Array.from(b.noisy, (p) => p * 10));
  });
});
