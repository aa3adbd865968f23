import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Builder, dictResult } from '../../src';
import { loadHasher } from '../../src/cache/hasher';
import { EntryLost } from '../../src/cache/errors';
import { CacheStore } from '../../adapters/cache-store/store';
import { PIECE_BYTES } from '../../adapters/cache-store/payload-sum';
import { Prices } from '../fixtures/cached';
import { inputs, useCacheDir } from './helpers';

const dir = useCacheDir();
const prices = () =>
  new Builder().withFeatures(Prices).withConfig({ factor: 2 }).withResult(dictResult()).withCache(dir()).build();
const packs = () => path.join(dir(), 'packs');
const indexFiles = () =>
  fs.readdirSync(packs()).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(packs(), f));
const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
const entryOf = (node: string) => {
  const all = indexFiles().flatMap((f) => lines(f).map((l) => JSON.parse(l.split('\t')[0])));
  const entry = all.filter((e) => e.node === node).pop();
  if (!entry) throw new Error(`no entry for ${node}`);
  return { ...entry, payload: path.join(packs(), `${entry.pack}.pack`) };
};
const flip = (node: string, at: number) => {
  const { payload, offset } = entryOf(node);
  const data = fs.readFileSync(payload);
  data[offset + at] ^= 0x10;
  fs.writeFileSync(payload, data);
};
const mismatch = (node: string) =>
  `the cached value of "${node}" does not match its checksum; it was dropped and computed again.`;

/** 100,000 rows: `doubled` and `scaled` are 800 KB payloads, each read back in four pieces. */
const big = () => {
  const price = Array.from({ length: 100_000 }, (_, i) => (i % 1000) / 10);
  return inputs(price, price.map((p) => p + 1));
};

describe('payload checksums (CRC-32, carried over each piece as it is read)', () => {
  it('a payload over one read piece: a flipped byte in any piece is caught, read with its pack whole', async () => {
    const first = await prices().run(['doubled', 'scaled'], { inputs: big() });
    const { bytes } = entryOf('doubled');
    expect(bytes).toBeGreaterThan(3 * PIECE_BYTES);
    // taken as the value was encoded: the CRC-32 of the whole payload as written
    const { payload, offset: at, checksum } = entryOf('doubled');
    const crc = zlib.crc32(fs.readFileSync(payload).subarray(at, at + bytes));
    expect(checksum).toBe(crc.toString(16).padStart(8, '0'));
    const whole = await prices().run(['doubled', 'scaled'], { inputs: big() });
    expect(whole.cache.hits.sort()).toEqual(['doubled', 'scaled']);
    const got = (whole.result as { doubled: Float64Array }).doubled;
    expect(got.buffer.byteLength).toBe(fs.statSync(entryOf('doubled').payload).size); // a view of the pack read whole
    expect(got).toEqual((first.result as { doubled: Float64Array }).doubled);
    const { offset } = entryOf('doubled');
    for (const at of [PIECE_BYTES - offset - 1, PIECE_BYTES - offset, 2 * PIECE_BYTES + 77, bytes - 1]) {
      flip('doubled', at);
      const run = await prices().run(['doubled', 'scaled'], { inputs: big() });
      expect(run.notes.map((n) => n.message)).toEqual([mismatch('doubled')]);
      expect(run.result).toEqual(first.result);
      // the value computed again is stored in a newer pack: the next run reads that
      expect((await prices().run(['doubled', 'scaled'], { inputs: big() })).notes).toEqual([]);
    }
  });

  it('a payload over one read piece: a flipped byte in any piece is caught, read by itself', async () => {
    const first = await prices().run(['total', 'volumeLog'], { inputs: big() }); // doubled, scaled, total, volumeLog
    const alone = await prices().run(['doubled'], { inputs: big() });
    expect(alone.cache.hits).toEqual(['doubled']);
    const got = (alone.result as { doubled: Float64Array }).doubled;
    expect(got.buffer.byteLength).toBe(entryOf('doubled').bytes); // a buffer of its own: the pack was not read whole
    flip('doubled', PIECE_BYTES + 5);
    const run = await prices().run(['doubled'], { inputs: big() });
    expect(run.notes.map((n) => n.message)).toEqual([mismatch('doubled')]);
    expect((run.result as { doubled: Float64Array }).doubled).toEqual(got);
    expect(first.cache.misses).toContain('doubled');
  });

  it('reads a store written with xxHash64 checksums (entry format 2), still catching a flipped byte', async () => {
    const first = await prices().run(['total', 'summary'], { inputs: inputs() });
    // rewrite every index line as quiver wrote it before CRC-32: format 2, no "sum", the payload's xxHash64
    const hasher = await loadHasher();
    for (const file of indexFiles()) {
      const data = fs.readFileSync(file.replace(/\.jsonl$/, '.pack'));
      const old = lines(file).map((line) => {
        const { sum, ...entry } = JSON.parse(line.split('\t')[0]);
        expect(sum).toBe('crc32');
        const json = JSON.stringify({
          ...entry, format: 2, checksum: hasher.bytes(data.subarray(entry.offset, entry.offset + entry.bytes)),
        });
        return `${json}\t${hasher.text(json)}\n`;
      });
      fs.writeFileSync(file, old.join(''));
    }
    expect(entryOf('total')).toMatchObject({ format: 2, checksum: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const read = await prices().run(['total', 'summary'], { inputs: inputs() });
    expect(read.cache).toEqual({ hits: ['total', 'summary'], misses: [] });
    expect(read.result).toEqual(first.result);
    expect(read.notes).toEqual([]);
    flip('summary', 9);
    const again = await prices().run(['total', 'summary'], { inputs: inputs() });
    expect(again.notes.map((n) => n.message)).toEqual([mismatch('summary')]);
    expect(again.cache).toEqual({ hits: ['volumeLog', 'total'], misses: ['summary'] });
    expect(again.result).toEqual(first.result);
    expect(entryOf('summary')).toMatchObject({ format: 3, sum: 'crc32' }); // stored again with CRC-32
  });

  it('skips an index line that names no algorithm, or a checksum of the wrong length for its algorithm', async () => {
    await prices().run(['total'], { inputs: inputs() });
    const hasher = await loadHasher();
    const [file] = indexFiles();
    const edited = lines(file).map((line) => {
      const entry = JSON.parse(line.split('\t')[0]);
      // a format 3 line without "sum", a format 2 line with a CRC-32 (8 digits), a line claiming xxh64 with 8 digits
      const bad =
        entry.node === 'total' ? { ...entry, sum: undefined } :
          entry.node === 'scaled' ? { ...entry, format: 2, sum: undefined } :
            entry.node === 'doubled' ? { ...entry, sum: 'xxh64' } : entry;
      const json = JSON.stringify(bad);
      return `${json}\t${hasher.text(json)}\n`;
    });
    fs.writeFileSync(file, edited.join(''));
    const run = await prices().run(['total'], { inputs: inputs() });
    expect(run.cache).toEqual({ hits: [], misses: ['doubled', 'scaled', 'total'] });
    expect(run.result).toEqual({ total: 24 });
  });

  it('on a Node without CRC-32: writes xxHash64, and a CRC-32 entry is lost, not trusted', async () => {
    // Node < 20.15 has no zlib.crc32; without @node-rs/crc32 too, the process hasher has no crc32
    const hasher = await loadHasher();
    const noCrc = { ...hasher, crc32: undefined, crc32Native: false };
    const key = 'ab'.repeat(16);
    const other = 'cd'.repeat(16);
    const writer = await CacheStore.open(dir(), hasher);
    await writer.write(key, 'withCrc', Float64Array.of(1, 2, 3));
    writer.close();
    const old = await CacheStore.open(dir(), noCrc);
    const entry = old.find(key);
    expect(entry).toMatchObject({ sum: 'crc32' });
    expect(() => old.read(entry as never)).toThrow(
      new EntryLost(key, 'withCrc', 'has a CRC-32 checksum this Node cannot compute ' +
        '(it has no zlib.crc32 before 20.15: install @node-rs/crc32 or use Node ≥ 20.15)'),
    );
    const written = await old.write(other, 'withXxh', Float64Array.of(4));
    expect(written).toMatchObject({ sum: 'xxh64', checksum: expect.stringMatching(/^[0-9a-f]{16}$/) });
    old.close();
    const store = await CacheStore.open(dir(), hasher);
    expect(store.read(store.find(other) as never)).toEqual(Float64Array.of(4));
    expect(store.read(store.find(key) as never)).toEqual(Float64Array.of(1, 2, 3));
    store.close();
  });
});
