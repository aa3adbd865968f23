/** A table file whose schema names one column twice is refused: which one would a feature get? */
import { fileError } from './file-errors';

/**
 * Throws an `InputError` naming the file and the first column named twice (as the CSV reader
 * does for its header).
 *
 * @example
 * checkUniqueColumns('a.arrow', 'Arrow IPC', ['x', 'y', 'x']);
 * // Cannot read Arrow IPC from "a.arrow": the schema names column "x" twice (fields 1 and 3). Rename one of them.
 */
export function checkUniqueColumns(path: string, format: string, names: readonly string[]): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined) {
      throw fileError(path, `read ${format} from`, `the schema names column "${name}" twice (fields ${first + 1} and ${i + 1})`,
        'Rename one of them.');
    }
    seen.set(name, i);
  });
}
