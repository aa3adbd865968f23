import * as zlib from 'node:zlib';
import { loadCrc32, loadNativeCrc32, zlibCrc32 } from '../../src/cache/crc32';
import { loadHasher } from '../../src/cache/hasher';

// The store's payload checksum is CRC-32 from the native @node-rs/crc32 where it loads, else Node's
// zlib.crc32: a value written with one must check with the other, so they must agree on every byte.
describe('the payload checksum: native @node-rs/crc32 and zlib.crc32 give the same CRC-32', () => {
  const bytesOf = (n: number) => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = Math.sin(i * 12.9898) * 43758.5453;
    return new Uint8Array(a.buffer);
  };
  const installed = (() => {
    try {
      require.resolve('@node-rs/crc32');
      return true;
    } catch {
      return false;
    }
  })();
  const on = installed && process.env.QUIVER_NATIVE_HASH !== '0';

  it('uses the native CRC-32 where the package is installed, zlib.crc32 otherwise', async () => {
    expect(loadNativeCrc32() !== undefined).toBe(on);
    expect(loadCrc32()?.native).toBe(on);
    const hasher = await loadHasher();
    expect(hasher.crc32Native).toBe(on);
    expect(hasher.crc32).toBeDefined(); // Node ≥ 20.15 has zlib.crc32
    // the CRC-32 check value: "123456789" → cbf43926
    expect(hasher.crc32!(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(zlib.crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  const sizes = [0, 1, 7, 64, 4095, 100_003, 2 ** 20 + 5];
  it.each(sizes)('%d bytes: whole, as a view with an offset, shared, in pieces, from an initial CRC', (n) => {
    const native = loadNativeCrc32();
    const z = zlibCrc32()!;
    const all = bytesOf(Math.ceil((n + 16) / 8));
    const view = all.subarray(3, 3 + n); // an odd offset into a larger buffer
    const shared = new Uint8Array(new SharedArrayBuffer(n));
    shared.set(view);
    const want = zlib.crc32(view);
    expect(z(view)).toBe(want);
    expect(z(shared)).toBe(want);
    const half = n >> 1;
    expect(z(view.subarray(half), z(view.subarray(0, half)))).toBe(want);
    expect(z(view, 0x12345678)).toBe(zlib.crc32(view, 0x12345678));
    if (!native) return;
    expect(native(view)).toBe(want);
    expect(native(shared)).toBe(want);
    expect(native(view.subarray(half), native(view.subarray(0, half)))).toBe(want);
    expect(native(view.subarray(half), z(view.subarray(0, half)))).toBe(want); // mixed: one piece each
    expect(native(view, 0x12345678)).toBe(zlib.crc32(view, 0x12345678));
  });

  it('a changed byte anywhere in a large buffer changes the CRC', async () => {
    const crc32 = (await loadHasher()).crc32!;
    const bytes = bytesOf(300_000);
    const before = crc32(bytes);
    for (const at of [0, 1_234_567, bytes.byteLength - 1]) {
      bytes[at] ^= 0x01;
      expect(crc32(bytes)).not.toBe(before);
      bytes[at] ^= 0x01;
    }
    expect(crc32(bytes)).toBe(before);
  });
});
