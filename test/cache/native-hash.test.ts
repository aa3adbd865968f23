import xxhash from 'xxhash-wasm';
import { loadHasher } from '../../src/cache/hasher';
import { loadNativeXxh64 } from '../../src/cache/native-hash';

// Keys must not depend on which xxHash64 ran: the native addon (large arrays) and xxhash-wasm (the
// reference, and the fallback on platforms without the addon) must agree on every byte layout.
describe('the cache hash: native @node-rs/xxhash and xxhash-wasm give the same keys', () => {
  const random = (n: number) => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = Math.sin(i * 12.9898) * 43758.5453;
    return a;
  };

  it('uses the native hash where the package is installed (it is a dependency of this checkout)', async () => {
    let installed = true;
    try {
      require.resolve('@node-rs/xxhash');
    } catch {
      installed = false;
    }
    expect((await loadHasher()).native).toBe(installed && process.env.QUIVER_NATIVE_HASH !== '0');
    if (installed && process.env.QUIVER_NATIVE_HASH !== '0') expect(loadNativeXxh64()).toBeDefined();
  });

  const sizes = [0, 1, 511, 512, 513, 4096, 100_000];
  it.each(sizes)('%d doubles, whole, as a view with an offset, and shared', async (n) => {
    const [hasher, wasm] = await Promise.all([loadHasher(), xxhash()]);
    const a = random(n + 3);
    const whole = new Uint8Array(a.buffer);
    const view = new Uint8Array(a.buffer, 8, n * 8); // starts one double in, ends before the last two
    const shared = new Uint8Array(new SharedArrayBuffer(view.byteLength));
    shared.set(view);
    for (const bytes of [whole, view, shared]) {
      for (const seed of [0n, BigInt(bytes.byteLength), 0x9e3779b97f4a7c15n]) {
        expect(hasher.bytes(bytes, seed)).toBe(wasm.h64Raw(bytes, seed).toString(16).padStart(16, '0'));
      }
    }
    expect(hasher.bytes(view)).toBe(hasher.bytes(shared));
    if (n > 0) expect(hasher.bytes(view)).not.toBe(hasher.bytes(whole));
  });

  it('a changed byte deep inside a large array changes the hash', async () => {
    const hasher = await loadHasher();
    const a = random(50_000);
    const before = hasher.bytes(new Uint8Array(a.buffer));
    a[31_337] += 1e-9; // one double changes
    expect(hasher.bytes(new Uint8Array(a.buffer))).not.toBe(before);
  });
});
