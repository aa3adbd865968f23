/**
 * W1's raw inputs, generated from a hash so every run and every language gets the same values:
 * h = h32(4t + s), u = h / 2^32, NaN when h < 2^22 (about 1 in 1,024).
 */

const TWO_32 = 4294967296;
const NAN_BELOW = 4194304; // 2^22

/**
 * The 32-bit integer hash of WORKLOAD.md (uint32 arithmetic: every step stays `>>> 0`).
 *
 * @example
 * h32(0)  // 0
 */
export function h32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** The four raw columns of W1 for `rows` rows, keyed by name. */
export interface RawInputs {
  spend: Float64Array;
  signups: Float64Array;
  price: Float64Array;
  visits: Float64Array;
}

/**
 * Generate W1's raw inputs (evaluated left to right in float64, as the workload states).
 *
 * @example
 * const raw = generateRaw(1000);
 * raw.spend.length  // 1000
 */
export function generateRaw(rows: number): RawInputs {
  const spend = new Float64Array(rows);
  const signups = new Float64Array(rows);
  const price = new Float64Array(rows);
  const visits = new Float64Array(rows);
  for (let t = 0; t < rows; t++) {
    const base = 4 * t;
    let h = h32(base);
    spend[t] = h < NAN_BELOW ? NaN : 1000 + 500 * (h / TWO_32) + 100 * (t % 7);
    h = h32(base + 1);
    signups[t] = h < NAN_BELOW ? NaN : 1 + Math.floor(50 * (h / TWO_32));
    h = h32(base + 2);
    price[t] = h < NAN_BELOW ? NaN : 5 + 20 * (h / TWO_32);
    h = h32(base + 3);
    visits[t] = h < NAN_BELOW ? NaN : 100 + 1000 * (h / TWO_32) + 10 * (t % 24);
  }
  return { spend, signups, price, visits };
}

/**
 * The raw columns in series order s = 0 … 3.
 *
 * @example
 * const [spend, signups, price, visits] = rawList(generateRaw(10));
 */
export function rawList(raw: RawInputs): Float64Array[] {
  return [raw.spend, raw.signups, raw.price, raw.visits];
}
