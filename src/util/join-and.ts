/** A list as a sentence says it: `a`, `a and b`, `a, b and c`. */

/**
 * Joins `items` with commas and a final "and"; past `most` items, the rest are counted.
 *
 * @example
 * joinAnd(['"a"', '"b"', '"c"']);          // '"a", "b" and "c"'
 * joinAnd(['a', 'b', 'c', 'd'], 2);        // 'a, b and 2 more'
 */
export function joinAnd(items: readonly string[], most = Infinity): string {
  const shown = items.length > most ? [...items.slice(0, most), `${items.length - most} more`] : items;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
