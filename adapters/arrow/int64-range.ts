/**
 * A JS bigint can be any size; an Arrow Int64 cannot. A bigint outside −2^63 … 2^63−1 is refused
 * rather than wrapped around (BigInt64Array would silently keep only its low 64 bits).
 */
import { InputError } from '../../src/errors';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

/**
 * Throws an `InputError` naming the output (and row) when `v` does not fit in an Int64.
 *
 * @example
 * assertInt64('big', 2n ** 63n); // InputError: Output "big" holds 9223372036854775808, which is beyond int64 …
 */
export function assertInt64(name: string, v: bigint, row?: number): void {
  if (v >= MIN && v <= MAX) return;
  throw new InputError(
    `Output "${name}" holds ${v}${row === undefined ? '' : ` at row ${row}`}, which is beyond int64 (−2^63 to 2^63−1), ` +
      'the widest integer a table column holds; it would wrap around. Return it as a number or string, or use dictResult() to get the values as computed.',
    [name],
  );
}

/**
 * Checks every bigint of a plain array (nulls skipped).
 *
 * @example
 * assertInt64s('ids', [1n, null, 2n]); // fine
 */
export function assertInt64s(name: string, values: readonly unknown[]): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'bigint') assertInt64(name, v, i);
  }
}
