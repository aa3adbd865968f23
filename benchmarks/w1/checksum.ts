/**
 * W1's checksum: for each output column, the sum of its non-NaN values, the sum of their absolute
 * values and the number of NaN cells, added over all columns. Each column is summed on its own
 * (compensated), so a column can be checked and dropped before the next is made.
 */

export interface Checksum {
  checksum: number;
  checksum_abs: number;
  nan_count: number;
}

/**
 * Running W1 checksum over columns added one at a time.
 *
 * @example
 * const acc = new ChecksumAccumulator();
 * acc.add(Float64Array.of(1, NaN));
 * acc.add([2, null]);
 * acc.result()  // { checksum: 3, checksum_abs: 3, nan_count: 2 }
 */
export class ChecksumAccumulator {
  private sum = 0;
  private sumAbs = 0;
  private nans = 0;

  /** Add one column; `null` and `undefined` cells count as NaN (peers that use them for missing). */
  add(column: ArrayLike<number | null | undefined>): void {
    const part = column instanceof Float64Array ? sumFloat64(column) : sumGeneric(column);
    this.sum += part.checksum;
    this.sumAbs += part.checksum_abs;
    this.nans += part.nan_count;
  }

  /** Add a column whose sums were computed elsewhere (a peer's own aggregation). */
  addSums(part: Checksum): void {
    this.sum += part.checksum;
    this.sumAbs += part.checksum_abs;
    this.nans += part.nan_count;
  }

  result(): Checksum {
    return { checksum: this.sum, checksum_abs: this.sumAbs, nan_count: this.nans };
  }
}

/**
 * The checksum of a list of columns.
 *
 * @example
 * checksumOf([Float64Array.of(1, NaN, -2)])  // { checksum: -1, checksum_abs: 3, nan_count: 1 }
 */
export function checksumOf(columns: Iterable<ArrayLike<number | null | undefined>>): Checksum {
  const acc = new ChecksumAccumulator();
  for (const c of columns) acc.add(c);
  return acc.result();
}

/** Neumaier-compensated sums over a Float64Array: the monomorphic fast path. */
function sumFloat64(x: Float64Array): Checksum {
  let s = 0, cs = 0, a = 0, ca = 0, nans = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) { nans++; continue; }
    let t = s + v;
    cs += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
    s = t;
    const w = v < 0 ? -v : v;
    t = a + w;
    ca += a >= w ? (a - t) + w : (w - t) + a;
    a = t;
  }
  return { checksum: s + cs, checksum_abs: a + ca, nan_count: nans };
}

function sumGeneric(x: ArrayLike<number | null | undefined>): Checksum {
  const copy = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    copy[i] = v == null ? NaN : v;
  }
  return sumFloat64(copy);
}

/**
 * Whether `got` matches `want` under WORKLOAD.md's tolerances (sums within 1e-9 × max(|Σ|x||, 1),
 * NaN count exact), and if not, why.
 *
 * @example
 * compareChecksum(got, referenceChecksum(100, 1000)!)  // { ok: true }
 */
export function compareChecksum(got: Checksum, want: Checksum): { ok: boolean; why?: string } {
  const why: string[] = [];
  const tolSum = 1e-9 * Math.max(Math.abs(want.checksum_abs), 1);
  if (!(Math.abs(got.checksum - want.checksum) <= tolSum)) {
    why.push(`checksum ${got.checksum} ≠ ${want.checksum} (tolerance ${tolSum.toExponential(2)})`);
  }
  const tolAbs = 1e-9 * Math.max(Math.abs(want.checksum_abs), 1);
  if (!(Math.abs(got.checksum_abs - want.checksum_abs) <= tolAbs)) {
    why.push(`checksum_abs ${got.checksum_abs} ≠ ${want.checksum_abs}`);
  }
  if (got.nan_count !== want.nan_count) why.push(`nan_count ${got.nan_count} ≠ ${want.nan_count}`);
  return why.length === 0 ? { ok: true } : { ok: false, why: why.join('; ') };
}
