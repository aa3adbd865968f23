/**
 * Raw Arrow time values into epoch milliseconds (UTC), exact: the one conversion quiver uses for
 * Date and Timestamp columns, in the core (columns/time-input.ts) and in the writers (CSV, JSON,
 * danfo). Int64 values are split into two 32-bit halves and floor-divided in integers, so a
 * nanosecond or microsecond timestamp gives the whole millisecond at or before it (also before
 * 1970), never a float with a rounding error. Unit numbers are Arrow's: `TimeUnit` SECOND 0,
 * MILLISECOND 1, MICROSECOND 2, NANOSECOND 3; `DateUnit` DAY 0, MILLISECOND 1.
 */

/** Arrow's `TimeUnit` numbers. */
export const SECOND = 0, MILLISECOND = 1, MICROSECOND = 2, NANOSECOND = 3;
/** Arrow's `DateUnit.DAY`. */
export const DAY = 0;
/** Milliseconds in a day. */
export const MS_PER_DAY = 86_400_000;

const TWO_32 = 4294967296;

function floorDiv(a: number, d: number): number {
  let q = Math.floor(a / d);
  if (q * d > a) q -= 1;
  else if ((q + 1) * d <= a) q += 1;
  return q;
}

/**
 * Milliseconds of the Int64 `hi·2³² + lo` (`lo` unsigned, `hi` signed) counted in `unit`, floored
 * to a whole millisecond for µs and ns.
 *
 * @example
 * int64Millis(0xffffffff, -1, NANOSECOND); // -1 (one ns before 1970 is in the ms before it)
 */
export function int64Millis(lo: number, hi: number, unit: number): number {
  switch (unit) {
    case SECOND: return (hi * TWO_32 + lo) * 1000;
    case MILLISECOND: return hi * TWO_32 + lo;
    case MICROSECOND: return hi * 4294967 + floorDiv(hi * 296 + lo, 1000); // 2³² = 4294967·10³ + 296
    default: return hi * 4294 + floorDiv(hi * 967296 + lo, 1e6); // 2³² = 4294·10⁶ + 967296
  }
}

/**
 * Epoch milliseconds of one raw time value counted in the Arrow `TimeUnit` `unit` (a `bigint` from
 * an Int64 column, or a number), floored to a whole millisecond.
 *
 * @example
 * epochMillisOf(1_700_000_000_123_456_789n, NANOSECOND); // 1700000000123
 */
export function epochMillisOf(raw: number | bigint, unit: number): number {
  if (typeof raw === 'bigint') {
    return int64Millis(Number(BigInt.asUintN(32, raw)), Number(BigInt.asIntN(32, raw >> 32n)), unit);
  }
  if (unit === MILLISECOND) return raw;
  if (unit === SECOND) return raw * 1000;
  return Math.floor(unit === MICROSECOND ? raw / 1000 : raw / 1e6);
}
