/**
 * Suggestions for a name that was not found: the closest known names by edit distance.
 */

import { editDistance as distance } from '../../src/util/edit-distance';

/**
 * ` Did you mean "x"?` for the known names closest to `name` (at most 3, case ignored), or `''`
 * when none is close (more than a third of the name's letters differ).
 *
 * @example
 * didYouMean('avg3wkSpnd', ['avg3wkSpend', 'spend']); // ' Did you mean "avg3wkSpend"?'
 */
export function didYouMean(name: string, known: Iterable<string>): string {
  const limit = Math.max(1, Math.floor(name.length / 3));
  const scored: [string, number][] = [];
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d <= limit) scored.push([k, d]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  const best = scored.slice(0, 3).map(([k]) => `"${k}"`);
  return best.length === 0 ? '' : ` Did you mean ${best.join(' or ')}?`;
}
