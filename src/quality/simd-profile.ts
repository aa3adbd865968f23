/**
 * The column profile (NaN count, min, max) as a WebAssembly SIMD loop, four doubles per step in
 * two independent f64x2 chains: about 3× faster than the plain-JS loop on W1's columns (0.4 vs
 * 1.3 ns per value, copy included), which is most of what a range + allowNaNs check costs. The
 * column is copied into the module's memory `CHUNK` values at a time, so that memory stays small
 * and fixed.
 *
 * The module is compiled from AssemblyScript source text (assembly/simd-profile.ts) by
 * `npm run build` (scripts/build-wasm.mjs) into simd-profile-wasm.ts, validated, and used only where
 * the runtime has WebAssembly SIMD; otherwise `simdProfile` is `null` and the plain loop in
 * profile.ts runs instead. Both give the same results (test/quality/profile.test.ts).
 */
import { SIMD_PROFILE_PAGES, SIMD_PROFILE_WASM } from './simd-profile-wasm';

/** Values per chunk copied into the module's memory (128 KiB: stays in L2, few copies per column). */
export const CHUNK = 16384;
const DATA = 64; // byte offset of the chunk; bytes 0–47 hold the results
const PAGE = 65536;

const MODULE = Uint8Array.from(SIMD_PROFILE_WASM);

/** Profiles a column chunk by chunk; NaN count, min and max of the non-NaN values. */
export type SimdProfile = (x: Float64Array) => { length: number; missing: number; min: number; max: number };

/** The part of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

function instantiate(): SimdProfile | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined || !wasm.validate(MODULE)) return null;
  if (SIMD_PROFILE_PAGES * PAGE < DATA + CHUNK * 8) return null; // a module built with too little memory
  const api = new wasm.Instance(new wasm.Module(MODULE), {}).exports as {
    memory: { buffer: ArrayBuffer };
    profile: (offset: number, n: number) => void;
  };
  const chunk = new Float64Array(api.memory.buffer, DATA, CHUNK);
  const minMax = new Float64Array(api.memory.buffer, 0, 4);
  const nans = new Int32Array(api.memory.buffer, 32, 4); // two i64 lanes, little-endian low words
  return (x) => {
    let missing = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let start = 0; start < x.length; start += CHUNK) {
      const n = Math.min(CHUNK, x.length - start);
      chunk.set(x.subarray(start, start + n));
      api.profile(DATA, n);
      missing += nans[0] + nans[2];
      for (let lane = 0; lane < 2; lane++) {
        if (minMax[lane] < min) min = minMax[lane];
        if (minMax[2 + lane] > max) max = minMax[2 + lane];
      }
      for (let i = start + (n & ~3); i < start + n; i++) {
        const v = x[i]; // the last n % 4 values, which the 4-wide loop leaves
        if (v !== v) missing++;
        else {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
    }
    return { length: x.length, missing, min, max };
  };
}

/**
 * The SIMD profile, or `null` where WebAssembly SIMD is not available.
 *
 * @example
 * simdProfile?.(Float64Array.of(3, NaN, -1)); // { length: 3, missing: 1, min: -1, max: 3 }
 */
export const simdProfile: SimdProfile | null = instantiate();
