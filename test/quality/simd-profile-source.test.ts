/**
 * The SIMD profile module is built from source text: the committed bytes (src/quality/simd-profile-wasm.ts)
 * are what AssemblyScript compiles assembly/simd-profile.ts to, and its memory holds one chunk.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SIMD_PROFILE_PAGES, SIMD_PROFILE_WASM } from '../../src/quality/simd-profile-wasm';
import { CHUNK } from '../../src/quality/simd-profile';

const root = join(__dirname, '../..');

it('the committed module is what the AssemblyScript source compiles to', () => {
  const run = () => execFileSync(process.execPath, [join(root, 'scripts/build-wasm.mjs'), '--check'], {
    cwd: root, encoding: 'utf8', timeout: 120_000, stdio: 'pipe',
  });
  expect(run).not.toThrow();
});

/** The part of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
interface WasmApi {
  Module: { new (bytes: Uint8Array): object; exports(module: object): { kind: string; name: string }[] };
  Instance: new (module: object, imports: object) => { exports: { memory: { buffer: ArrayBuffer } } };
}

it('is a valid module exporting profile and a memory big enough for a chunk after the 64 result bytes', () => {
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const module = new wasm.Module(Uint8Array.from(SIMD_PROFILE_WASM));
  const exported = wasm.Module.exports(module).map((e) => `${e.kind}:${e.name}`).sort();
  expect(exported).toEqual(['function:profile', 'memory:memory']);
  const { memory } = new wasm.Instance(module, {}).exports;
  expect(memory.buffer.byteLength).toBe(SIMD_PROFILE_PAGES * 65536);
  expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(64 + CHUNK * 8);
});
