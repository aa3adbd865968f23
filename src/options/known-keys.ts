/**
 * Every options object quiver takes is checked against the keys it knows: a misspelled option
 * (`{ horizn: 6 }`) is an error with "did you mean", never silently ignored.
 */
import { QuiverError } from '../errors';
import { closest } from '../execution/suggest';

type ErrorClass = new (message: string) => Error;

/**
 * Throws when `options` has a key not in `known`, naming `where`, the key, the closest known key
 * and every valid key. `undefined` options pass. The error class defaults to `QuiverError`.
 *
 * @example
 * assertKnownKeys({ horizn: 6 }, ['horizon', 'gap'], 'buildTrainingFrame', InputError);
 * // InputError: buildTrainingFrame got an unknown option "horizn" (did you mean "horizon"?). Valid options: horizon, gap.
 */
export function assertKnownKeys(options: object | undefined | null, known: readonly string[], where: string, error: ErrorClass = QuiverError): void {
  if (options === undefined || options === null) return;
  const unknown = Object.keys(options).filter((k) => !known.includes(k));
  if (unknown.length === 0) return;
  const parts = unknown.map((k) => {
    const near = closest(k, known);
    return `"${k}"${near ? ` (did you mean "${near}"?)` : ''}`;
  });
  const what = unknown.length === 1 ? `an unknown option ${parts[0]}` : `unknown options ${parts.join(', ')}`;
  throw new error(`${where} got ${what}. Valid options: ${known.join(', ')}.`);
}
