/**
 * The partitions' values of one output joined back into one column, in partition order: typed
 * arrays into one array of the same type (filled once), Arrow vectors and arrays by `concat`.
 */

import { isTypedArray } from '../util/shapes';

type Concatable = { length: number; concat(...others: unknown[]): unknown };

/**
 * One output's values from each partition (`rows[k]` rows in partition k) as one column; a value
 * that is not a column of its partition's length (a scalar) is the first partition's value.
 *
 * @example
 * concatParts([Float64Array.of(1, 2), Float64Array.of(3)], [2, 1]); // Float64Array [1, 2, 3]
 */
export function concatParts(values: readonly unknown[], rows: readonly number[]): unknown {
  const first = values[0];
  const isColumn = values.every((v, k) => v !== null && typeof v === 'object' && (v as { length?: unknown }).length === rows[k]);
  if (!isColumn || values.length === 1) return first;
  if (isTypedArray(first) && values.every((v) => v?.constructor === first.constructor)) {
    const total = rows.reduce((a, b) => a + b, 0);
    const Ctor = first.constructor as new (n: number) => { set(a: ArrayLike<number> | ArrayLike<bigint>, offset: number): void };
    const out = new Ctor(total);
    let offset = 0;
    values.forEach((v, k) => {
      out.set(v as ArrayLike<number>, offset);
      offset += rows[k];
    });
    return out;
  }
  if (Array.isArray(first)) return ([] as unknown[]).concat(...(values as unknown[][]));
  if (typeof (first as Concatable).concat === 'function') return (first as Concatable).concat(...values.slice(1));
  return first;
}
