/**
 * parquet-wasm, loaded on first use: importing quiver does not instantiate its WebAssembly module
 * (about 90 ms).
 */
type ParquetWasm = typeof import('parquet-wasm');

let loaded: ParquetWasm | undefined;

/**
 * The parquet-wasm module (its Node build, which instantiates synchronously).
 *
 * @example
 * const { ParquetFile } = parquetWasm();
 */
export function parquetWasm(): ParquetWasm {
  loaded ??= require('parquet-wasm') as ParquetWasm;
  return loaded;
}
