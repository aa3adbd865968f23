import fc from 'fast-check';
import { makeData, TimeUnit, Timestamp, Vector } from 'apache-arrow';
import { epochMillisOf, int64Millis, MICROSECOND, MILLISECOND, NANOSECOND, SECOND } from '../../src/util/epoch';
import { epochMsAt } from '../../adapters/arrow/epoch-ms';
import { epochMillis } from '../../src/columns/time-input';
import { fieldFormatter } from '../../adapters/csv/csv-format';

const PER_MS: Record<number, bigint> = {
  [SECOND]: 0n, [MILLISECOND]: 1n, [MICROSECOND]: 1000n, [NANOSECOND]: 1_000_000n,
};

/** The reference: floor(raw / unitsPerMs) in bigint arithmetic. */
function reference(raw: bigint, unit: number): number {
  if (unit === SECOND) return Number(raw * 1000n);
  const d = PER_MS[unit];
  let q = raw / d;
  if (raw % d < 0n) q -= 1n;
  return Number(q);
}

function timestampVector(values: bigint[], unit: TimeUnit): Vector {
  return new Vector([makeData({ type: new Timestamp(unit), length: values.length, data: BigInt64Array.from(values) })]);
}

describe('epoch conversion (src/util/epoch.ts), one for kernels and writers', () => {
  it('floors ns and µs exactly, also before 1970', () => {
    expect(epochMillisOf(1_700_000_000_123_456_789n, NANOSECOND)).toBe(1_700_000_000_123);
    expect(epochMillisOf(-1n, NANOSECOND)).toBe(-1);
    expect(epochMillisOf(-1n, MICROSECOND)).toBe(-1);
    expect(epochMillisOf(-1_000_000n, NANOSECOND)).toBe(-1);
    expect(epochMillisOf(-1_000_001n, NANOSECOND)).toBe(-2);
    expect(epochMillisOf(1_700_006_400n, SECOND)).toBe(1_700_006_400_000);
    expect(epochMillisOf(1_700_006_400_000, MILLISECOND)).toBe(1_700_006_400_000);
    expect(epochMillisOf(1500, MICROSECOND)).toBe(1);
    expect(epochMillisOf(-1500, MICROSECOND)).toBe(-2);
    expect(int64Millis(0xffffffff, -1, NANOSECOND)).toBe(-1);
  });

  it('matches bigint floor division for any Int64 µs/ns value within ±2^62', () => {
    const raw = fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n });
    fc.assert(fc.property(raw, fc.constantFrom(MILLISECOND, MICROSECOND, NANOSECOND), (v, unit) => {
      expect(epochMillisOf(v, unit)).toBe(reference(v, unit));
    }), { numRuns: 2000 });
  });

  it('the writers (epochMsAt) and the kernels (epochMillis) give the same whole milliseconds', () => {
    const values = [1_700_000_000_123_456_789n, -1n, 0n, 86_400_000_000_000n - 1n, -86_400_000_000_001n];
    const v = timestampVector(values, TimeUnit.NANOSECOND);
    const kernel = epochMillis('test', v);
    values.forEach((raw, i) => {
      expect(epochMsAt(v.data[0], i)).toBe(reference(raw, NANOSECOND));
      expect(kernel[i]).toBe(reference(raw, NANOSECOND));
    });
  });

  it('CSV writes one ns before 1970 as 1969-12-31T23:59:59.999Z (it was rounded up to 1970)', () => {
    const v = timestampVector([-1n, 1_700_000_000_123_456_789n], TimeUnit.NANOSECOND);
    const format = fieldFormatter(v.data[0], ',', false);
    expect(format(0)).toBe('1969-12-31T23:59:59.999Z');
    expect(format(1)).toBe('2023-11-14T22:13:20.123Z');
  });
});
