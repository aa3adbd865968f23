/**
 * The metadata of a result table's fields: one empty, read-only `Map` shared by every field.
 * apache-arrow gives each `Field` a fresh `Map` of its own when none is passed (a fifth of a
 * 5,000-column table's allocation); none of Arrow's code writes to a field's metadata, and a user's
 * write into the shared one throws instead of reaching every other field.
 */
import { QuiverError } from '../../src/errors';

const REFUSED =
  'The metadata of a field in a quiver result table is shared and read-only. ' +
  'Make a field with metadata of its own: field.clone({ metadata: new Map([...field.metadata, [key, value]]) }).';

/** A `Map` that stays empty: `set`, `delete` and `clear` throw, naming the fix. */
class EmptyMetadata extends Map<string, string> {
  override set(key: string, _value: string): this {
    throw new QuiverError(`${REFUSED} (tried to set "${key}")`);
  }
  override delete(_key: string): boolean {
    throw new QuiverError(REFUSED);
  }
  override clear(): void {
    throw new QuiverError(REFUSED);
  }
}

/**
 * The shared empty metadata of the fields `tableFromColumns` makes.
 *
 * @example
 * new Field('x', new Float64(), false, EMPTY_METADATA);
 * EMPTY_METADATA.size; // 0, always
 */
export const EMPTY_METADATA: ReadonlyMap<string, string> = Object.freeze(new EmptyMetadata());
