/**
 * How an input error says who declares the input's type: each consumer with the type its own
 * parameter declares, so a feature that declares no type is never reported as declaring one.
 */
import { declaredTypeName, isKnownType } from '../graph/types';
import { joinAnd } from '../util/join-and';

/** A feature that reads an input, and the type its parameter declares (`undefined`/`Object`: none). */
export interface Declarer {
  readonly name: string;
  readonly type: unknown;
}

export { declaredTypeName };

const MOST = 6;

/**
 * The clause naming who declares an input's type, grammatical for one or many, with consumers of
 * unknown type (no annotation, `any`, an interface or union) said to be so.
 *
 * @example
 * declaredBy([{ name: 'a', type: Float64Array }, { name: 'b', type: Float64Array }]);
 * // '"a" and "b" declare it as Float64Array'
 * declaredBy([{ name: 'a', type: Float64Array }, { name: 'b', type: Object }]);
 * // '"a" declares it as Float64Array ("b" declares no type for it: unknown, any value passes there)'
 */
export function declaredBy(declarers: readonly Declarer[]): string {
  const byType = new Map<string, string[]>();
  const untyped: string[] = [];
  for (const { name, type } of declarers) {
    if (!isKnownType(type)) {
      if (!untyped.includes(name)) untyped.push(name);
      continue;
    }
    const key = declaredTypeName(type);
    const names = byType.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    byType.set(key, names);
  }
  const quoted = (names: readonly string[]) => joinAnd(names.map((n) => `"${n}"`), MOST);
  const verb = (names: readonly string[]) => (names.length === 1 ? 'declares' : 'declare');
  const typed = [...byType].map(([type, names], k) =>
    k === 0 ? `${quoted(names)} ${verb(names)} it as ${type}` : `${quoted(names)} as ${type}`);
  const none = untyped.length === 0
    ? ''
    : `${quoted(untyped)} ${verb(untyped)} no type for it: unknown, any value passes there`;
  if (typed.length === 0) return none || 'no feature declares its type';
  return none ? `${joinAnd(typed)} (${none})` : joinAnd(typed);
}
