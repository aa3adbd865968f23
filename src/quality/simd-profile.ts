/**
 * The column profile (NaN count, min, max) as a WebAssembly SIMD loop, four doubles per step in
 * two independent f64x2 chains: about 3× faster than the plain-JS loop on W1's columns (0.4 vs
 * 1.3 ns per value, copy included), which is most of what a range + allowNaNs check costs. The
 * column is copied into the module's memory `CHUNK` values at a time, so that memory stays small
 * and fixed.
 *
 * The module is assembled here from its instructions (no binary blob), validated, and used only
 * where the runtime has WebAssembly SIMD; otherwise `simdProfile` is `null` and the plain loop in
 * profile.ts runs instead. Both give the same results (test/quality/profile.test.ts).
 *
 *   (func $profile (param $i i32) (param $n i32)           ;; $i: byte offset of the chunk
 *     $end = $i + ($n & ~3) * 8                             ;; the last n % 4 values: JS does them
 *     $min, $min2 = f64x2(+Infinity)   $max, $max2 = f64x2(-Infinity)   $nan, $nan2 = 0
 *     loop while $i < $end:
 *       $v = v128.load($i)   $w = v128.load($i + 16)
 *       $nan = i64x2.sub($nan, f64x2.ne($v, $v))        ;; a NaN lane adds 1
 *       $min = f64x2.pmin($min, $v)                      ;; $v < $min ? $v : $min (NaN keeps $min)
 *       $max = f64x2.pmax($max, $v)                      ;; $max < $v ? $v : $max (NaN keeps $max)
 *       … the same for $w into $nan2, $min2, $max2
 *       $i += 32
 *     store pmin($min, $min2) at 0, pmax($max, $max2) at 16, $nan + $nan2 at 32)
 */

/** Values per chunk copied into the module's memory (128 KiB: stays in L2, few copies per column). */
export const CHUNK = 16384;
const DATA = 64; // byte offset of the chunk; bytes 0–47 hold the results
const PAGE = 65536;

// Opcodes (WebAssembly core and SIMD, https://webassembly.github.io/spec/core/binary/instructions.html)
const I32 = 0x7f, V128 = 0x7b, VOID = 0x40;
const LOCAL_GET = 0x20, LOCAL_SET = 0x21, I32_CONST = 0x41, F64_CONST = 0x44;
const I32_AND = 0x71, I32_SHL = 0x74, I32_ADD = 0x6a, I32_GE_U = 0x4f;
const BLOCK = 0x02, LOOP = 0x03, BR = 0x0c, BR_IF = 0x0d, END = 0x0b;
const V128_LOAD = 0x00, V128_STORE = 0x0b, V128_CONST = 0x0c, F64X2_SPLAT = 0x14, F64X2_NE = 0x48;
const I64X2_ADD = 0xce, I64X2_SUB = 0xd1, F64X2_PMIN = 0xf6, F64X2_PMAX = 0xf7;

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    const low = n & 0x7f;
    n >>>= 7;
    out.push(n ? low | 0x80 : low);
  } while (n);
  return out;
};
const simd = (op: number): number[] => [0xfd, ...leb(op)];
const f64 = (x: number): number[] => [...new Uint8Array(Float64Array.of(x).buffer)];
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const name = (s: string): number[] => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const section = (id: number, bytes: number[]): number[] => [id, ...leb(bytes.length), ...bytes];
const ALIGN_16 = 4; // memarg alignment exponent

// Locals: 0 $i, 1 $n (params), 2 $end; two accumulator sets, one per v128 of each 32-byte step
// (3 $min 4 $max 5 $nan 6 $v and 7 $min2 8 $max2 9 $nan2 10 $w), so the two chains run in parallel.
const stepInto = (v: number, min: number, max: number, nan: number): number[] => [
  LOCAL_GET, nan, LOCAL_GET, v, LOCAL_GET, v, ...simd(F64X2_NE), ...simd(I64X2_SUB), LOCAL_SET, nan,
  LOCAL_GET, min, LOCAL_GET, v, ...simd(F64X2_PMIN), LOCAL_SET, min,
  LOCAL_GET, max, LOCAL_GET, v, ...simd(F64X2_PMAX), LOCAL_SET, max,
];
const BODY = [
  ...vec([[1, I32], [8, V128]]),
  LOCAL_GET, 0, LOCAL_GET, 1, I32_CONST, 0x7c /* -4 */, I32_AND, I32_CONST, 3, I32_SHL, I32_ADD, LOCAL_SET, 2,
  F64_CONST, ...f64(Infinity), ...simd(F64X2_SPLAT), LOCAL_SET, 3, LOCAL_GET, 3, LOCAL_SET, 7,
  F64_CONST, ...f64(-Infinity), ...simd(F64X2_SPLAT), LOCAL_SET, 4, LOCAL_GET, 4, LOCAL_SET, 8,
  ...simd(V128_CONST), ...new Array<number>(16).fill(0), LOCAL_SET, 5, LOCAL_GET, 5, LOCAL_SET, 9,
  BLOCK, VOID, LOOP, VOID,
  LOCAL_GET, 0, LOCAL_GET, 2, I32_GE_U, BR_IF, 1,
  LOCAL_GET, 0, ...simd(V128_LOAD), ALIGN_16, 0, LOCAL_SET, 6,
  LOCAL_GET, 0, ...simd(V128_LOAD), ALIGN_16, 16, LOCAL_SET, 10,
  ...stepInto(6, 3, 4, 5),
  ...stepInto(10, 7, 8, 9),
  LOCAL_GET, 0, I32_CONST, 32, I32_ADD, LOCAL_SET, 0,
  BR, 0,
  END, END,
  I32_CONST, 0, LOCAL_GET, 3, LOCAL_GET, 7, ...simd(F64X2_PMIN), ...simd(V128_STORE), ALIGN_16, 0,
  I32_CONST, 0, LOCAL_GET, 4, LOCAL_GET, 8, ...simd(F64X2_PMAX), ...simd(V128_STORE), ALIGN_16, 16,
  I32_CONST, 0, LOCAL_GET, 5, LOCAL_GET, 9, ...simd(I64X2_ADD), ...simd(V128_STORE), ALIGN_16, 32,
  END,
];

const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, // "\0asm", version 1
  ...section(1, vec([[0x60, 2, I32, I32, 0]])), // type 0: (i32, i32) -> ()
  ...section(3, vec([[0]])), // function 0 has type 0
  ...section(5, vec([[0, Math.ceil((DATA + CHUNK * 8) / PAGE)]])), // one fixed-size memory
  ...section(7, vec([[...name('memory'), 2, 0], [...name('profile'), 0, 0]])),
  ...section(10, vec([[...leb(BODY.length), ...BODY]])),
]);

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
