/**
 * What a reader said about a column travels with the column: the CSV reader's "read as utf8,
 * because line 4 holds "n/a"" is attached to the column it made, kept when the column is
 * reordered (entityHistory), and named by the type error of a feature that cannot take it.
 * Held by the column object (a WeakMap), so a column nobody holds is forgotten with its notes.
 */
import type { AdapterNote } from '../ports';

const NOTES = new WeakMap<object, readonly AdapterNote[]>();

const isObject = (v: unknown): v is object => (typeof v === 'object' && v !== null) || typeof v === 'function';

/**
 * Attaches `notes` to `column` (added to any it has).
 *
 * @example
 * noteColumn(vector, [{ code: 'csv-numbers-as-utf8', column: 'price', message: 'Column "price" of "p.csv" is …' }]);
 */
export function noteColumn(column: unknown, notes: readonly AdapterNote[]): void {
  if (!isObject(column) || notes.length === 0) return;
  NOTES.set(column, [...(NOTES.get(column) ?? []), ...notes]);
}

/**
 * The notes attached to `column`, or none.
 *
 * @example
 * columnNotes(vector)[0]?.message; // 'Column "price" of "p.csv" is read as utf8: …'
 */
export function columnNotes(column: unknown): readonly AdapterNote[] {
  return (isObject(column) && NOTES.get(column)) || [];
}

/**
 * `to`, a column made from `from` (its rows reordered or converted), gets `from`'s notes; returns `to`.
 *
 * @example
 * columns[name] = carryNotes(source, takeRows(source, order));
 */
export function carryNotes<T>(from: unknown, to: T): T {
  if (from !== to) noteColumn(to, columnNotes(from));
  return to;
}
