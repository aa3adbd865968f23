/**
 * Levenshtein edit distance (insert, delete, substitute each cost 1), case-sensitive: the one
 * distance behind every "did you mean" in quiver (`closest`, `didYouMean`, option-key hints).
 * One row of `Int32Array`, O(|a|·|b|) time, O(|b|) memory.
 *
 * @example
 * editDistance('kitten', 'sitting'); // 3
 */
export function editDistance(a: string, b: string): number {
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(up + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return row[b.length];
}
