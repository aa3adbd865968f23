/** Small helpers shared by the kernel tests. */

/** A Float64Array from numbers. */
export const f64 = (...values: number[]): Float64Array => Float64Array.from(values);

/** Asserts `actual` equals `expected` element by element: NaN matches NaN, numbers within `tol` × max(1, |expected|). */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i], e = expected[i];
    const ok = Number.isNaN(e) ? Number.isNaN(a) : a === e || Math.abs(a - e) <= tol * Math.max(1, Math.abs(e));
    if (!ok) bad.push(`[${i}] got ${a}, expected ${e}`);
  }
  expect(bad).toEqual([]);
}

/** The message of what `fn` throws (fails the test if it does not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to throw');
}

/** Non-NaN values of a list. */
export const present = (values: number[]): number[] => values.filter((v) => !Number.isNaN(v));

/** Sample variance (ddof 1) by the textbook two-pass formula; NaN below 2 values. */
export function sampleVar(values: number[]): number {
  const v = present(values);
  if (v.length < 2) return NaN;
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - m) * (b - m), 0) / (v.length - 1);
}
