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
    case 'ratio': return ratioInto(p, cols[f.s], out);
    case 'mean3': case 'mean7': case 'mean28': return rollingMeanInto(p, WINDOW[f.kind]!, out);
    case 'shift1': case 'shift3': case 'shift7': return shiftInto(p, LAG[f.kind]!, out);
    case 'zscore': return zscoreInto(p, out);
    case 'diff': return diffInto(p, out);
    case 'clip': return clipFillInto(p, -3, 3, out);
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
