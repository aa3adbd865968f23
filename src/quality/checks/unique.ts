/**
 * `unique`: no non-missing value appears twice (missing values are `allowNaNs`' business and are
 * not compared). Values compare as `valuesIn` compares them.
 */
import { isMissing, isTable } from '../column';
import { elementsOf } from '../elements';
import { allPresent, notApplicable, Offenders, type CheckFn } from '../outcome';
import { countOf, formatValue, MAX_SAMPLE_ROWS, ROWS_IN_MESSAGE } from '../text';
import { comparable } from './values-in';

/**
 * The `unique` check. `unique: false` allows duplicates and always passes without looking.
 *
 * @example
 * uniqueCheck(true)([1, 2, 1]).message;
 * // '1 of 3 values (33.3%) repeat an earlier value: row 2 repeats row 0 (1)'
 */
export function uniqueCheck(required: boolean): CheckFn {
  return (value) => {
    if (!required) return { passes: true, message: 'duplicates allowed (unique: false); not checked', diagnostics: {} };
    const elements = isTable(value) ? null : elementsOf(value);
    if (elements === null) return notApplicable('unique', 'a column', value);
    const firstSeen = new Map<unknown, number>();
    const repeats = new Offenders();
    const sameAs: number[] = [];
    for (let i = 0; i < elements.length; i++) {
      const v = elements[i];
      if (isMissing(v)) continue;
      const key = comparable(v);
      const earlier = firstSeen.get(key);
      if (earlier === undefined) firstSeen.set(key, i);
      else {
        if (sameAs.length < MAX_SAMPLE_ROWS) sameAs.push(earlier);
        repeats.add(i, v);
      }
    }
    const n = elements.length;
    const diagnostics = { ...repeats.diagnostics(n), sameAs, firstValues: repeats.values.map(comparable), distinct: firstSeen.size };
    if (repeats.count === 0) {
      return { passes: true, message: allPresent(n, n - firstSeen.size, 'unique', 'are distinct'), diagnostics };
    }
    const examples = repeats.rows.slice(0, ROWS_IN_MESSAGE)
      .map((row, k) => `row ${row} repeats row ${sameAs[k]} (${formatValue(repeats.values[k])})`);
    const more = repeats.count > examples.length ? ', …' : '';
    return { passes: false, message: `${countOf(repeats.count, n)} repeat an earlier value: ${examples.join(', ')}${more}`, diagnostics };
  };
}
