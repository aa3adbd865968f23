/**
 * The figures WORKLOAD.md publishes: pandas' checksums (the truth every implementation must match)
 * and Hamilton 1.88.0 + pandas 1.5.3 + numpy 1.24 timings on a 2-core machine, in seconds.
 */
import type { Checksum } from './checksum';

const key = (n: number, r: number) => `${n}x${r}`;

const CHECKSUMS: Record<string, Checksum> = {
  [key(100, 1_000)]: { checksum: 335095.1617833149, checksum_abs: 357814.4332345017, nan_count: 3472 },
  [key(1_000, 100_000)]: { checksum: 33127684.52490515, checksum_abs: 49268642.07734257, nan_count: 5193435 },
  [key(1_000, 1_000_000)]: { checksum: 330601658.8652455, checksum_abs: 503185919.8823798, nan_count: 49719096 },
  [key(5_000, 100_000)]: { checksum: 33126224.50772147, checksum_abs: 63787339.04240875, nan_count: 34432775 },
};

/** Hamilton's published figures for one size (seconds; RSS in MB). */
export interface HamiltonFigures {
  graph_build_s: number;
  hamilton_dataframe_s: number;
  hamilton_dict_s: number;
  pandas_script_s: number;
  numpy_script_s: number;
  peak_rss_mb: number;
}

const HAMILTON: Record<string, HamiltonFigures> = {
  [key(5_000, 10)]: { graph_build_s: 0.126, hamilton_dataframe_s: 0.68, hamilton_dict_s: 0.57, pandas_script_s: 0.58, numpy_script_s: 0.016, peak_rss_mb: 137 },
  [key(1_000, 100_000)]: { graph_build_s: 0.025, hamilton_dataframe_s: 0.83, hamilton_dict_s: 0.64, pandas_script_s: 1.5, numpy_script_s: 0.23, peak_rss_mb: 1600 },
  [key(5_000, 100_000)]: { graph_build_s: 0.141, hamilton_dataframe_s: 24.4, hamilton_dict_s: 19.8, pandas_script_s: 27.2, numpy_script_s: 1.13, peak_rss_mb: 7700 },
  [key(1_000, 1_000_000)]: { graph_build_s: 0.029, hamilton_dataframe_s: 28.6, hamilton_dict_s: 17.6, pandas_script_s: 30.2, numpy_script_s: 3.52, peak_rss_mb: 15400 },
};

/** Hamilton's framework cost alone (bodies that return their input), µs per node. */
export const HAMILTON_OVERHEAD_US = { execute_per_node: 5, build_per_node: [25, 30] };

/**
 * pandas' checksum for N × R, when WORKLOAD.md gives one.
 *
 * @example
 * referenceChecksum(100, 1000)!.nan_count  // 3472
 */
export function referenceChecksum(n: number, r: number): Checksum | undefined {
  return CHECKSUMS[key(n, r)];
}

/**
 * Hamilton's figures for N × R, when WORKLOAD.md gives them.
 *
 * @example
 * hamiltonFigures(1000, 1_000_000)!.numpy_script_s  // 3.52
 */
export function hamiltonFigures(n: number, r: number): HamiltonFigures | undefined {
  return HAMILTON[key(n, r)];
}

/**
 * Every size with a published checksum.
 *
 * @example
 * referenceSizes()[0]  // { n: 100, r: 1000 }
 */
export function referenceSizes(): Array<{ n: number; r: number }> {
  return Object.keys(CHECKSUMS).map((k) => {
    const [n, r] = k.split('x').map(Number);
    return { n, r };
  });
}
