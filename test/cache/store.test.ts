import * as fs from 'node:fs';
import * as path from 'node:path';
import { Builder, CacheError, clearCache, dictResult, FeatureDefinitionError, cache } from '../../src';
import { calls, Behaviours, Prices } from '../fixtures/cached';
import { inputs, useCacheDir } from './helpers';

const dir = useCacheDir();
const prices = (extra: object = {}) =>
  new Builder().withFeatures(Prices).withConfig({ factor: 2 }).withResult(dictResult()).withCache({ path: dir(), ...extra }).build();
const payloads = () => fs.readdirSync(path.join(dir(), 'objects')).map((f) => path.join(dir(), 'objects', f));
const entryOf = (node: string) => {
  for (const f of fs.readdirSync(path.join(dir(), 'index'))) {
    const entry = JSON.parse(fs.readFileSync(path.join(dir(), 'index', f), 'utf8'));
    if (entry.node === node) return { ...entry, payload: path.join(dir(), 'objects', `${entry.key}-${entry.checksum}.${entry.codec}`) };
  }
  throw new Error(`no entry for ${node}`);
};

describe('the cache store', () => {
  it('writes typed arrays as Arrow IPC files and records as JSON, each with its checksum', async () => {
    await prices().run(['doubled', 'summary'], { inputs: inputs() });
    expect(entryOf('doubled')).toMatchObject({ codec: 'arrow', kind: 'array:Float64Array' });
    expect(fs.readFileSync(entryOf('doubled').payload).subarray(0, 6).toString()).toBe('ARROW1');
    expect(entryOf('summary')).toMatchObject({ codec: 'json', kind: 'json' });
    expect(entryOf('summary').checksum).toMatch(/^[0-9a-f]{16}$/);
  });

  it('detects a corrupt file, notes it and recomputes the right value', async () => {
    const first = await prices().run(['doubled'], { inputs: inputs() });
    const file = entryOf('doubled').payload;
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 20] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const again = await prices().run(['doubled'], { inputs: inputs() });
    expect(again.result).toEqual(first.result);
    expect(again.cache).toEqual({ hits: [], misses: ['doubled'] });
    expect(again.notes.map((n) => n.message)).toEqual(['the cached value of "doubled" does not match its checksum; it was dropped and computed again.']);
    expect((await prices().run(['doubled'], { inputs: inputs() })).cache.hits).toEqual(['doubled']);
  });

  it('detects a truncated or missing file before planning and computes what it needs instead', async () => {
    await prices().run(['total'], { inputs: inputs() });
    fs.truncateSync(entryOf('total').payload, 3);
    const run = await prices().run(['total'], { inputs: inputs() });
    expect(run.result).toEqual({ total: 24 });
    expect(run.cache.hits.sort()).toEqual(['scaled']);
    expect(run.notes.map((n) => n.message)).toEqual([expect.stringMatching(/^the cached value of "total" has 3 bytes where \d+ were written; it was dropped/)]);
    fs.rmSync(entryOf('scaled').payload);
    const missing = await prices().run(['scaled'], { inputs: inputs() });
    expect(missing.cache.misses).toEqual(['scaled']);
    expect(missing.notes[0].message).toBe('the cached value of "scaled" is missing its file; it was dropped and computed again.');
  });

  it('evicts the least recently used entries beyond maxBytes', async () => {
    await prices().run(['doubled'], { inputs: inputs() });
    const size = payloads().reduce((s, f) => s + fs.statSync(f).size, 0) + fs.readdirSync(path.join(dir(), 'index')).reduce((s, f) => s + fs.statSync(path.join(dir(), 'index', f)).size, 0);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir(), 'index', `${entryOf('doubled').key}.json`), old, old);
    await prices({ maxBytes: size + 10 }).run(['volumeLog'], { inputs: inputs() });
    expect(fs.readdirSync(path.join(dir(), 'index'))).toEqual([`${entryOf('volumeLog').key}.json`]);
    expect(payloads()).toEqual([entryOf('volumeLog').payload]);
  });

  it('clears a cache directory, and refuses one that is not a cache', async () => {
    await prices().run(['total'], { inputs: inputs() });
    expect(await clearCache(dir())).toEqual({ entries: 5, bytes: expect.any(Number) }) // doubled, scaled:raw, its check, scaled, total;
    expect((await prices().run(['total'], { inputs: inputs() })).cache.hits).toEqual([]);
    const other = path.join(dir(), 'index');
    await expect(clearCache(other)).rejects.toThrow(`Cannot clear "${other}": it is not a quiver cache (no QUIVER-CACHE file in it). Pass the directory given to withCache() or --cache.`);
    await expect(clearCache(path.join(dir(), 'nope'))).rejects.toThrow(CacheError);
  });

  it('notes a value it cannot store and still returns it', async () => {
    class Odd { thing(price: Float64Array): Map<string, () => number> { return new Map([['f', () => price.length]]); } }
    const run = await new Builder().withFeatures(Odd).withResult(dictResult()).withCache(dir()).build().run(['thing'], { inputs: inputs() });
    expect(run.notes.map((n) => n.message)).toEqual(['"thing" was computed but not cached: a function cannot be stored.']);
    expect((run.result as { thing: Map<string, () => number> }).thing.get('f')!()).toBe(3);
  });
});

describe('cache behaviours', () => {
  const driver = () => new Builder().withFeatures(Behaviours).withResult(dictResult()).withCache(dir()).build();
  const outputs = ['afterFresh', 'never', 'fromConnection'];

  it("'recompute' always computes and stores; what reads it is keyed on its new value", async () => {
    await driver().run(outputs, { inputs: inputs() });
    const second = await driver().run(outputs, { inputs: inputs() });
    expect(second.cache.hits.sort()).toEqual(['afterFresh', 'fromConnection']);
    expect(second.cache.misses.sort()).toEqual(['fresh', 'never']);
    expect(calls).toEqual({ fresh: 2, afterFresh: 1, never: 2, connection: 1, fromConnection: 1 });
  });

  it("'ignore' leaves a value out of downstream keys, and is not run when nothing must be computed from it", async () => {
    await driver().run(['fromConnection'], { inputs: inputs() });
    const second = await driver().run(['fromConnection'], { inputs: inputs() });
    expect(second.cache).toEqual({ hits: ['fromConnection'], misses: [] });
    expect(calls.connection).toBe(1);
  });

  it("'disable' never stores its value", async () => {
    await driver().run(['never'], { inputs: inputs() });
    expect(fs.readdirSync(path.join(dir(), 'index'))).toEqual([]);
  });

  it('takes a driver default, and refuses unknown behaviours and options', () => {
    const dr = new Builder().withFeatures(Prices).withConfig({ factor: 2 }).withCache({ path: dir(), behavior: 'disable' }).build();
    expect(dr).toBeDefined();
    expect(() => new Builder().withCache({ path: dir(), behavior: 'sometimes' as never })).toThrow(
      new CacheError("withCache: behavior \"sometimes\" is not one of 'default', 'recompute', 'disable', 'ignore'."),
    );
    expect(() => new Builder().withCache({ path: dir(), maxBytez: 3 } as never)).toThrow(
      'withCache got an unknown option "maxBytez" (did you mean "maxBytes"?). Valid options: path, maxBytes, behavior.',
    );
    expect(() => cache({ behavior: 'never' as never })(Prices.prototype, 'total', Object.getOwnPropertyDescriptor(Prices.prototype, 'total'))).toThrow(
      new FeatureDefinitionError("@cache on Prices.total: behavior \"never\" is not one of 'default', 'recompute', 'disable', 'ignore'."),
    );
  });

  it("the driver default 'disable' computes every node on every run", async () => {
    const dr = () => new Builder().withFeatures(Prices).withConfig({ factor: 2 }).withCache({ path: dir(), behavior: 'disable' }).build();
    await dr().run(['total'], { inputs: inputs() });
    expect((await dr().run(['total'], { inputs: inputs() })).cache.hits).toEqual([]);
  });
});
