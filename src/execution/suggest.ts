/**
 * "Did you mean …?" — the one suggester behind every unknown name quiver reports (outputs,
 * lineage queries, nodes to draw, option keys, columns). Names are compared by edit distance,
 * case ignored; a name is close when at most max(2, ⌊length/3⌋) letters differ.
 */
import { editDistance as distance } from '../util/edit-distance';

/**
 * A name a user may write: a known name, or `[spelled, means]` when writing `spelled` means
 * `means` (the method `out__b` that defines the node `out` under `@config.when`).
 */
export type Spelling = string | readonly [spelled: string, means: string];

/**
 * The known names closest to `name`: all at the smallest distance (at most `max`, in `known`'s order), or
 * `[]` when none is close. A spelling equal to `name` wins outright.
 *
 * @example
 * suggestions('out_c', ['out_a', 'out_b', 'other']);        // ['out_a', 'out_b']
 * suggestions('out__b', ['out', ['out__b', 'out']]);        // ['out']
 */
export function suggestions(name: string, known: Iterable<Spelling>, max = 3): string[] {
  const lower = name.toLowerCase();
  let bestDistance = Math.max(2, Math.floor(name.length / 3));
  let best = new Set<string>();
  for (const k of known) {
    const [spelled, means] = typeof k === 'string' ? [k, k] : k;
    if (spelled === name && means !== name) return [means];
    if (Math.abs(spelled.length - name.length) > bestDistance) continue;
    const d = distance(lower, spelled.toLowerCase());
    if (d < bestDistance) {
      best = new Set([means]);
      bestDistance = d;
    } else if (d === bestDistance) best.add(means);
  }
  best.delete(name);
  return [...best].slice(0, max);
}

/**
 * The single known name closest to `name`, if one is close enough.
 *
 * @example
 * closest('spnd', ['spend', 'trend']); // 'spend'
 */
export function closest(name: string, known: Iterable<Spelling>): string | undefined {
  return suggestions(name, known, 1)[0];
}

/**
 * ` Did you mean "a"?`, ` Did you mean "a" or "b"?` (the closest ones), or `''` when none is close.
 *
 * @example
 * didYouMean('colC', ['colA', 'colB', 'tbl']); // ' Did you mean "colA" or "colB"?'
 */
export function didYouMean(name: string, known: Iterable<Spelling>): string {
  const near = suggestions(name, known).map((n) => `"${n}"`);
  if (near.length === 0) return '';
  const last = near.pop()!;
  return ` Did you mean ${near.length > 0 ? `${near.join(', ')} or ${last}` : last}?`;
}
