/**
 * What a computed value is, as far as a table is concerned: a column (with a length), a scalar to
 * repeat, or something no table column can hold.
 */
import { Vector } from 'apache-arrow';
import { isNumericArray } from './typed-arrays';

export type ColumnKind =
  | { readonly kind: 'column'; readonly length: number }
  | { readonly kind: 'scalar' }
  | { readonly kind: 'invalid'; readonly jsType: string };

/**
 * Classifies one output value; see `tableFromColumns` for the rules.
 *
 * @example
 * columnKind(new Float64Array(3)); // { kind: 'column', length: 3 }
 * columnKind(2.5);                 // { kind: 'scalar' }
 */
export function columnKind(value: unknown): ColumnKind {
  if (isNumericArray(value)) return { kind: 'column', length: value.length };
  if (value instanceof Vector) return { kind: 'column', length: value.length };
  if (Array.isArray(value)) return { kind: 'column', length: value.length };
  if (isScalar(value)) return { kind: 'scalar' };
  return { kind: 'invalid', jsType: describeJsType(value) };
}

/** A single value `tableFromColumns` repeats down the column. */
export type Scalar = number | boolean | string | bigint | Date;

/**
 * True for the single values a column can repeat: number, boolean, string, bigint, Date.
 *
 * @example
 * isScalar(new Date()); // true
 */
export function isScalar(value: unknown): value is Scalar {
  const t = typeof value;
  return t === 'number' || t === 'boolean' || t === 'string' || t === 'bigint' || value instanceof Date;
}

/**
 * The JS type, and the class when it has one, for error messages.
 *
 * @example
 * describeJsType(new Map()); // 'object (Map)'
 * describeJsType(undefined); // 'undefined'
 */
export function describeJsType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const ctor = (value as { constructor?: { name?: string } }).constructor;
  return ctor?.name ? `object (${ctor.name})` : 'object';
}
