/** The cache's JSON files give back what went in: what JSON cannot say is tagged, users' own `$` keys never clash. */
import { decodeJson, encodeJson, NotEncodable } from '../../adapters/cache-store/json-codec';

const roundTrip = (value: unknown) => decodeJson(encodeJson(value));

describe('the cache JSON codec', () => {
  it('gives back NaN, ±Infinity, -0, bigint, Date, undefined, Map, Set and typed arrays, nested', () => {
    const value = {
      n: [NaN, Infinity, -Infinity, -0, 0, 1.5], big: 2n ** 70n, when: new Date(Date.UTC(2024, 1, 29)), none: undefined,
      map: new Map<unknown, unknown>([['a', { x: NaN }], [1n, [new Set([1, 'b'])]]]), column: Float32Array.of(0.5, -1),
      deep: { list: [{ $o: 'a user key', $n: 3 }, null, true, 'text'] },
    };
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is(back.n[3], -0)).toBe(true);
    expect(back.column).toBeInstanceOf(Float32Array);
    expect(Object.getPrototypeOf(back.deep)).toBe(Object.prototype);
  });

  it('keeps a "__proto__" key as a key, never as the prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}');
    const back = roundTrip(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses functions and class instances, naming them', () => {
    expect(() => encodeJson({ f: () => 1 })).toThrow(new NotEncodable('a function cannot be stored'));
    class Thing {}
    expect(() => encodeJson([new Thing()])).toThrow(/^Thing instances cannot be stored/);
  });
});
