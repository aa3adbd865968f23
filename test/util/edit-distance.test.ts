import { editDistance } from '../../src/util/edit-distance';
import { closest, didYouMean } from '../../src/execution/suggest';

describe('editDistance (the one Levenshtein distance)', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['avg3wkSpnd', 'avg3wkSpend', 1],
    ['abc', 'abc', 0],
    ['Spend', 'spend', 1],
  ])('%j → %j is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('agrees with a brute-force recursive definition on short strings', () => {
    const slow = (a: string, b: string): number =>
      a.length === 0 ? b.length : b.length === 0 ? a.length
        : Math.min(
          slow(a.slice(1), b) + 1,
          slow(a, b.slice(1)) + 1,
          slow(a.slice(1), b.slice(1)) + (a[0] === b[0] ? 0 : 1),
        );
    const words = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'xyz', 'aab', 'bbaa'];
    for (const a of words) for (const b of words) expect(editDistance(a, b)).toBe(slow(a, b));
  });

  it('is the distance closest() and didYouMean() rank by', () => {
    expect(closest('spnd', ['spend', 'trend'])).toBe('spend');
    expect(didYouMean('avg3wkSpnd', ['avg3wkSpend', 'spend'])).toBe(' Did you mean "avg3wkSpend"?');
  });
});
