/**
 * The machine-readable side of the checks (diagnostics), the million-row message from the issue,
 * Arrow and typed-array element types, and property tests against naive reference computations.
 */
import fc from 'fast-check';
import {
  Bool, DateDay, DateMillisecond, Dictionary, Float32, Float64, Int16, Int32, Int64, Int8, LargeUtf8,
  TimestampMillisecond, TimestampSecond, Uint16, Uint32, Uint64, Uint8, Utf8, vectorFromArray, type DataType,
} from 'apache-arrow';
import { normalizeCheckOptions, validatorsFromOptions, type CheckOutputOptions, type DataTypeName } from '../../src/quality';

function check(options: CheckOutputOptions, value: unknown) {
  return validatorsFromOptions(normalizeCheckOptions(options, 'T.x'))[0].validate(value);
}

describe('range on a million rows', () => {
  // 42 values outside [-5, 5], the first at rows 17, 912 and 4410; min -7.2, max 12.9.
  const x = new Float64Array(1_000_000);
  const bad = [17, 912, 4410, ...Array.from({ length: 39 }, (_, k) => 10_000 + k * 1000)];
  bad.forEach((row, k) => { x[row] = k % 2 ? -7.2 : 6; });
  x[bad[41]] = 12.9;
  x[5] = NaN;

  it('says how many, where and what was observed', () => {
    const outcome = check({ range: [-5, 5] }, x);
    expect(outcome.passes).toBe(false);
    expect(outcome.message).toBe('42 of 1,000,000 values (0.004%) outside [-5, 5]; first at rows 17, 912, 4410; observed min -7.2, max 12.9');
    expect(outcome.diagnostics).toEqual({
      count: 42, total: 1_000_000, fraction: 42 / 1_000_000, firstRows: [17, 912, 4410, 10_000, 11_000],
      missing: 1, min: -7.2, max: 12.9, lo: -5, hi: 5,
    });
  });
});

describe('diagnostics', () => {
  it('allowNaNs counts and locates the missing values', () => {
    expect(check({ allowNaNs: false }, [1, null, 3, NaN, undefined, 6, NaN, NaN]).diagnostics)
      .toEqual({ count: 5, total: 8, fraction: 5 / 8, firstRows: [1, 3, 4, 6, 7] });
  });

  it('valuesIn keeps the first offending values', () => {
    expect(check({ valuesIn: ['a'] }, ['b', 'a', null, 'c']).diagnostics)
      .toEqual({ count: 2, total: 4, fraction: 0.5, firstRows: [0, 3], firstValues: ['b', 'c'], missing: 1 });
  });

  it('unique says which earlier row each repeat matches', () => {
    expect(check({ unique: true }, ['x', 'y', 'x', 'y', 'z']).diagnostics)
      .toEqual({ count: 2, total: 5, fraction: 0.4, firstRows: [2, 3], sameAs: [0, 1], firstValues: ['x', 'y'], distinct: 3 });
  });

  it('schema lists missing, mistyped and extra columns', () => {
    const outcome = check({ schema: { columns: { a: 'float64', b: 'utf8', c: 'int32' } } }, { a: Int32Array.of(1), b: ['x'], z: [true] });
    expect(outcome.diagnostics).toEqual({
      missing: ['c'], mistyped: [{ column: 'a', expected: 'float64', actual: 'int32' }], extra: ['z'],
      columns: { a: 'int32', b: 'utf8', z: 'bool' },
    });
  });

  it('stats report the values they compared', () => {
    expect(check({ meanInRange: [0, 1] }, Float64Array.of(2, 4, NaN)).diagnostics).toEqual({ mean: 3, count: 2, lo: 0, hi: 1 });
    expect(check({ maxStandardDev: 1 }, Float64Array.of(2, 4, NaN)).diagnostics).toEqual({ std: Math.SQRT2, count: 2, max: 1 });
    expect(check({ minRows: 5 }, [1]).diagnostics).toEqual({ rows: 1, min: 5 });
  });

  it('a check that does not apply says so in the diagnostics too', () => {
    expect(check({ range: [0, 1] }, 'abc').diagnostics).toEqual({ applicable: false, got: 'the string "abc"' });
  });
});

describe('dataType of columns', () => {
  const vectors: [DataTypeName, DataType, unknown[]][] = [
    ['float64', new Float64(), [1.5]], ['float32', new Float32(), [1.5]],
    ['int8', new Int8(), [1]], ['int16', new Int16(), [1]], ['int32', new Int32(), [1]], ['int64', new Int64(), [1n]],
    ['uint8', new Uint8(), [1]], ['uint16', new Uint16(), [1]], ['uint32', new Uint32(), [1]], ['uint64', new Uint64(), [1n]],
    ['bool', new Bool(), [true]], ['utf8', new Utf8(), ['a']], ['utf8', new LargeUtf8(), ['a']],
    ['utf8', new Dictionary(new Utf8(), new Int32()), ['a']],
    ['timestamp', new TimestampMillisecond(), [new Date(0)]], ['timestamp', new TimestampSecond(), [new Date(0)]],
    ['timestamp', new DateDay(), [new Date(0)]], ['timestamp', new DateMillisecond(), [new Date(0)]],
  ];
  it.each(vectors)('an Arrow %s vector (%s)', (name, type, values) => {
    const vector = vectorFromArray(values, type);
    expect(check({ dataType: name }, vector).passes).toBe(true);
    const other: DataTypeName = name === 'utf8' ? 'float64' : 'utf8';
    expect(check({ dataType: other }, vector).message).toBe(`expected ${other}, got ${name} (Arrow Vector<${String(type)}> of 1 values)`);
  });

  const typed: [DataTypeName, ArrayLike<unknown>][] = [
    ['float64', new Float64Array(1)], ['float32', new Float32Array(1)], ['int8', new Int8Array(1)],
    ['int16', new Int16Array(1)], ['int32', new Int32Array(1)], ['int64', new BigInt64Array(1)],
    ['uint8', new Uint8Array(1)], ['uint8', new Uint8ClampedArray(1)], ['uint16', new Uint16Array(1)],
    ['uint32', new Uint32Array(1)], ['uint64', new BigUint64Array(1)],
  ];
  it.each(typed)('a typed array of %s', (name, array) => {
    expect(check({ dataType: name }, array).passes).toBe(true);
  });

  it.each([
    ['bool', [true, null, false]], ['utf8', ['a', undefined]], ['timestamp', [new Date(0)]], ['int64', [1n, 2n]],
  ] as [DataTypeName, unknown[]][])('a JS array of %s', (name, array) => {
    expect(check({ dataType: name }, array).passes).toBe(true);
  });

  it.each([
    ['bool', true], ['utf8', 'x'], ['timestamp', new Date(0)], ['int64', 1n], ['float64', NaN],
  ] as [DataTypeName, unknown][])('a single %s', (name, value) => {
    expect(check({ dataType: name }, value).passes).toBe(true);
  });
});

describe('against naive reference computations', () => {
  const column = fc.array(fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(NaN)), { maxLength: 60 });

  it('range counts exactly the non-NaN values outside [lo, hi]', () => {
    fc.assert(fc.property(column, fc.double({ min: -10, max: 0, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (xs, lo, hi) => {
      const d = check({ range: [lo, hi] }, Float64Array.from(xs)).diagnostics as Record<string, unknown>;
      const outside = xs.map((v, i) => [v, i] as const).filter(([v]) => !Number.isNaN(v) && (v < lo || v > hi)).map(([, i]) => i);
      const present = xs.filter((v) => !Number.isNaN(v));
      expect(d.count ?? 0).toBe(outside.length);
      if (xs.length === 0) return;
      expect(d.firstRows).toEqual(outside.slice(0, 5));
      expect(d.missing).toBe(xs.length - present.length);
      expect(d.min).toBe(present.length ? Math.min(...present) : null);
      expect(d.max).toBe(present.length ? Math.max(...present) : null);
    }));
  });

  it('meanInRange and maxStandardDev agree with the textbook formulas (NaN skipped, ddof 1)', () => {
    fc.assert(fc.property(column, (xs) => {
      const present = xs.filter((v) => !Number.isNaN(v));
      const n = present.length;
      const mean = present.reduce((a, b) => a + b, 0) / n;
      const std = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      const m = check({ meanInRange: [-1, 1] }, Float64Array.from(xs)).diagnostics as { mean: number | null };
      const s = check({ maxStandardDev: 1 }, Float64Array.from(xs)).diagnostics as { std: number | null };
      if (n === 0) expect(m.mean).toBeNull();
      else expect(m.mean).toBeCloseTo(mean, 9);
      if (n < 2) expect(s.std).toBeNull();
      else expect(s.std).toBeCloseTo(std, 9);
    }));
  });

  it('allowNaNs finds every NaN', () => {
    fc.assert(fc.property(column, (xs) => {
      const d = check({ allowNaNs: false }, Float64Array.from(xs)).diagnostics as { count: number; firstRows: number[] };
      const nans = xs.map((v, i) => (Number.isNaN(v) ? i : -1)).filter((i) => i >= 0);
      expect(d.count).toBe(nans.length);
      expect(d.firstRows).toEqual(nans.slice(0, 5));
    }));
  });
});
