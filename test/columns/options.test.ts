import { InputError, add, ewmMean, expandingMean, groupMean, groupsOf, rollingMean, shift, year } from '../../src';

describe('kernel options', () => {
  const x = Float64Array.of(1, 2, 3, 4);
  it('refuses a misspelled key with "did you mean", naming the kernel and its valid options', () => {
    expect(() => rollingMean(x, 2, { minPriods: 1 } as never)).toThrow(
      new InputError('rollingMean got an unknown option "minPriods" (did you mean "minPeriods"?). Valid options: groups, out, minPeriods, time.'),
    );
    expect(() => shift(x, 1, { group: groupsOf(['a', 'a', 'b', 'b']) } as never)).toThrow(
      'shift got an unknown option "group" (did you mean "groups"?). Valid options: groups, out.',
    );
    expect(() => ewmMean(x, { spam: 3 } as never)).toThrow('ewmMean got an unknown option "spam" (did you mean "span"?).');
    expect(() => groupMean(x, undefined, { outt: x } as never)).toThrow('groupMean got an unknown option "outt" (did you mean "out"?).');
    expect(() => add(x, 1, { minPeriods: 1 } as never)).toThrow('add got an unknown option "minPeriods". Valid options: groups, out.');
    expect(() => year(x, { ot: new Float64Array(4) } as never)).toThrow('year got an unknown option "ot" (did you mean "out"?).');
  });

  it('refuses options that are not an object, which would otherwise be ignored', () => {
    expect(() => rollingMean(x, 2, 1 as never)).toThrow(
      new InputError('rollingMean: opts must be an options object such as { groups, out, minPeriods, time }; got 1.'),
    );
  });

  it('takes the keys it knows', () => {
    expect(Array.from(expandingMean(x, { minPeriods: 2, groups: groupsOf(['a', 'a', 'b', 'b']) }))).toEqual([NaN, 1.5, NaN, 3.5]);
  });
});
