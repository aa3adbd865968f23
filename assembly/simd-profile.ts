/**
 * AssemblyScript source of the column profile's WebAssembly SIMD loop (src/quality/simd-profile.ts).
 * `npm run build` compiles it (scripts/build-wasm.mjs, AssemblyScript 0.28.20, `-O3 --enable simd`)
 * into src/quality/simd-profile-wasm.ts; test/quality/simd-profile-source.test.ts checks that the
 * committed bytes are what this source compiles to.
 *
 * `profile(i, n)` reads the `n & ~3` doubles at byte offset `i`, four per step in two independent
 * f64x2 chains, and stores at bytes 0, 16 and 32: the two lanes of the min, of the max, and of the
 * NaN count (i64). The caller does the last `n % 4` values and combines the lanes.
 */
export function profile(i: usize, n: i32): void {
  const end = i + (<usize>(n & ~3) << 3);
  let min = f64x2.splat(Infinity);
  let min2 = min;
  let max = f64x2.splat(-Infinity);
  let max2 = max;
  let nan = i64x2.splat(0);
  let nan2 = nan;
  while (i < end) {
    const v = v128.load(i);
    const w = v128.load(i, 16);
    nan = i64x2.sub(nan, f64x2.ne(v, v)); // a NaN lane is all ones (-1): subtracting it adds 1
    min = f64x2.pmin(min, v); // v < min ? v : min, so a NaN keeps min
    max = f64x2.pmax(max, v); // max < v ? v : max, so a NaN keeps max
    nan2 = i64x2.sub(nan2, f64x2.ne(w, w));
    min2 = f64x2.pmin(min2, w);
    max2 = f64x2.pmax(max2, w);
    i += 32;
  }
  v128.store(0, f64x2.pmin(min, min2));
  v128.store(0, f64x2.pmax(max, max2), 16);
  v128.store(0, i64x2.add(nan, nan2), 32);
}
