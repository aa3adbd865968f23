/**
 * The floor: W1 as straight-line typed-array loops with no framework. Each feature gets its own
 * output buffer (all N are outputs, so all must exist at the end); nothing else is allocated.
 */
import { ratioInto, rollingMeanInto, shiftInto, diffInto, zscoreInto, clipFillInto } from './floor-loops';
import { LAG, WINDOW, type W1Feature } from './spec';

/**
 * Compute one feature into `out`, reading columns from `cols` (`[...RAW, f_0, …]`).
 *
 * @example
 * const cols = rawList(generateRaw(100));
 * computeFeatureInto(w1Features(1)[0], cols, new Float64Array(100));  // f_0 = spend / (|signups| + 1)
 */
export function computeFeatureInto(f: W1Feature, cols: readonly Float64Array[], out: Float64Array): void {
  const p = cols[f.p];
  switch (f.kind) {
    case 'ratio': ratioInto(p, cols[f.s], out); return;
    case 'mean3': case 'mean7': case 'mean28': rollingMeanInto(p, WINDOW[f.kind]!, out); return;
    case 'shift1': case 'shift3': case 'shift7': shiftInto(p, LAG[f.kind]!, out); return;
    case 'zscore': zscoreInto(p, out); return;
    case 'diff': diffInto(p, out); return;
    case 'clip': clipFillInto(p, -3, 3, out); return;
  }
}

/**
 * All W1 outputs, f_0 … f_{N−1}, from the raw columns in series order.
 *
 * @example
 * const outs = floorW1(rawList(generateRaw(1000)), w1Features(100));
 * checksumOf(outs)  // { checksum: 335095.16…, checksum_abs: 357814.43…, nan_count: 3472 }
 */
export function floorW1(raw: readonly Float64Array[], features: readonly W1Feature[]): Float64Array[] {
  const rows = raw[0].length;
  const cols: Float64Array[] = raw.slice();
  for (const f of features) {
    const out = new Float64Array(rows);
    computeFeatureInto(f, cols, out);
    cols.push(out);
  }
  return cols.slice(raw.length);
}
