/** The header line of a CSV file: column names, checked for duplicates. */
import { fileError } from '../files/file-errors';

/**
 * Column names from the header record. An empty name becomes `column_<i>` (i from 0, as written
 * by pandas for an unnamed index); a name used twice is an `InputError`.
 *
 * @example
 * readHeader('a.csv', ['', 'x'], 1); // ['column_0', 'x']
 */
export function readHeader(path: string, record: readonly string[], line: number): string[] {
  const names = record.map((name, i) => (name.trim() === '' ? `column_${i}` : name));
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined) {
      throw fileError(path, 'read CSV from', `the header (line ${line}) names column "${name}" twice (fields ${first + 1} and ${i + 1})`,
        'Rename one of them.');
    }
    seen.set(name, i);
  });
  return names;
}
