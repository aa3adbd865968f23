import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Builder, CacheError, clearCache, dictResult, FeatureDefinitionError, cache, feature } from '../../src';
import { calls, Behaviours, Prices } from '../fixtures/cached';
import { inputs, useCacheDir } from './helpers';
import { tableFromIPC } from 'apache-arrow';
import { decodeArrow } from '../../adapters/cache-store/arrow-codec';

const KINDS = {
  f64: Float64Array.of(1.5, NaN, -0, Infinity), f32: Float32Array.of(0.25, -1), i8: Int8Array.of(-128, 127, 3),
  i16: Int16Array.of(-3, 4), i32: Int32Array.of(2 ** 31 - 1, -7), u8: Uint8Array.of(255, 0, 1),
  u16: Uint16Array.of(65535),
  u32: Uint32Array.of(2 ** 32 - 1, 5), i64: BigInt64Array.of(-(2n ** 63n), 9n), u64: BigUint64Array.of(2n ** 64n - 1n),
  empty: new Float64Array(0), offset: new Float64Array([9, 8, 7, 6]).subarray(1, 3),
};

class Kinds {
  @feature() f64() { return KINDS.f64; }
  @feature() f32() { return KINDS.f32; }
  @feature() i8() { return KINDS.i8; }
  @feature() i16() { return KINDS.i16; }
  @feature() i32() { return KINDS.i32; }
  @feature() u8() { return KINDS.u8; }
  @feature() u16() { return KINDS.u16; }
  @feature() u32() { return KINDS.u32; }
  @feature() i64() { return KINDS.i64; }
  @feature() u64() { return KINDS.u64; }
  @feature() empty() { return KINDS.empty; }
  @feature() offset() { return KINDS.offset; }
}

const dir = useCacheDir();
const prices = (extra: object = {}) =>
  new Builder().withFeatures(Prices).withConfig({ factor: 2 }).withResult(dictResult()).withCache({ path: dir(), ...extra }).build();
const packs = () => path.join(dir(), 'packs');
const files = (ext: string) =>
  fs.readdirSync(packs()).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(packs(), f));
/** Every index line of every pack, oldest first. */
const entries = () =>
  files('.jsonl').flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l.split('\t')[0])));
const entryOf = (node: string) => {
  const entry = entries().filter((e) => e.node === node).pop();
  if (!entry) throw new Error(`no entry for ${node}`);
  return { ...entry, payload: path.join(packs(), `${entry.pack}.pack`) };
};
/** Flips one byte of `node`'s payload, `back` bytes before its end. */
const damage = (node: string, back: number) => {
  const { payload, offset, bytes } = entryOf(node);
  const data = fs.readFileSync(payload);
  data[offset + bytes - back] ^= 0xff;
  fs.writeFileSync(payload, data);
};

describe('the cache store', () => {
  it('writes typed arrays as Arrow IPC and records as JSON, each with its checksum, in one pack per run', async () => {
    await prices().run(['doubled', 'summary'], { inputs: inputs() });
    expect(entryOf('doubled')).toMatchObject({ codec: 'arrow', kind: 'array:Float64Array', length: 3 });
    const { payload, offset, bytes } = entryOf('doubled');
    const ipc = fs.readFileSync(payload).subarray(offset, offset + bytes);
    expect(ipc.subarray(0, 6).toString()).toBe('ARROW1');
    expect(Array.from(tableFromIPC(ipc).getChild('value')!.toArray() as Float64Array)).toEqual([2, 4, 6]);
    expect(files('.pack')).toHaveLength(1);
    expect(files('.jsonl')).toHaveLength(1);
    // a checked feature's raw value is its own value: stored once, as the feature's
    expect(entries().map((e) => e.node).sort()).toEqual(['doubled', 'scaled', 'scaled:check:range', 'summary', 'total', 'volumeLog']);
    expect(entryOf('summary')).toMatchObject({ codec: 'json', kind: 'json' });
    // the payload's checksum is its CRC-32 (as zlib computes it), the algorithm recorded in the entry
    for (const node of ['doubled', 'summary']) {
      const e = entryOf(node);
      const crc = zlib.crc32(fs.readFileSync(e.payload).subarray(e.offset, e.offset + e.bytes));
      expect([e.format, e.sum, e.checksum]).toEqual([3, 'crc32', crc.toString(16).padStart(8, '0')]);
    }
  });

  it('detects a corrupt file, notes it and recomputes the right value', async () => {
    const first = await prices().run(['doubled'], { inputs: inputs() });
    damage('doubled', 20);
    const again = await prices().run(['doubled'], { inputs: inputs() });
    expect(again.result).toEqual(first.result);
    expect(again.cache).toEqual({ hits: [], misses: ['doubled'] });
    expect(again.notes.map((n) => n.message)).toEqual(['the cached value of "doubled" does not match its checksum; it was dropped and computed again.']);
    expect((await prices().run(['doubled'], { inputs: inputs() })).cache.hits).toEqual(['doubled']);
  });

  it('detects a truncated or missing file before planning and computes what it needs instead', async () => {
    await prices().run(['total'], { inputs: inputs() });
    fs.truncateSync(entryOf('total').payload, entryOf('total').offset + 1); // total is 24: two bytes of JSON
    const run = await prices().run(['total'], { inputs: inputs() });
    expect(run.result).toEqual({ total: 24 });
    expect(run.cache.hits.sort()).toEqual(['scaled']);
    expect(run.notes.map((n) => n.message)).toEqual([
      expect.stringMatching(/^the cached value of "total" has 1 byte where 2 were written; it was dropped/),
    ]);
    fs.rmSync(entryOf('scaled').payload); // the first run's pack: doubled, scaled's check, scaled
    const missing = await prices().run(['scaled'], { inputs: inputs() });
    expect(missing.cache.misses).toEqual(['doubled', 'scaled']);
    expect(missing.result).toEqual({ scaled: Float64Array.of(4, 8, 12) });
    expect(missing.notes[0].message).toBe('the cached value of "scaled" is missing its file; it was dropped and computed again.');
  });

  it('evicts the least recently used packs beyond maxBytes; reading a pack makes it recent', async () => {
    await prices().run(['doubled'], { inputs: inputs() });
    await prices().run(['volumeLog'], { inputs: inputs() });
    const [first, second] = files('.jsonl');
    const size = (f: string) => fs.statSync(f).size + fs.statSync(f.replace(/\.jsonl$/, '.pack')).size;
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(first, old, old);
    fs.utimesSync(second, new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    // reading doubled (first pack) makes it the most recent: the second pack goes
    const read = await prices({ maxBytes: size(first) + 10 }).run(['doubled'], { inputs: inputs() });
    expect(read.cache.hits).toEqual(['doubled']);
    expect(files('.jsonl')).toEqual([first]);
    await prices({ maxBytes: size(first) + 10 }).run(['volumeLog'], { inputs: inputs() });
    expect(entries().map((e) => e.node)).toEqual(['volumeLog']);
    expect(files('.pack')).toEqual([entryOf('volumeLog').payload]);
  });

  it('skips a torn last index line (a run killed while appending) and a line not matching its hash', async () => {
    await prices().run(['total'], { inputs: inputs() });
    const [index] = files('.jsonl');
    const lines = fs.readFileSync(index, 'utf8').split('\n').filter(Boolean);
    const scaled = lines.findIndex((l) => l.includes('"node":"scaled"'));
    // doubled's key in scaled's line: without the line's hash, doubled would be read as scaled's value
    const doubled = JSON.parse(lines.find((l) => l.includes('"node":"doubled"'))!.split('\t')[0]);
    lines[scaled] = lines[scaled].replace(/"key":"[0-9a-f]{32}"/, `"key":"${doubled.key}"`);
    const total = lines.pop()!;
    fs.writeFileSync(index, `${lines.join('\n')}\n${total.slice(0, total.length - 5)}`);
    const run = await prices().run(['doubled', 'total'], { inputs: inputs() });
    expect(run.result).toEqual({ doubled: Float64Array.of(2, 4, 6), total: 24 });
    expect(run.cache).toEqual({ hits: ['doubled'], misses: ['scaled', 'total'] });
    expect(run.notes).toEqual([]);
    expect((await prices().run(['total'], { inputs: inputs() })).cache).toEqual({ hits: ['total'], misses: [] });
  });

  it('reads back every typed array kind as a view of the bytes read, equal to decoding its Arrow file', async () => {
    const dr = () => new Builder().withFeatures(Kinds).withResult(dictResult()).withCache(dir()).build();
    const names = Object.keys(KINDS);
    expect((await dr().run(names, { inputs: {} })).cache.misses.sort()).toEqual([...names].sort());
    const run = await dr().run(names, { inputs: {} });
    expect(run.cache.hits.sort()).toEqual([...names].sort());
    for (const [name, value] of Object.entries(KINDS)) {
      const got = (run.result as Record<string, ArrayBufferView>)[name];
      expect(got.constructor).toBe(value.constructor);
      expect(got).toEqual(value);
      const { payload, offset, bytes, kind, values } = entryOf(name);
      expect(got).toEqual(decodeArrow(fs.readFileSync(payload).subarray(offset, offset + bytes), kind));
      if (value.byteLength > 0) expect(got.byteOffset).toBe(offset + values); // a view of the pack, read whole
    }
    // one value of many: read by itself, into a buffer of its own
    const one = (await dr().run(['f64'], { inputs: {} })).result as { f64: Float64Array };
    expect(one.f64).toEqual(KINDS.f64);
    expect([one.f64.byteOffset, one.f64.buffer.byteLength]).toEqual([entryOf('f64').values, entryOf('f64').bytes]);
  });

  it('clears a cache directory, and refuses one that is not a cache', async () => {
    await prices().run(['total'], { inputs: inputs() });
    expect(await clearCache(dir())).toEqual({ entries: 4, bytes: expect.any(Number) }) // doubled, scaled's check, scaled, total;
    expect((await prices().run(['total'], { inputs: inputs() })).cache.hits).toEqual([]);
    const other = packs();
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
    expect(fs.readdirSync(packs())).toEqual([]);
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
