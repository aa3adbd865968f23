/**
 * A reader's notes about a column, kept in its Arrow field's metadata (`quiver:notes`, JSON), so
 * they stay with the table however it is passed on; `inputsFromTable` attaches them to the column
 * it hands to features (src/util/column-notes.ts), where a type error finds them.
 */
import type { Field } from 'apache-arrow';
import type { AdapterNote } from '../notes';

export const NOTES_KEY = 'quiver:notes';

/**
 * Field metadata holding `notes`, or undefined when there are none.
 *
 * @example
 * new Field('price', new Utf8(), true, notesMetadata(notes));
 */
export function notesMetadata(notes: readonly AdapterNote[]): Map<string, string> | undefined {
  return notes.length === 0 ? undefined : new Map([[NOTES_KEY, JSON.stringify(notes)]]);
}

/**
 * The notes a reader left on `field`, or none (metadata that is not quiver's notes is ignored).
 *
 * @example
 * fieldNotes(table.schema.fields[0]); // [{ code: 'csv-numbers-as-utf8', column: 'price', message: '…' }]
 */
export function fieldNotes(field: Field): AdapterNote[] {
  const text = field.metadata?.get(NOTES_KEY);
  if (text === undefined) return [];
  try {
    const notes: unknown = JSON.parse(text);
    if (!Array.isArray(notes)) return [];
    return notes.filter((n) => typeof n?.message === 'string' && typeof n?.column === 'string');
  } catch {
    return [];
  }
}
