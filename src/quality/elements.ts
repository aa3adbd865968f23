/**
 * A column's values one by one, for the checks that compare values rather than do arithmetic
 * (`valuesIn`, `unique`, `allowNaNs` on non-float columns). Arrow nulls read as `null`.
 */
import { hasPlainBuffer } from '../arrow';
import { isArrowVector, isTypedArray } from './column';

/**
 * The values of a column as an indexable list, or `null` when the value is not a column. Typed
 * arrays and JS arrays are returned as they are; an Arrow Vector without nulls and with a plain
 * numeric buffer gives its `toArray()`, any other Vector is read with `get(i)`.
 *
 * @example
 * elementsOf(vectorFromArray(['a', null]));  // ['a', null]
 * elementsOf(42);                            // null
 */
export function elementsOf(value: unknown): ArrayLike<unknown> | null {
  if (isTypedArray(value) || Array.isArray(value)) return value as ArrayLike<unknown>;
  if (!isArrowVector(value)) return null;
  if (hasPlainBuffer(value.type) && value.nullCount === 0) return value.toArray();
  const out: unknown[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = value.get(i);
  return out;
}
